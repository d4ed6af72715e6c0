// Node-only helpers: file storage, the stand-in server, the file coordinator of a fleet, and
// model downloads (the on-disk layout, verification, planning, verified and resumable downloads).
// Everything isomorphic lives in the `.` entry point.

export {
  type DownloadOptions,
  type DownloadReport,
  downloadModels,
} from './downloads/download-models.js';
export type {
  DownloadProgressEvent,
  FileDone,
  FileDownloadResult,
  FileDownloadStatus,
  FileFailed,
  FileInterrupted,
  ProgressFile,
  ProgressTotals,
} from './downloads/download-types.js';
export {
  type DownloadUrl,
  type FileToResolve,
  type MirrorOption,
  type MirrorsFirstOptions,
  mirrorsFirst,
  type ResolveUrls,
} from './downloads/download-urls.js';
export { type DownloadFileSystem, nodeFileSystem } from './downloads/file-system.js';
export { type FindWeightsRootOptions, findWeightsRoot } from './downloads/find-weights-root.js';
export { freeBytes } from './downloads/free-space.js';
export { sha256File } from './downloads/hash-file.js';
export {
  CATEGORY_FOLDERS,
  COMPONENT_FOLDERS,
  categoryFolder,
  type ModelFileEntry,
  modelFilePath,
  relativeModelPath,
} from './downloads/layout.js';
export {
  type LocateOptions,
  locateModelFiles,
  type ModelFileLocation,
} from './downloads/locate.js';
export {
  type DeletableModel,
  type DownloadPlan,
  type PlannedFile,
  type PlannedModel,
  type PlanOptions,
  planDownloads,
  type UnfitModel,
  type UnsupportedModel,
} from './downloads/plan.js';
export type { PlanOrder } from './downloads/plan-order.js';
export {
  type CategoryPresence,
  type PresenceOptions,
  type PresenceSummary,
  presenceSummary,
} from './downloads/presence.js';
export type { RecordsInput } from './downloads/records.js';
export { redactUrl } from './downloads/redact-url.js';
export type { RootOption } from './downloads/roots.js';
export {
  type FileStamp,
  readSidecar,
  type SidecarOptions,
  sidecarPath,
  writeSidecar,
} from './downloads/sidecar.js';
export {
  type FileStatus,
  type FileVerification,
  type ModelStatus,
  type ModelVerification,
  type VerificationReport,
  type VerifyOptions,
  verifyModelFiles,
} from './downloads/verify.js';
export {
  type DownloadAttempt,
  DownloadFailedError,
  type DownloadFailureReason,
  isDownloadFailedError,
} from './errors/download-failed-error.js';
export {
  isUnsafePathError,
  UnsafePathError,
  type UnsafePathReason,
} from './errors/unsafe-path-error.js';
export {
  DEFAULT_FILE_POLL_INTERVAL_MS,
  type FileCoordinatorOptions,
  fileCoordinator,
} from './fleet/file-coordinator.js';
export { fileStorage } from './node/file-storage.js';
export {
  type StandInHandler,
  type StandInServer,
  startStandInServer,
} from './node/stand-in-server.js';
// A file of a model's manifest: what every download, verification and plan result names.
export type { ManifestFile } from './worker/download-manifest.js';
