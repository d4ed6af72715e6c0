// `horde-model-reference/schemas`: the data formats. The zod (mini) schema and type of every v2
// record and legacy record, per-record parsing, legacy → v2 conversion, text model names, and the
// static facts about each category.
export {
  CATEGORY_DESCRIPTORS,
  type CategoryClassification,
  type CategoryDescriptor,
  type LegacyRepository,
  type LegacySource,
} from './categories.js';
export { isLegacyFormatError, LegacyFormatError } from './errors/legacy-format-error.js';
export { convertLegacyFile, convertLegacyJson } from './legacy/convert.js';
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
export {
  type BlipRecord,
  blipRecordSchema,
  type ClipRecord,
  type CodeformerRecord,
  clipRecordSchema,
  codeformerRecordSchema,
  type EsrganRecord,
  esrganRecordSchema,
  type GfpganRecord,
  gfpganRecordSchema,
  type MiscellaneousRecord,
  miscellaneousRecordSchema,
  type SafetyCheckerRecord,
  safetyCheckerRecordSchema,
} from './schemas/auxiliary-records.js';
export {
  CONTROLNET_STYLES,
  type ControlnetAnnotatorRecord,
  type ControlnetRecord,
  type ControlnetStyle,
  controlnetAnnotatorRecordSchema,
  controlnetRecordSchema,
} from './schemas/controlnet-records.js';
export type { BaseRecordShape, GenericModelRecord } from './schemas/generic-record.js';
export {
  type ImageBaseline,
  type ImageGenerationRecord,
  imageGenerationRecordSchema,
  KNOWN_IMAGE_BASELINES,
  MODEL_STYLES,
  type ModelStyle,
} from './schemas/image-generation-record.js';
export {
  LEGACY_BASELINES,
  type LegacyClipRecord,
  type LegacyConfig,
  type LegacyConfigDownload,
  type LegacyConfigFile,
  type LegacyGenericRecord,
  type LegacyStableDiffusionRecord,
  type LegacyTextGenerationRecord,
  legacyClipRecordSchema,
  legacyGenericRecordSchema,
  legacyStableDiffusionRecordSchema,
  legacyTextGenerationRecordSchema,
} from './schemas/legacy-records.js';
export {
  type AudioGenerationRecord,
  audioGenerationRecordSchema,
  type LoraRecord,
  loraRecordSchema,
  type TiRecord,
  tiRecordSchema,
  type VideoGenerationRecord,
  videoGenerationRecordSchema,
} from './schemas/media-records.js';
export { type CategoryMetadata, categoryMetadataSchema } from './schemas/metadata.js';
export {
  type FieldIssue,
  frozenRecordSchema,
  MAX_RECORD_DEPTH,
  type ParsedCategory,
  type ParsedRecord,
  type ParseOutcome,
  parseCategoryRecords,
  parseRecord,
  type RecordIssue,
} from './schemas/parse-records.js';
export {
  type CategoryRecords,
  type ModelRecord,
  RECORD_SCHEMAS,
  type RecordOf,
  type RecordTypes,
} from './schemas/record-schemas.js';
export {
  type DownloadRecord,
  type FinetuneSeries,
  MODEL_DOMAINS,
  MODEL_PURPOSES,
  type ModelClassification,
  type ModelDomain,
  type ModelPurpose,
  type RecordConfig,
  type RecordMetadata,
  type Schema,
  type SettingsMap,
  type SettingValue,
} from './schemas/shared.js';
export {
  TEXT_BACKENDS,
  type TextBackend,
  type TextGenerationRecord,
  textGenerationRecordSchema,
} from './schemas/text-generation-record.js';
