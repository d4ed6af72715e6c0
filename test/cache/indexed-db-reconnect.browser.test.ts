// Issue 14 item 17 (IndexedDB part), in real Chromium: indexedDbStorage reopens a connection that
// was closed (another tab upgrading or deleting the database, the browser closing it, a closed
// connection found by a transaction) instead of failing forever, and rejects clearly when
// IndexedDB cannot be used.
import { afterEach, describe, expect, it } from 'vitest';
import { indexedDbStorage, isStorageError, type SnapshotStorage } from '../../src/index.js';

let counter = 0;
const names: string[] = [];
function databaseName(): string {
  const name = `hmr-reconnect-${Date.now()}-${counter++}`;
  names.push(name);
  return name;
}

afterEach(async () => {
  await Promise.all(
    names.splice(0).map(
      (name) =>
        new Promise((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = request.onerror = request.onblocked = resolve;
        }),
    ),
  );
});

/**
 * The real IndexedDB, recording every connection the storage opens: the test can then close one
 * as the browser would, and count reopenings.
 */
function recordingFactory(): { factory: IDBFactory; connections: IDBDatabase[] } {
  const connections: IDBDatabase[] = [];
  const factory = Object.create(indexedDB) as IDBFactory;
  factory.open = (name: string, version?: number) => {
    const request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    request.addEventListener('success', () => connections.push(request.result));
    return request;
  };
  return { factory, connections };
}

/** Opens `name` at `version` from "another tab", then closes it. */
function otherTab(name: string, version: number, upgrade?: (db: IDBDatabase) => void) {
  return new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => upgrade?.(request.result);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () =>
      reject(new Error('blocked: the storage did not let go of its connection'));
  });
}

async function roundTrip(storage: SnapshotStorage, value: string): Promise<void> {
  await storage.set('k', value);
  expect(await storage.get('k')).toBe(value);
}

describe('indexedDbStorage reconnects', () => {
  it('another tab upgrading the database: the connection lets go at once, and the next call reopens', async () => {
    const name = databaseName();
    const { factory, connections } = recordingFactory();
    const storage = indexedDbStorage({ databaseName: name, indexedDB: factory });
    await roundTrip(storage, 'before');
    // Resolves only if our connection closed on versionchange (otherwise: blocked).
    await otherTab(name, 2);
    await roundTrip(storage, 'after');
    expect(await storage.get('k')).toBe('after');
    expect(connections.length).toBeGreaterThanOrEqual(2);
  });

  it('another tab deleting the database: the next call recreates it and works', async () => {
    const name = databaseName();
    const storage = indexedDbStorage({ databaseName: name });
    await roundTrip(storage, 'v1');
    await new Promise((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = resolve;
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked: the storage kept its connection'));
    });
    expect(await storage.get('k')).toBeUndefined();
    await roundTrip(storage, 'v2');
  });

  it('another tab upgrading and dropping the store: the store is created again', async () => {
    const name = databaseName();
    const storage = indexedDbStorage({ databaseName: name });
    await roundTrip(storage, 'v1');
    await otherTab(name, 5, (db) => db.deleteObjectStore('snapshots'));
    await roundTrip(storage, 'v2');
  });

  it('a connection closed under it (InvalidStateError on the next transaction): reopened', async () => {
    const name = databaseName();
    const { factory, connections } = recordingFactory();
    const storage = indexedDbStorage({ databaseName: name, indexedDB: factory });
    await roundTrip(storage, 'one');
    const [first] = connections;
    first?.close();
    // The real browser refuses a transaction on it...
    expect(() => first?.transaction('snapshots', 'readonly')).toThrow(
      expect.objectContaining({ name: 'InvalidStateError' }),
    );
    // ...and the storage opens a new one.
    expect(await storage.get('k')).toBe('one');
    await roundTrip(storage, 'two');
    expect(connections).toHaveLength(2);
  });

  it("the browser's close event: the next call uses a new connection", async () => {
    const name = databaseName();
    const { factory, connections } = recordingFactory();
    const storage = indexedDbStorage({ databaseName: name, indexedDB: factory });
    await roundTrip(storage, 'one');
    const [first] = connections;
    // What Chromium fires when it closes a connection itself (site data cleared, disk error).
    first?.close();
    first?.dispatchEvent(new Event('close'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await roundTrip(storage, 'two');
    expect(connections).toHaveLength(2);
  });
});

describe('indexedDbStorage without IndexedDB', () => {
  it('rejects every call with a StorageError naming the key, and never throws synchronously', async () => {
    // As in a browser mode that has no IndexedDB: the global is missing.
    const own = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB');
    Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true });
    try {
      const storage = indexedDbStorage({ databaseName: databaseName() });
      for (const call of [
        () => storage.get('k'),
        () => storage.set('k', 'v'),
        () => storage.delete('k'),
      ]) {
        const error = await call().then(
          () => null,
          (e: unknown) => e,
        );
        expect(isStorageError(error)).toBe(true);
        expect(error).toMatchObject({ key: 'k', errno: 'IndexedDBUnavailable' });
        expect((error as Error).message).toMatch(/IndexedDB is not available here/);
      }
    } finally {
      if (own) Object.defineProperty(globalThis, 'indexedDB', own);
      else delete (globalThis as { indexedDB?: unknown }).indexedDB;
    }
    expect(typeof indexedDB.open).toBe('function');
  });

  it('a failed open is tried again by the next call, not remembered forever', async () => {
    let fail = true;
    const factory = Object.create(indexedDB) as IDBFactory;
    factory.open = (name: string, version?: number) => {
      if (fail) throw new DOMException('The operation is insecure.', 'SecurityError');
      return version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    };
    const storage = indexedDbStorage({ databaseName: databaseName(), indexedDB: factory });
    await expect(storage.get('k')).rejects.toMatchObject({
      name: 'StorageError',
      errno: 'SecurityError',
    });
    fail = false;
    await roundTrip(storage, 'works now');
  });
});
