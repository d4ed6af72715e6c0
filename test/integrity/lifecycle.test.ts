// Promises: a listener can never kill the process; a closed manager makes no request; a stuck
// store never hangs a read or close().
import { describe, expect, it } from 'vitest';
import {
  isManagerClosedError,
  isStorageError,
  type ManagerEvents,
  type SnapshotStorage,
} from '../../src/index.js';
import { setup } from '../helpers/manager.js';

describe('listeners', () => {
  it('an async listener that rejects is an error event, not an unhandled rejection', async () => {
    const errors: ManagerEvents['error'][] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (event: unknown) => unhandled.push(event);
    // Browsers report it as an event, Node on `process`.
    globalThis.addEventListener?.('unhandledrejection', onUnhandled);
    const node = (globalThis as { process?: NodeJS.Process }).process;
    node?.on('unhandledRejection', onUnhandled);
    const { refs: other, standIn: broken } = setup();
    broken.setFault('v2', 'invalid-records');
    other.on('invalid-record', async () => {
      throw new Error('listener failed');
    });
    other.on('error', (event) => errors.push(event));
    await other.getCategory('image_generation');
    await new Promise((resolve) => setTimeout(resolve, 10));
    globalThis.removeEventListener?.('unhandledrejection', onUnhandled);
    node?.off('unhandledRejection', onUnhandled);
    expect(errors.map((e) => e.error.message)).toContain('listener failed');
    expect(unhandled).toEqual([]);
  });

  it('a listener returning a value (push) is fine, and a throwing one does not stop the others', async () => {
    const { refs, standIn } = setup();
    standIn.setFault('v2', 'invalid-records');
    const seen: string[] = [];
    refs.on('invalid-record', () => {
      throw new Error('first');
    });
    refs.on('invalid-record', (issue) => seen.push(issue.key));
    await refs.getCategory('image_generation');
    expect(seen).toHaveLength(1);
  });
});

describe('after close()', () => {
  it('every method that reads or watches rejects with ManagerClosedError, and nothing is requested', async () => {
    const { refs, standIn } = setup();
    await refs.close();
    await refs.close(); // idempotent
    const calls: [string, () => unknown][] = [
      ['getCategory', () => refs.getCategory('clip')],
      ['getModel', () => refs.getModel('clip', 'x')],
      ['findModel', () => refs.findModel('clip', 'x')],
      ['getAll', () => refs.getAll()],
      ['refresh', () => refs.refresh('clip')],
      ['search', () => refs.search('clip')],
      ['searchAll', () => refs.searchAll()],
      ['query', () => refs.query('clip')],
      ['statistics', () => refs.statistics('clip')],
      ['checkForUpdates', () => refs.checkForUpdates()],
    ];
    for (const [method, call] of calls) {
      const error = await Promise.resolve()
        .then(call)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(isManagerClosedError(error), method).toBe(true);
      expect((error as Error).message).toContain(`${method}()`);
    }
    expect(() => refs.watch()).toThrow(/watch\(\) was called after close\(\)/);
    expect(standIn.requests).toEqual([]);
    // What needs no network still answers.
    expect(refs.status().categories).toEqual({});
    expect((await refs.exportSnapshot()).categories).toEqual([]);
  });
});

describe('storage with no deadline of its own', () => {
  const never = <T>() => new Promise<T>(() => {});

  it('a get that never settles: the read goes to the network, the store is reported', async () => {
    const storage: SnapshotStorage = { get: never, set: async () => {}, delete: async () => {} };
    const { refs } = setup({ storage, timeoutMs: 100 });
    const errors: ManagerEvents['error'][] = [];
    refs.on('error', (event) => errors.push(event));
    expect(Object.keys(await refs.getCategory('clip'))).toHaveLength(2);
    expect(errors[0]).toMatchObject({ category: 'clip', origin: 'storage' });
    expect(isStorageError(errors[0]?.error)).toBe(true);
    expect(errors[0]?.error.message).toMatch(/no answer within 100 ms/);
  });

  it('a set that never settles: close() still returns, the write is reported', async () => {
    const storage: SnapshotStorage = { get: async () => null, set: never, delete: async () => {} };
    const { refs } = setup({ storage, timeoutMs: 100 });
    const errors: ManagerEvents['error'][] = [];
    refs.on('error', (event) => errors.push(event));
    await refs.getCategory('clip');
    await refs.close();
    expect(errors.map((e) => e.origin)).toEqual(['storage']);
    expect(errors[0]?.error.message).toMatch(/Could not write .*clip/);
  });

  it('a store that throws synchronously is reported, not thrown at the reader', async () => {
    const storage: SnapshotStorage = {
      get: () => {
        throw new TypeError('broken adapter');
      },
      set: async () => {},
      delete: async () => {},
    };
    const { refs } = setup({ storage });
    const errors: ManagerEvents['error'][] = [];
    refs.on('error', (event) => errors.push(event));
    expect(Object.keys(await refs.getCategory('clip'))).toHaveLength(2);
    expect(errors[0]?.error.message).toMatch(/broken adapter/);
  });
});
