import { constants } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import type { SnapshotStorage } from '../cache/storage.js';
import { StorageError, type StorageOperation } from '../errors/storage-error.js';
import { claimTemporaryPath, type FileSystem, removeOrphans } from './temporary-files.js';

/** Turns a storage key into a safe file name (keys contain `:`). */
function fileName(key: string): string {
  return `${key.replace(/[^a-zA-Z0-9._-]/g, '_')}.json`;
}

const EXPLAINED: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  EISDIR: 'a directory is in the place of the file',
  ENOTREG: 'something other than a file (a FIFO, a device) is in its place',
  ENOTDIR: 'a part of the folder path is a file, not a directory',
  EEXIST: 'the folder path exists and is not a directory',
  EMFILE: 'too many open files',
};

function failure(operation: StorageOperation, key: string, path: string, error: unknown) {
  const errno = (error as NodeJS.ErrnoException | null)?.code;
  const what = (errno && EXPLAINED[errno]) ?? (error instanceof Error ? error.message : 'failed');
  return new StorageError(operation, key, `${errno ? `${errno}, ` : ''}${what} (${path})`, {
    errno,
    cause: error,
  });
}

// Windows refuses to replace a file another process has open or is renaming at the same moment;
// that clears within milliseconds.
const TRANSIENT_ON_WINDOWS = new Set(['EPERM', 'EACCES', 'EBUSY']);

async function renameOver(fs: FileSystem, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fs.rename(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (process.platform !== 'win32' || !TRANSIENT_ON_WINDOWS.has(code) || attempt >= 9)
        throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * (attempt + 1)));
    }
  }
}

/**
 * Reads `path` only if it is a regular file. Opened non-blocking, then checked: a FIFO (or a
 * device) in the file's place would otherwise block the read, and the process, forever.
 */
async function readRegularFile(fs: FileSystem, path: string): Promise<string> {
  const handle = await fs.open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = await handle.stat();
    if (!stats.isFile())
      throw Object.assign(new Error(`${path} is not a regular file`), {
        code: stats.isDirectory() ? 'EISDIR' : 'ENOTREG',
      });
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * {@link fileStorage} over any implementation of the few `fs/promises` functions it uses: the
 * seam the fault tests use to simulate a full disk or a read-only file system.
 *
 * @internal
 */
export function createFileStorage(directory: string, fs: FileSystem): SnapshotStorage {
  let ready: Promise<unknown> | undefined;
  const ensureDirectory = () => {
    // A folder that could not be created is tried again on the next write, not failed forever.
    ready ??= fs.mkdir(directory, { recursive: true }).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
  let cleaned: Promise<unknown> | undefined;
  const start = () => {
    cleaned ??= removeOrphans(directory, fs);
    return cleaned;
  };
  return {
    async get(key) {
      await start();
      const path = join(directory, fileName(key));
      try {
        return await readRegularFile(fs, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw failure('get', key, path, error);
      }
    },
    async set(key, value) {
      await start();
      const target = join(directory, fileName(key));
      try {
        await ensureDirectory();
      } catch (error) {
        throw failure('set', key, directory, error);
      }
      const temporary = claimTemporaryPath(target);
      try {
        // `wx`: the temporary file is created by this call or not at all, never shared.
        await fs.writeFile(temporary.path, value, { encoding: 'utf8', flag: 'wx', flush: true });
        await renameOver(fs, temporary.path, target);
      } catch (error) {
        await fs.rm(temporary.path, { force: true }).catch(() => undefined);
        throw failure('set', key, target, error);
      } finally {
        temporary.release();
      }
    },
    async delete(key) {
      await start();
      const path = join(directory, fileName(key));
      try {
        await fs.rm(path, { force: true });
      } catch (error) {
        throw failure('delete', key, path, error);
      }
    },
  };
}

/**
 * Stores snapshots as one JSON file per category in `directory`.
 *
 * Every write goes to a temporary file of its own (host, pid, random bits and a counter in its
 * name, created exclusively), flushed to disk, then renamed over the old file: a stored file is
 * always the complete value of one writer, however many managers or processes write the same
 * folder at once, and a crash or `SIGKILL` mid-write leaves the previous file intact. Temporary
 * files orphaned by killed writers are removed when a storage on the folder is first used (only
 * files named by this library: those of a dead process on this host, or older than ten minutes).
 *
 * A failed read, write or delete (full disk, no permission, read-only file system, a directory in
 * the file's place) rejects with a {@link StorageError} carrying the key and the system error code,
 * and leaves what was stored before untouched; a missing file reads as `null`. A FIFO or device in
 * a file's place is refused at once (`ENOTREG`), never read (which would block forever), and the
 * next write replaces it.
 *
 * @example
 * ```ts
 * import { fileStorage } from 'horde-model-reference/node';
 * const refs = new ModelReferenceManager({ storage: fileStorage('./.cache/model-reference') });
 * ```
 */
export function fileStorage(directory: string): SnapshotStorage {
  return createFileStorage(directory, nodeFs);
}
