// The typed client of every PRIMARY endpoint.
export type { AuditArea, AuditOptions } from './areas/audit-area.js';
export { type BaselinesArea, baselinesEtag } from './areas/baselines-area.js';
export type { LicensedAssetFilter, LicensingArea } from './areas/licensing-area.js';
export type { MetadataArea } from './areas/metadata-area.js';
export type {
  PendingBatchRequest,
  PendingQueueArea,
  PendingQueueFilter,
  PurgeRequest,
} from './areas/pending-queue-area.js';
export type { PopularCategory, PopularModels, PopularParams } from './areas/popular.js';
export type {
  DeletionRiskParams,
  StatisticsArea,
  StatisticsParams,
  WithStatsParams,
} from './areas/statistics-area.js';
export { guidanceEtag, type TextGuidanceArea } from './areas/text-guidance-area.js';
export type { GroupCommonFields, TextUtilsArea } from './areas/text-utils-area.js';
export type { V1Area, V1WriteResult } from './areas/v1-area.js';
export type { ApiSearchPage, V2Area } from './areas/v2-area.js';
export type { ApiCallOptions, VersionedCallOptions } from './call-options.js';
export {
  type CapabilityProbe,
  createCapabilityProbe,
  probeCapabilities,
  SERVER_FEATURES,
  type ServerCapabilities,
} from './capabilities.js';
export {
  type ApiClient,
  type ApiClientOptions,
  createApiClient,
  DEFAULT_API_BASE_URL,
  type UserArea,
} from './client.js';
export { type ConditionalRead, isRouteMissing } from './feature-call.js';
export { API_ROUTES } from './registry.js';
export type { ApiArea, ApiRole, ApiRoute, RegisteredApiRoute } from './route.js';
export type * from './types/audit.js';
export type { ImageBaselinePage } from './types/baselines.js';
export {
  checkBaselineChangeSet,
  checkGuidanceChangeSet,
  type GuidanceAssignmentChange,
  type GuidanceMigrationPreview,
  type GuidanceProfileChange,
  type ImageBaselineChange,
  type ImageBaselineChangeSet,
  type TextGuidanceChangeSet,
} from './types/change-sets.js';
export {
  type CategoryDeletionRiskResponse,
  DELETION_RISK_PRESETS,
  type DeletionRiskPreset,
  type ModelDeletionRiskInfo,
} from './types/deletion-risk.js';
export type {
  LicenseDefinitionPage,
  LicensedAssetPage,
  LicensedAssetView,
  LicensingDatasetMetadata,
  LicensingExport,
} from './types/licensing.js';
export type * from './types/pending.js';
export type {
  BackendInfo,
  CategoryLastUpdatedResponse,
  CombinedModelStatistics,
  HeartbeatResponse,
  LastUpdatedResponse,
  MessageResponse,
  PopularModelResult,
  SearchResponse,
  UserRolesResponse,
} from './types/service.js';
export {
  type AIHordeRequestExample,
  type GuidanceAudienceContent,
  type GuidanceProfileKind,
  type GuidanceRecordMetadata,
  isPromptContract,
  type PromptExample,
  type RawPromptTemplate,
  type ResolvedTextGuidance,
  type TextGuidanceAssignment,
  type TextGuidanceAssignmentPage,
  type TextGuidanceCatalog,
  type TextGuidanceCatalogMetadata,
  type TextUsageProfile,
  type TextUsageProfilePage,
  type TextUsageProfileSummary,
} from './types/text-guidance.js';
export type * from './types/text-utils.js';
