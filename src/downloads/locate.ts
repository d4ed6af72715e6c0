import { join } from 'node:path';
import { isUnsafePathError, type UnsafePathError } from '../errors/unsafe-path-error.js';
import type { ModelRecord } from '../schemas/record-schemas.js';
import { downloadManifest, type ManifestFile } from '../worker/download-manifest.js';
import { type DownloadFileSystem, errorCode, nodeFileSystem } from './file-system.js';
import { relativeModelPath } from './layout.js';
import { type RootOption, WeightsRoots } from './roots.js';

/** Where one file of a model is, or will be, on disk. */
export interface ModelFileLocation {
  readonly model: string;
  readonly category: string;
  readonly file: ManifestFile;
  /** Relative to a weights root, `/`-separated, e.g. `compvis/model.safetensors`. */
  readonly relativePath: string;
  /** The first existing copy across the roots, else {@link targetPath}. */
  readonly path: string;
  /** The root {@link path} is under. */
  readonly root: string;
  /** Under the first root: where a download of this file goes. */
  readonly targetPath: string;
  /** Whether {@link path} is an existing regular file (symlinks followed). */
  readonly exists: boolean;
  /** Its size on disk, when it exists. */
  readonly sizeBytes: number | null;
}

/** A file of a model that has no place on disk. */
export interface UnplacedFile {
  readonly model: string;
  readonly category: string;
  readonly file: ManifestFile;
  /** `no-folder`: the category has none; `unsafe-path`: the name or a symlink would escape. */
  readonly problem: 'no-folder' | 'unsafe-path';
  readonly error: UnsafePathError | undefined;
}

/** Options of {@link locateModelFiles}. */
export interface LocateOptions {
  /** The weights root, or several (first existing copy wins; new files go to the first). */
  readonly root: RootOption;
  /** @default node:fs/promises */
  readonly fileSystem?: DownloadFileSystem | undefined;
}

/** Locates one file against open roots; a refusal is returned, never thrown. */
export async function locateFile(
  record: ModelRecord,
  file: ManifestFile,
  roots: WeightsRoots,
  fileSystem: DownloadFileSystem = nodeFileSystem,
): Promise<ModelFileLocation | UnplacedFile> {
  const base = { model: record.name, category: record.record_type, file };
  try {
    const relativePath = relativeModelPath(record.record_type, file);
    if (relativePath === null) return { ...base, problem: 'no-folder', error: undefined };
    const parts = relativePath.split('/');
    const targetPath = join(roots.target, ...parts);
    for (const root of roots.list) {
      const path = join(root, ...parts);
      await roots.assertInside(path, file.fileName);
      const size = await fileSize(fileSystem, path);
      if (size !== null)
        return { ...base, relativePath, path, root, targetPath, exists: true, sizeBytes: size };
    }
    return {
      ...base,
      relativePath,
      path: targetPath,
      root: roots.target,
      targetPath,
      exists: false,
      sizeBytes: null,
    };
  } catch (error) {
    if (isUnsafePathError(error)) return { ...base, problem: 'unsafe-path', error };
    throw error;
  }
}

/** The size of a regular file at `path` (symlinks followed), or `null` when there is none. */
export async function fileSize(
  fileSystem: DownloadFileSystem,
  path: string,
): Promise<number | null> {
  try {
    const stats = await fileSystem.stat(path);
    return stats.isFile() ? stats.size : null;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return null;
    throw error;
  }
}

/** Whether a location was found (as opposed to a refused or folder-less file). */
export function isLocated(value: ModelFileLocation | UnplacedFile): value is ModelFileLocation {
  return !('problem' in value);
}

/**
 * Where each file of a record is on disk: the first existing copy across the roots, or where a
 * download would put it (under the first root). Existence only: nothing is hashed (see
 * {@link verifyModelFiles}).
 *
 * @example
 * ```ts
 * const [main] = await locateModelFiles(record, { root: ['/ssd/models', '/hdd/models'] });
 * console.log(main.exists ? `on disk at ${main.path}` : `would go to ${main.targetPath}`);
 * ```
 * @throws {UnsafePathError} when a file name would leave its folder, or a symlink on the way
 * points outside every root.
 * @throws {InvalidOptionsError} when `root` is empty.
 */
export async function locateModelFiles(
  record: ModelRecord,
  options: LocateOptions,
): Promise<ModelFileLocation[]> {
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  const roots = new WeightsRoots(options.root, fileSystem);
  const located: ModelFileLocation[] = [];
  for (const file of downloadManifest(record).files) {
    const result = await locateFile(record, file, roots, fileSystem);
    if (!isLocated(result)) {
      if (result.error) throw result.error;
      continue;
    }
    located.push(result);
  }
  return located;
}
