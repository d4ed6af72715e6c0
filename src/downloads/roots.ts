import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import { UnsafePathError } from '../errors/unsafe-path-error.js';
import { type DownloadFileSystem, errorCode, nodeFileSystem } from './file-system.js';

/** One weights root, or several: the first existing copy of a file wins; new files go to the first. */
export type RootOption = string | readonly string[];

/** The roots of one operation, absolute, with their real locations (symlinks resolved). */
export class WeightsRoots {
  /** Absolute roots, in search order; new files go to the first. */
  readonly list: readonly string[];
  readonly #fs: DownloadFileSystem;
  #real: Promise<string[]> | undefined;

  /** @throws {InvalidOptionsError} when no root is given or a root is not a non-empty string. */
  constructor(root: RootOption, fileSystem: DownloadFileSystem = nodeFileSystem) {
    const list = typeof root === 'string' ? [root] : [...root];
    if (list.length === 0 || list.some((r) => typeof r !== 'string' || r.trim() === ''))
      throw new InvalidOptionsError('root', 'expected a folder path, or a non-empty list of them');
    this.list = [...new Set(list.map((r) => resolve(r)))];
    this.#fs = fileSystem;
  }

  /** The first root: where new downloads go. */
  get target(): string {
    return this.list[0] as string;
  }

  /** Where `path` really is: symlinks resolved as far as the path exists, the rest appended. */
  async realLocation(path: string): Promise<string> {
    const rest: string[] = [];
    let current = path;
    for (;;) {
      try {
        return join(await this.#fs.realpath(current), ...rest.reverse());
      } catch (error) {
        const parent = dirname(current);
        if (errorCode(error) !== 'ENOENT' || parent === current) throw error;
        rest.push(basename(current));
        current = parent;
      }
    }
  }

  /**
   * Throws when `path` (a file under one of the roots) really lies outside every root, because
   * it or one of its folders is a symlink pointing elsewhere. A symlink into another configured
   * root is fine: that is how a model is kept on a second disk.
   *
   * @throws {UnsafePathError} with reason `symlink-outside-root`.
   */
  async assertInside(path: string, fileName: string): Promise<void> {
    this.#real ??= Promise.all(this.list.map((r) => this.realLocation(r)));
    const [real, roots] = await Promise.all([this.realLocation(path), this.#real]);
    if (roots.some((root) => isWithin(root, real))) return;
    throw new UnsafePathError({
      fileName,
      reason: 'symlink-outside-root',
      root: this.target,
      detail: `${path} resolves outside every weights root`,
    });
  }
}

/** Whether `path` is `folder` or inside it (both absolute, already resolved). */
export function isWithin(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
