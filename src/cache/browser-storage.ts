import { StorageError, type StorageOperation } from '../errors/storage-error.js';
import type { SnapshotStorage } from './storage.js';

const STORE = 'snapshots';

function storageFailure(operation: StorageOperation, key: string, error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  const errno = typeof name === 'string' ? name : undefined;
  return new StorageError(operation, key, `${errno ?? 'Error'}: ${String(message ?? error)}`, {
    errno,
    cause: error,
  });
}

/** Settles with a request's result, or rejects with its error or its transaction's abort. */
function settle<T>(request: IDBRequest<T>, transaction: IDBTransaction): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    transaction.onabort = () =>
      reject(transaction.error ?? new DOMException('Aborted', 'AbortError'));
  });
}

/** Options of {@link indexedDbStorage}. */
export interface IndexedDbStorageOptions {
  /** @default 'horde-model-reference' */
  readonly databaseName?: string | undefined;
  /**
   * The IndexedDB to use: an `IDBFactory` (typed loosely so these declarations compile without
   * the DOM library, in Node projects too). @default globalThis.indexedDB
   */
  readonly indexedDB?: object | undefined;
}

/** The part of the Web Storage API `localStorageStorage` uses (`localStorage` has it). */
export interface KeyValueArea {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * Browser storage backed by IndexedDB (large quota; categories can be hundreds of KB).
 *
 * The connection is reopened whenever it is lost: when another tab upgrades or deletes the
 * database (`versionchange`: this connection closes at once so it never blocks the other), when
 * the browser closes it (`close`: storage cleared, disk trouble), or when a transaction finds it
 * closed (`InvalidStateError`). A database that lost its store is given it back.
 *
 * @example
 * ```ts
 * const refs = new ModelReferenceManager({ storage: indexedDbStorage() });
 * ```
 * @throws {StorageError} from its methods (as rejections, never synchronously) when IndexedDB is
 * unavailable (`errno: 'IndexedDBUnavailable'`: some private modes, Node, sandboxed frames) or
 * an operation fails (`errno`: the DOMException name, such as `QuotaExceededError`).
 */
export function indexedDbStorage(options: IndexedDbStorageOptions = {}): SnapshotStorage {
  const databaseName = options.databaseName ?? 'horde-model-reference';
  let connection: Promise<IDBDatabase> | undefined;
  // The database `connection` resolved to: only its loss drops the connection (a late close
  // event of an older connection must not drop a newer one).
  let current: IDBDatabase | undefined;
  const forget = (db: IDBDatabase) => {
    if (current !== db) return;
    current = undefined;
    connection = undefined;
  };
  const openVersion = (factory: IDBFactory, version?: number) =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(databaseName, version);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STORE))
          request.result.createObjectStore(STORE);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () =>
        reject(new DOMException('Another tab holds the database open', 'BlockedError'));
    });
  const connect = async (): Promise<IDBDatabase> => {
    const factory = (options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB) as
      | IDBFactory
      | undefined;
    if (!factory)
      throw new DOMException(
        'IndexedDB is not available here; use localStorageStorage() or memoryStorage()',
        'IndexedDBUnavailable',
      );
    // The current version, whatever it is; if it lacks the store (deleted, or upgraded by other
    // code), one version more to add it.
    let db = await openVersion(factory);
    if (!db.objectStoreNames.contains(STORE)) {
      db.close();
      db = await openVersion(factory, db.version + 1);
    }
    db.onversionchange = () => {
      db.close();
      forget(db);
    };
    db.onclose = () => forget(db);
    current = db;
    return db;
  };
  const database = () => {
    connection ??= connect().catch((error: unknown) => {
      connection = undefined; // tried again by the next call
      throw error;
    });
    return connection;
  };
  const run = async <T>(
    operation: StorageOperation,
    key: string,
    mode: IDBTransactionMode,
    action: (store: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> => {
    try {
      for (let attempt = 0; ; attempt++) {
        const db = await database();
        let transaction: IDBTransaction;
        try {
          transaction = db.transaction(STORE, mode);
        } catch (error) {
          // Closed under us (closing for a versionchange, or by the browser): reopen once.
          if ((error as { name?: unknown }).name !== 'InvalidStateError' || attempt > 0)
            throw error;
          forget(db);
          continue;
        }
        return await settle(action(transaction.objectStore(STORE)), transaction);
      }
    } catch (error) {
      throw storageFailure(operation, key, error);
    }
  };
  return {
    get: async (key) => {
      const value = await run<unknown>('get', key, 'readonly', (s) => s.get(key));
      return typeof value === 'string' ? value : undefined;
    },
    set: async (key, value) => {
      await run('set', key, 'readwrite', (s) => s.put(value, key));
    },
    delete: async (key) => {
      await run('delete', key, 'readwrite', (s) => s.delete(key));
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
 * @throws {StorageError} from its methods (as rejections) when `localStorage` is missing or
 * refused (a sandboxed frame) or full (`errno: 'QuotaExceededError'`).
 */
export function localStorageStorage(storage?: KeyValueArea): SnapshotStorage {
  // Read at each call: merely touching `localStorage` throws in some sandboxed frames.
  const attempt = async <T>(
    operation: StorageOperation,
    key: string,
    action: (s: KeyValueArea) => T,
  ) => {
    try {
      const target = storage ?? (globalThis as { localStorage?: KeyValueArea }).localStorage;
      if (!target)
        throw new DOMException('localStorage is not available here', 'LocalStorageUnavailable');
      return action(target);
    } catch (error) {
      throw storageFailure(operation, key, error);
    }
  };
  return {
    get: (key) => attempt('get', key, (s) => s.getItem(key)),
    set: (key, value) => attempt('set', key, (s) => s.setItem(key, value)),
    delete: (key) => attempt('delete', key, (s) => s.removeItem(key)),
  };
}
