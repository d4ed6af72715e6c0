import type { ModelRecord } from '../schemas/record-schemas.js';
import { downloadManifest } from '../worker/download-manifest.js';
import type { DownloadFileSystem } from './file-system.js';
import { fileSize, isLocated, locateFile } from './locate.js';
import { modelKey } from './records.js';
import type { WeightsRoots } from './roots.js';

/** A model no longer selected, with its files on disk. */
export interface DeletableModel {
  readonly name: string;
  readonly category: string;
  /** Its files on disk (with any `.part` left of them), none used by a selected or kept model. */
  readonly files: readonly { readonly path: string; readonly sizeBytes: number }[];
  /** Their bytes. */
  readonly bytes: number;
}

/** Every path, under every root, a record's files may be at. */
async function pathsOf(record: ModelRecord, roots: WeightsRoots, fileSystem: DownloadFileSystem) {
  const paths: string[] = [];
  for (const file of downloadManifest(record).files) {
    const located = await locateFile(record, file, roots, fileSystem);
    if (isLocated(located)) paths.push(located.path, located.targetPath);
  }
  return paths;
}

/**
 * Files on disk of `known` models that are neither selected nor kept, leaving out any file a
 * selected or kept model also uses. Unsafe names are skipped: nothing outside the roots is ever
 * listed for deletion.
 */
export async function findDeletable(
  known: readonly ModelRecord[],
  selected: readonly ModelRecord[],
  keep: ReadonlySet<string>,
  roots: WeightsRoots,
  fileSystem: DownloadFileSystem,
): Promise<DeletableModel[]> {
  const chosen = new Set(selected.map(modelKey));
  const stays = (record: ModelRecord) => chosen.has(modelKey(record)) || keep.has(record.name);
  const used = new Set<string>();
  for (const record of known.filter(stays).concat(selected))
    for (const path of await pathsOf(record, roots, fileSystem)) used.add(path);
  const deletable: DeletableModel[] = [];
  const listed = new Set<string>();
  for (const record of known) {
    if (stays(record)) continue;
    const files: { path: string; sizeBytes: number }[] = [];
    for (const file of downloadManifest(record).files) {
      const located = await locateFile(record, file, roots, fileSystem);
      if (!isLocated(located)) continue;
      for (const path of [located.path, `${located.targetPath}.part`]) {
        if (used.has(path) || listed.has(path)) continue;
        const size = await fileSize(fileSystem, path);
        if (size === null) continue;
        listed.add(path);
        files.push({ path, sizeBytes: size });
      }
    }
    if (files.length > 0)
      deletable.push({
        name: record.name,
        category: record.record_type,
        files,
        bytes: files.reduce((total, f) => total + f.sizeBytes, 0),
      });
  }
  return deletable;
}
