// The typed client of every PRIMARY endpoint.
export type { AuditArea, AuditOptions } from './api/areas/audit-area.js';
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
export type { GroupCommonFields, TextUtilsArea } from './api/areas/text-utils-area.js';
export type { V1Area, V1WriteResult } from './api/areas/v1-area.js';
export type { ApiSearchPage, V2Area } from './api/areas/v2-area.js';
export type { ApiCallOptions, VersionedCallOptions } from './api/call-options.js';
export {
  type ApiClient,
  type ApiClientOptions,
  createApiClient,
  DEFAULT_API_BASE_URL,
  type UserArea,
} from './api/client.js';
export { API_ROUTES } from './api/registry.js';
export type { ApiArea, ApiRole, ApiRoute, RegisteredApiRoute } from './api/route.js';
export type * from './api/types/audit.js';
export {
  type CategoryDeletionRiskResponse,
  DELETION_RISK_PRESETS,
  type DeletionRiskPreset,
  type ModelDeletionRiskInfo,
} from './api/types/deletion-risk.js';
export type * from './api/types/pending.js';
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
export type * from './api/types/text-utils.js';
