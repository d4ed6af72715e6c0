import { dirname, resolve } from 'node:path';
import { type DownloadFileSystem, errorCode, nodeFileSystem } from './file-system.js';

/**
 * Bytes an unprivileged user may still write on the file system holding `path` (`statfs`:
 * available blocks × block size), asked of the nearest existing folder when `path` does not
 * exist yet. `null` when the platform cannot tell.
 *
 * @example
 * ```ts
 * const free = await freeBytes('/models'); // e.g. 214_748_364_800
 * ```
 */
export async function freeBytes(
  path: string,
  fileSystem: DownloadFileSystem = nodeFileSystem,
): Promise<number | null> {
  let current = resolve(path);
  for (;;) {
    try {
      const stats = await fileSystem.statfs(current);
      return Number(stats.bavail) * Number(stats.bsize);
    } catch (error) {
      const parent = dirname(current);
      if (errorCode(error) !== 'ENOENT' || parent === current) return null;
      current = parent;
    }
  }
}
