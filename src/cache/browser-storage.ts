import type { SnapshotStorage } from './storage.js';

/**
 * Browser storage backed by IndexedDB (large quota; categories can be hundreds of KB).
 *
 * @example
 * ```ts
 * const refs = new ModelReferenceManager({ storage: indexedDbStorage() });
 * ```
 * @throws {Error} from its methods when IndexedDB is unavailable (e.g. some private modes).
 */
export function indexedDbStorage(options: { databaseName?: string } = {}): SnapshotStorage {
  const databaseName = options.databaseName ?? 'horde-model-reference';
  const store = 'snapshots';
  let database: Promise<IDBDatabase> | undefined;
  const open = () => {
    database ??= new Promise((resolve, reject) => {
      const request = indexedDB.open(databaseName, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(store);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    return database;
  };
  const run = async <T>(mode: IDBTransactionMode, action: (s: IDBObjectStore) => IDBRequest<T>) => {
    const db = await open();
    return new Promise<T>((resolve, reject) => {
      const request = action(db.transaction(store, mode).objectStore(store));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  };
  return {
    get: async (key) => (await run<unknown>('readonly', (s) => s.get(key))) as string | undefined,
    set: async (key, value) => {
      await run('readwrite', (s) => s.put(value, key));
    },
    delete: async (key) => {
      await run('readwrite', (s) => s.delete(key));
    },
  };
}

/**
 * Browser storage backed by `localStorage` (synchronous, ~5 MB quota: enough for the catalogue,
 * but IndexedDB is the better default).
 *
 * @example
 * ```ts
 * const refs = new ModelReferenceManager({ storage: localStorageStorage() });
 * ```
 */
export function localStorageStorage(storage: Storage = globalThis.localStorage): SnapshotStorage {
  return {
    get: async (key) => storage.getItem(key),
    set: async (key, value) => storage.setItem(key, value),
    delete: async (key) => storage.removeItem(key),
  };
}
