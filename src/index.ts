export * from './api/index.js';
export { indexedDbStorage, localStorageStorage } from './cache/browser-storage.js';
export type { CategorySnapshot, ManagerSnapshot } from './cache/snapshot.js';
export { memoryStorage, type SnapshotStorage } from './cache/storage.js';
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
export {
  type CategoryChange,
  type ChangedRecord,
  diffCategoryRecords,
  type RecordsDiff,
} from './changes/diff-records.js';
export {
  MIN_WATCH_INTERVAL_MS,
  type StopWatching,
  type WatchOptions,
} from './changes/watch.js';
export * from './errors/index.js';
export {
  createHttpClient,
  DEFAULT_CLIENT_AGENT,
  DEFAULT_TIMEOUT_MS,
  type HttpClientOptions,
  type RetryPolicy,
} from './http/http-client.js';
export { type PrimaryUrls, primaryUrls } from './http/primary-urls.js';
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
export type { ManagerEvents, Unsubscribe } from './manager/events.js';
export { DEFAULT_PRIMARY_URL, type ModelReferenceManagerOptions } from './manager/options.js';
export type { CategoryStatus, ManagerStatus, SourceStatus } from './manager/status.js';
export {
  type AllCategories,
  type CallOptions,
  ModelReferenceManager,
  type SourceOptions,
} from './manager.js';
export {
  CANONICAL_SOURCE,
  type ModelProvider,
  type ProviderFetchOptions,
  RESERVED_SOURCE_IDS,
  type SourceSelector,
} from './providers/model-provider.js';
export { type PendingProviderOptions, pendingProvider } from './providers/pending-provider.js';
export { sourceOf } from './providers/provenance.js';
export type { SourceLayer, SourceState } from './providers/provider-registry.js';
export { staticProvider } from './providers/static-provider.js';
export {
  ControlnetQuery,
  createQuery,
  ImageQuery,
  type QueryOf,
  TextQuery,
} from './query/category-queries.js';
export {
  LICENSING_QUERY_NAMES,
  type LicensingSearchParams,
  licensingFilters,
} from './query/licensing-filters.js';
export {
  type LicensingSummary,
  type PermissionCounts,
  summarizeLicensing,
} from './query/licensing-summary.js';
export {
  type FieldPath,
  type FieldValue,
  ModelQuery,
  type Operand,
  type Operator,
  type OrderOptions,
} from './query/model-query.js';
export {
  SEARCH_ALL_CATEGORIES,
  type SearchPage,
  searchAcrossCategories,
  searchRecords,
} from './query/search.js';
export {
  type SearchAllParams,
  type SearchParams,
  toSearchQuery,
  validateSearchParams,
} from './query/search-params.js';
export {
  type BaselineStats,
  type CategoryStatistics,
  computeCategoryStatistics,
  type DownloadStats,
  type ParameterBucketStats,
  type TagStats,
} from './query/statistics.js';
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
  dropNonModelPendingEntries,
  isModelPendingEntry,
  PENDING_RESOURCE_KINDS,
  type PendingResourceKind,
} from './records/pending-resources.js';
export * from './schemas/index.js';
export type { CircuitBreakerOptions, CircuitState } from './sources/circuit-breaker.js';
export type { SourceStats } from './sources/fallback-chain.js';
export {
  DEFAULT_GITHUB_RAW_URL,
  type GithubOptions,
  githubFileUrl,
} from './sources/github-source.js';
export type { CategoryResult, Origin, SourceId } from './sources/source.js';
export { VERSION } from './version.js';
export {
  type DownloadManifest,
  diffManifests,
  downloadManifest,
  downloadManifests,
  type ManifestDiff,
  type ManifestFile,
} from './worker/download-manifest.js';
export { type ModelSelection, selectModels } from './worker/select-models.js';
