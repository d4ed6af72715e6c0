// `horde-model-reference/api`: the typed client of every PRIMARY endpoint.
export type { AuditArea, AuditOptions } from './api/areas/audit-area.js';
export { type BaselinesArea, baselinesEtag } from './api/areas/baselines-area.js';
export type { LicensedAssetFilter, LicensingArea } from './api/areas/licensing-area.js';
export type { MetadataArea } from './api/areas/metadata-area.js';
export type {
  PendingBatchRequest,
  PendingQueueArea,
  PendingQueueFilter,
  PurgeRequest,
} from './api/areas/pending-queue-area.js';
export type { PopularCategory, PopularModels, PopularParams } from './api/areas/popular.js';
export type {
  DeletionRiskParams,
  StatisticsArea,
  StatisticsParams,
  WithStatsParams,
} from './api/areas/statistics-area.js';
export { guidanceEtag, type TextGuidanceArea } from './api/areas/text-guidance-area.js';
export type { GroupCommonFields, TextUtilsArea } from './api/areas/text-utils-area.js';
export type { V1Area, V1WriteResult } from './api/areas/v1-area.js';
export type { ApiSearchPage, V2Area } from './api/areas/v2-area.js';
export type { VersionedCallOptions } from './api/call.js';
export {
  type CapabilityProbe,
  createCapabilityProbe,
  probeCapabilities,
  SERVER_FEATURES,
  type ServerCapabilities,
} from './api/capabilities.js';
export {
  type ApiClient,
  type ApiClientOptions,
  createApiClient,
  type UserArea,
} from './api/client.js';
export { type ConditionalRead, isRouteMissing } from './api/feature-call.js';
export type { PageOptions } from './api/pages.js';
export { API_ROUTES, type ApiArea, type RegisteredApiRoute } from './api/registry.js';
export type {
  AuditBatchDetail,
  AuditBatchPage,
  AuditCurrentResponse,
  BatchNetChangeResponse,
  PendingQueueAuditChange,
} from './api/types/audit.js';
export type { ImageBaselinePage } from './api/types/baselines.js';
export {
  checkBaselineChangeSet,
  checkGuidanceChangeSet,
  type GuidanceAssignmentChange,
  type GuidanceMigrationPreview,
  type GuidanceProfileChange,
  type ImageBaselineChange,
  type ImageBaselineChangeSet,
  type TextGuidanceChangeSet,
} from './api/types/change-sets.js';
export {
  type CategoryDeletionRiskResponse,
  DELETION_RISK_PRESETS,
  type DeletionRiskPreset,
  type ModelDeletionRiskInfo,
} from './api/types/deletion-risk.js';
export type {
  LicenseDefinitionPage,
  LicensedAssetPage,
  LicensedAssetView,
  LicensingDatasetMetadata,
  LicensingExport,
} from './api/types/licensing.js';
export type {
  ApplyPendingChangesResponse,
  ApplySingleChangeResponse,
  FieldDiff,
  PendingBatchResult,
  PendingChangeDiff,
  PendingChangeDiffPage,
  PendingChangeIdResponse,
  PendingChangeRecord,
  PendingChangeStatus,
  PendingQueuePage,
  PurgePendingChangesResponse,
} from './api/types/pending.js';
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
} from './api/types/service.js';
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
} from './api/types/text-guidance.js';
export type {
  BatchUpdateResponse,
  ComposeNameRequest,
  ComposeNameResponse,
  DetectFamiliesResponse,
  GroupAliasResponse,
  GroupFamilyResponse,
  GroupHealthResponse,
  GroupMembersResponse,
  GroupNameSchemaResponse,
  GroupsSummaryResponse,
  ParsedNameResponse,
  TextModelGroupNameSchema,
} from './api/types/text-utils.js';
// The errors a client call can throw, so `./api` alone is enough to handle them.
export { ApiError, type ApiFieldIssue, isApiError } from './errors/api-error.js';
export {
  ChangeSetConflictError,
  isChangeSetConflictError,
} from './errors/change-set-conflict-error.js';
export { ConnectionError, isConnectionError } from './errors/connection-error.js';
export {
  FeatureUnavailableError,
  isFeatureUnavailableError,
  type ServerFeature,
} from './errors/feature-unavailable-error.js';
export { InvalidOptionsError, isInvalidOptionsError } from './errors/invalid-options-error.js';
export {
  InvalidSearchParamsError,
  isInvalidSearchParamsError,
} from './errors/invalid-search-params-error.js';
export {
  isMalformedResponseError,
  MalformedResponseError,
} from './errors/malformed-response-error.js';
export { isModelNotFoundError, ModelNotFoundError } from './errors/model-not-found-error.js';
export { isModelReferenceError, ModelReferenceError } from './errors/model-reference-error.js';
export { isTimeoutError, TimeoutError } from './errors/timeout-error.js';
export { isUnknownCategoryError, UnknownCategoryError } from './errors/unknown-category-error.js';
export type { ConnectionOptions, RetryOptions } from './http/connection-options.js';
export { DEFAULT_PRIMARY_URL } from './http/defaults.js';
export type {
  HttpHooks,
  HttpRequestInfo,
  HttpResponseInfo,
  HttpRetryInfo,
  Logger,
} from './http/observe.js';
export type { RequestOptions } from './http/request-options.js';
export type { ApiRole, ApiRoute, HttpMethod } from './http/routes.js';
export type { LicensingSummary, PermissionCounts } from './query/licensing-summary.js';
export {
  dropNonModelPendingEntries,
  isModelPendingEntry,
  PENDING_RESOURCE_KINDS,
  type PendingResourceKind,
} from './records/pending-resources.js';
