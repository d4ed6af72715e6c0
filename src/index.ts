// `horde-model-reference`: the isomorphic core (nothing in its graph imports `node:*`). Every
// name is listed here on purpose; `test/package/api-report.test.ts` records them. The API client
// is `horde-model-reference/api`; schemas, parsing and legacy conversion are `.../schemas`.

// The manager, its options, events and status.
export { indexedDbStorage, localStorageStorage } from './cache/browser-storage.js';
export type { ManagerSnapshot } from './cache/snapshot.js';
export { memoryStorage, type SnapshotStorage } from './cache/storage.js';
export { CATEGORIES, type Category, isCategory } from './categories.js';
export type { ChangesOptions } from './changes/change-stream.js';
export type { WatchOptions } from './changes/watch.js';
export { ApiError, isApiError } from './errors/api-error.js';
export {
  ChangeBufferOverflowError,
  isChangeBufferOverflowError,
} from './errors/change-buffer-overflow-error.js';
export { ConnectionError, isConnectionError } from './errors/connection-error.js';
export {
  CoordinatorUnavailableError,
  isCoordinatorUnavailableError,
} from './errors/coordinator-unavailable-error.js';
export { InvalidOptionsError, isInvalidOptionsError } from './errors/invalid-options-error.js';
export {
  InvalidSearchParamsError,
  isInvalidSearchParamsError,
} from './errors/invalid-search-params-error.js';
export {
  isMalformedResponseError,
  MalformedResponseError,
} from './errors/malformed-response-error.js';
export { isManagerClosedError, ManagerClosedError } from './errors/manager-closed-error.js';
export { isModelNotFoundError, ModelNotFoundError } from './errors/model-not-found-error.js';
export {
  isModelReferenceError,
  ModelReferenceError,
  type ModelReferenceErrorCode,
} from './errors/model-reference-error.js';
export {
  isSourceUnavailableError,
  type OriginAttempt,
  SourceUnavailableError,
} from './errors/source-unavailable-error.js';
export { isStorageError, StorageError } from './errors/storage-error.js';
export { isSuspectAnswerError, SuspectAnswerError } from './errors/suspect-answer-error.js';
export { isTimeoutError, TimeoutError } from './errors/timeout-error.js';
export { isUnknownCategoryError, UnknownCategoryError } from './errors/unknown-category-error.js';
export { isUnknownSourceError, UnknownSourceError } from './errors/unknown-source-error.js';
export type { ManagerEvents } from './events.js';
export type { FleetCoordinator } from './fleet/fleet-coordinator.js';
export type { RetryOptions } from './http/connection-options.js';
// The hooks' argument types (HttpRequestInfo, ...) are in ./api, with the rest of the HTTP layer.
export type { HttpHooks, Logger } from './http/observe.js';
export type { RequestOptions } from './http/request-options.js';
export type { BaselineCatalogRead } from './manager/baseline-catalog.js';
export type { RefreshOptions } from './manager/call-options.js';
export {
  type AllCategories,
  ModelReferenceManager,
  type ReadOptions,
} from './manager/model-reference-manager.js';
export type { ModelReferenceManagerOptions } from './manager/options.js';
export type { CategoryStatus, ManagerStatus, OriginStatus } from './manager/status.js';
export type { CircuitBreakerOptions } from './origins/circuit-breaker.js';
export type { GithubOptions } from './origins/github-origin.js';
export type {
  ModelProvider,
  ProviderFetchOptions,
  SourceSelector,
} from './providers/model-provider.js';
export { type PendingProviderOptions, pendingProvider } from './providers/pending-provider.js';
export { staticProvider } from './providers/static-provider.js';
export { createQuery, type QueryOf } from './query/category-queries.js';
export type { LicensingSearchParams } from './query/licensing-filters.js';
export { type FieldPath, ModelQuery, type Operator } from './query/model-query.js';
export { type SearchPage, searchRecords } from './query/search.js';
export type { BaselineOf, SortField } from './query/search-param-types.js';
export type { SearchAllParams, SearchParams } from './query/search-params.js';
export { type CategoryStatistics, computeCategoryStatistics } from './query/statistics.js';
export type { NetworkOrigin, Origin } from './records/category-result.js';
export {
  type CategoryChange,
  diffCategoryRecords,
} from './records/diff-records.js';
export { sourceOf } from './records/provenance.js';
export type { RecordIssue } from './schemas/parse-records.js';
export type {
  CategoryRecords,
  ModelRecord,
  RecordOf,
} from './schemas/record-schemas.js';
export type { Unsubscribe } from './util/emitter.js';
export { VERSION } from './version.js';
export {
  type DownloadManifest,
  diffManifests,
  downloadManifest,
  downloadManifests,
  type ManifestDiff,
} from './worker/download-manifest.js';
export { type ModelSelection, selectModels } from './worker/select-models.js';
