/**
 * Where the last-known-good data is kept between runs. Values are JSON strings, one per key
 * (`horde-model-reference:image_generation`, ...; 0.1 wrote `horde-model-reference:v1:...`, still read).
 *
 * Small enough to adapt any key-value store in a few lines (unstorage, Redis, Cloudflare KV, a
 * file): see `examples/unstorage-adapter.ts`.
 */
export interface SnapshotStorage {
  /** The stored value, or `null`/`undefined` when there is none. */
  get(key: string): Promise<string | null | undefined>;
  /** Stores a serialised snapshot under `key`, replacing what was there. */
  set(key: string, value: string): Promise<void>;
  /** Removes `key`; a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/**
 * In-memory storage: the default. Keeps the last-known-good data for the life of the process.
 *
 * @example
 * ```ts
 * const refs = new ModelReferenceManager({ storage: memoryStorage() });
 * ```
 */
export function memoryStorage(): SnapshotStorage {
  const values = new Map<string, string>();
  return {
    get: async (key) => values.get(key),
    set: async (key, value) => {
      values.set(key, value);
    },
    delete: async (key) => {
      values.delete(key);
    },
  };
}
