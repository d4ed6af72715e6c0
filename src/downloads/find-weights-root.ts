import { join } from 'node:path';
import { type DownloadFileSystem, nodeFileSystem } from './file-system.js';

/** Options of {@link findWeightsRoot}. */
export interface FindWeightsRootOptions {
  /** Folders that together mark a model tree. @default ['compvis', 'clip'] (the reference library's markers) */
  readonly markers?: readonly string[] | undefined;
  /** How many folder levels below `base` to look. @default 3 */
  readonly maxDepth?: number | undefined;
  readonly fileSystem?: DownloadFileSystem | undefined;
}

/**
 * The folder under `base` that holds the category folders of an existing model tree: the first
 * one, breadth first, that contains every marker folder (`compvis` and `clip`), as the reference
 * library's `resolve_weights_root` finds it, so a tool pointed at a worker's `AIWORKER_CACHE_HOME`
 * lands in the same folder the worker uses. `base` itself when none is found. Unlike the Python
 * search, it stops `maxDepth` levels down and does not follow symlinked folders, so a link to `/`
 * cannot make it walk the whole disk.
 *
 * @example
 * ```ts
 * const root = await findWeightsRoot(process.env.AIWORKER_CACHE_HOME ?? 'models');
 * ```
 */
export async function findWeightsRoot(
  base: string,
  options: FindWeightsRootOptions = {},
): Promise<string> {
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  const markers = options.markers ?? ['compvis', 'clip'];
  const maxDepth = options.maxDepth ?? 3;
  let level = [base];
  for (let depth = 0; depth <= maxDepth && level.length > 0; depth++) {
    const next: string[] = [];
    for (const folder of level) {
      let names: string[];
      try {
        const entries = await fileSystem.readdir(folder, { withFileTypes: true });
        names = entries.filter((e) => e.isDirectory()).map((e) => e.name);
      } catch {
        continue;
      }
      if (markers.every((marker) => names.includes(marker))) return folder;
      next.push(...names.sort().map((name) => join(folder, name)));
    }
    level = next;
  }
  return base;
}
