// `horde-model-reference/schemas`: the data formats. The zod (mini) schema and type of every v2
// record and legacy record, per-record parsing, legacy → v2 conversion, text model names, the
// static facts about each category, and the 8.x record facts: licensing (reads and the summary),
// model aliases, the baseline catalog and its bundled table.
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
  type LicensingSummary,
  type PermissionCounts,
  summarizeLicensing,
} from './query/licensing-summary.js';
export {
  type BaselineCatalogDrift,
  baselineCatalogDrift,
  baselineFacts,
  canonicalBaselineName,
  isCataloguedBaseline,
} from './records/baselines.js';
export {
  BUNDLED_BASELINE_CATALOG,
  BUNDLED_BASELINES_COMMIT,
} from './records/bundled-baselines.js';
export {
  aggregatePermissions,
  downloadPermission,
  effectiveLicensing,
  isKnownPermissionStatus,
  type LicensedRecord,
  licensingForFile,
} from './records/licensing.js';
export {
  findRecordByName,
  isModelAlias,
  MODEL_ALIASES,
  modelNameCandidates,
  resolveModelAlias,
} from './records/model-aliases.js';
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
  type BaselineCapabilities,
  type BaselineRecordMetadata,
  type HordeBaselinePolicy,
  type ImageBaselineCatalog,
  type ImageBaselineCatalogMetadata,
  type ImageBaselineRecord,
  imageBaselineCatalogSchema,
  imageBaselineRecordSchema,
} from './schemas/baseline-catalog.js';
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
  IMAGE_SCHEDULERS,
  type ImageRequirements,
  type ImageScheduler,
  normalizeSchedulerRequirements,
} from './schemas/image-requirements.js';
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
  LICENSED_ASSET_KINDS,
  type LicenseDefinition,
  type LicensedAsset,
  type LicensedAssetKind,
  type LicensingRecordMetadata,
  licenseDefinitionSchema,
  licensedAssetSchema,
} from './schemas/license-records.js';
export {
  type KnownPermissionStatus,
  LICENSE_OBLIGATIONS,
  type LicenseAssignment,
  type LicenseEvidence,
  type LicenseObligation,
  type ModelLicensing,
  modelLicensingSchema,
  NOASSERTION,
  PERMISSION_STATUSES,
  type PermissionStatus,
  unknownModelLicensing,
} from './schemas/licensing.js';
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
  type GuidanceSource,
  SUPPORT_STATUSES,
  type SupportClaim,
  type SupportClaims,
  type SupportStatus,
  TEXT_CAPABILITIES,
  TEXT_GUIDANCE_STATUSES,
  TEXT_INTERACTION_MODES,
  type TextCapability,
  type TextContextWindow,
  type TextGuidanceStatus,
  type TextGuidanceSummary,
  type TextInteractionMode,
} from './schemas/text-capabilities.js';
export {
  TEXT_BACKENDS,
  type TextBackend,
  type TextGenerationRecord,
  textGenerationRecordSchema,
} from './schemas/text-generation-record.js';
