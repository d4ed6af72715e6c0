export {
  assertCategory,
  CATEGORIES,
  CATEGORY_DESCRIPTORS,
  type Category,
  type CategoryClassification,
  type CategoryDescriptor,
  isCategory,
  type LegacyRepository,
  type LegacySource,
} from './categories.js';
export * from './errors/index.js';
export { convertLegacyFile, convertLegacyJson } from './legacy/convert.js';
export { roundHalfEven, TEXT_CSV_COLUMNS } from './legacy/convert-text.js';
export type { LegacyConversion, V2RecordJson } from './legacy/legacy-conversion.js';
export {
  backendPrefixOf,
  type ExtraNamePart,
  type ExtraPartType,
  getBaseModelName,
  isQuantizedVariant,
  normalizeModelName,
  type ParsedTextModelName,
  parseTextModelName,
  stripBackendPrefix,
} from './legacy/text-model-name.js';
export * from './schemas/index.js';
