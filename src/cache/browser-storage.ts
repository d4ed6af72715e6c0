import { StorageError, type StorageOperation } from '../errors/storage-error.js';
import type { SnapshotStorage } from './storage.js';

const STORE = 'snapshots';

function storageFailure(operation: StorageOperation, key: string, error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  return new StorageError(
    operation,
    key,
    `${typeof name === 'string' ? `${name}: ` : ''}${message}`,
    {
      errno: typeof name === 'string' ? name : undefined,
      cause: error,
    },
  );
}

const unavailable = (operation: StorageOperation, key: string, detail: string) =>
  new StorageError(
    operation,
    key,
    `IndexedDB is not available here (${detail}); use localStorageStorage() or memoryStorage()`,
    { errno: 'IndexedDBUnavailable' },
  );

/** Settles with a request's result, or rejects with its error or its transaction's abort. */
function settle<T>(request: IDBRequest<T>, transaction: IDBTransaction): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    transaction.onabort = () =>
      reject(transaction.error ?? new DOMException('The transaction was aborted', 'AbortError'));
  });
}

/** Options of {@link indexedDbStorage}. */
export interface IndexedDbStorageOptions {
  /** @default 'horde-model-reference' */
  readonly databaseName?: string | undefined;
  /** The IndexedDB to use. @default globalThis.indexedDB */
  readonly indexedDB?: IDBFactory | undefined;
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
      const request =
        version === undefined ? factory.open(databaseName) : factory.open(databaseName, version);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STORE))
          request.result.createObjectStore(STORE);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () =>
        reject(
          new DOMException(
            'Another tab keeps an older version of the database open',
            'BlockedError',
          ),
        );
    });
  const connect = async (operation: StorageOperation, key: string): Promise<IDBDatabase> => {
    let factory: IDBFactory | undefined;
    try {
      factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    } catch (error) {
      throw unavailable(operation, key, error instanceof Error ? error.message : 'access denied');
    }
    if (!factory) throw unavailable(operation, key, 'no indexedDB in this environment');
    // The current version, whatever it is; if it lacks the store (deleted, or upgraded by other
    // code), one version more to add it.
    let db = await openVersion(factory);
    if (!db.objectStoreNames.contains(STORE)) {
      const next = db.version + 1;
      db.close();
      db = await openVersion(factory, next);
    }
    db.onversionchange = () => {
      db.close();
      forget(db);
    };
    db.onclose = () => forget(db);
    current = db;
    return db;
  };
  const database = (operation: StorageOperation, key: string) => {
    connection ??= connect(operation, key).catch((error: unknown) => {
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
        const db = await database(operation, key);
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
export function localStorageStorage(storage?: Storage): SnapshotStorage {
  // Read at each call: merely touching `localStorage` throws in some sandboxed frames.
  const target = (operation: StorageOperation, key: string): Storage => {
    const found = storage ?? (globalThis as { localStorage?: Storage }).localStorage;
    if (!found)
      throw new StorageError(operation, key, 'localStorage is not available here', {
        errno: 'LocalStorageUnavailable',
      });
    return found;
  };
  const attempt = async <T>(
    operation: StorageOperation,
    key: string,
    action: (s: Storage) => T,
  ) => {
    try {
      return action(target(operation, key));
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
