// Adapting any key-value store to the manager's storage: here an unstorage-shaped store
// (https://unstorage.unjs.io: Redis, Cloudflare KV, Vercel KV, S3, ... all share this API).
import type { SnapshotStorage } from 'horde-model-reference';

/** The part of unstorage's `Storage` the adapter needs. */
export interface UnstorageLike {
  getItem(key: string): Promise<unknown>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

/** Four lines: that is the whole adapter. */
export function fromUnstorage(store: UnstorageLike): SnapshotStorage {
  return {
    get: async (key) => {
      const value = await store.getItem(key);
      // unstorage parses JSON values on read; hand the manager the string it stored.
      return value === null || value === undefined
        ? null
        : typeof value === 'string'
          ? value
          : JSON.stringify(value);
    },
    set: (key, value) => store.setItem(key, value),
    delete: (key) => store.removeItem(key),
  };
}
