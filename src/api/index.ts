// The typed client of every PRIMARY endpoint.
export type { AuditArea, AuditOptions } from './areas/audit-area.js';
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
export type { GroupCommonFields, TextUtilsArea } from './areas/text-utils-area.js';
export type { V1Area, V1WriteResult } from './areas/v1-area.js';
export type { ApiSearchPage, V2Area } from './areas/v2-area.js';
export type { ApiCallOptions, VersionedCallOptions } from './call-options.js';
export {
  type ApiClient,
  type ApiClientOptions,
  createApiClient,
  DEFAULT_API_BASE_URL,
  type UserArea,
} from './client.js';
export { API_ROUTES } from './registry.js';
export type { ApiArea, ApiRole, ApiRoute, RegisteredApiRoute } from './route.js';
export type * from './types/audit.js';
export {
  type CategoryDeletionRiskResponse,
  DELETION_RISK_PRESETS,
  type DeletionRiskPreset,
  type ModelDeletionRiskInfo,
} from './types/deletion-risk.js';
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
export type * from './types/text-utils.js';
