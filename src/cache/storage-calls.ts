import { StorageError } from '../errors/storage-error.js';
import { errorMessage } from '../util/to-error.js';
import { unref } from '../util/unref.js';
import type { SnapshotStorage } from './storage.js';

/**
 * Calls one method of a store within a deadline. A store that never settles (a hung network
 * drive, a FIFO where a file should be, a KV binding that lost its connection) is reported as a
 * {@link StorageError} and bypassed, never waited on forever; a store that throws synchronously is
 * reported the same way.
 *
 * @throws {StorageError} when the call fails or runs out of time.
 */
export async function bounded(
  storage: SnapshotStorage,
  operation: 'get' | 'set',
  key: string,
  timeoutMs: number,
  value = '',
): Promise<string | null | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = unref(
      setTimeout(
        () =>
          reject(
            new StorageError(operation, key, `the store gave no answer within ${timeoutMs} ms`),
          ),
        timeoutMs,
      ),
    );
  });
  try {
    if (operation === 'set') {
      await Promise.race([storage.set(key, value), expired]);
      return undefined;
    }
    return await Promise.race([storage.get(key), expired]);
  } catch (error) {
    if (error instanceof StorageError) throw error;
    const errno = (error as { code?: unknown } | null)?.code;
    throw new StorageError(operation, key, errorMessage(error), {
      ...(typeof errno === 'string' ? { errno } : {}),
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
}
