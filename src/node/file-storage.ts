import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SnapshotStorage } from '../cache/storage.js';

/** Turns a storage key into a safe file name (keys contain `:`). */
function fileName(key: string): string {
  return `${key.replace(/[^a-zA-Z0-9._-]/g, '_')}.json`;
}

/**
 * Stores snapshots as one JSON file per category in `directory`, written atomically: the data
 * goes to a temporary file that is then renamed over the old one, so a crash mid-write leaves
 * the previous file intact, never half a file.
 *
 * @example
 * ```ts
 * import { fileStorage } from 'horde-model-reference/node';
 * const refs = new ModelReferenceManager({ storage: fileStorage('./.cache/model-reference') });
 * ```
 */
export function fileStorage(directory: string): SnapshotStorage {
  let ready: Promise<unknown> | undefined;
  const ensureDirectory = () => {
    ready ??= mkdir(directory, { recursive: true });
    return ready;
  };
  return {
    async get(key) {
      try {
        return await readFile(join(directory, fileName(key)), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async set(key, value) {
      await ensureDirectory();
      const target = join(directory, fileName(key));
      const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temporary, value, { encoding: 'utf8', flush: true });
      await rename(temporary, target);
    },
    async delete(key) {
      await rm(join(directory, fileName(key)), { force: true });
    },
  };
}
