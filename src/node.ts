// Node-only helpers. Everything isomorphic lives in the `.` entry point.
export { fileStorage } from './node/file-storage.js';
export { type StandInServer, startStandInServer } from './node/stand-in-server.js';
