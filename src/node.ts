// Node-only helpers (file storage, local HTTP stand-in). Everything isomorphic lives in `.`.
export {};
