// Node-only helpers. Everything isomorphic lives in the `.` entry point.
export {
  DEFAULT_FILE_POLL_INTERVAL_MS,
  type FileCoordinatorOptions,
  fileCoordinator,
} from './fleet/file-coordinator.js';
export { fileStorage } from './node/file-storage.js';
export { type StandInServer, startStandInServer } from './node/stand-in-server.js';
