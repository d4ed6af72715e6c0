import type { ModelRecord } from '../schemas/record-schemas.js';
import { downloadManifest } from '../worker/download-manifest.js';
import { type DownloadFileSystem, nodeFileSystem } from './file-system.js';
import { isLocated, locateFile } from './locate.js';
import { type RecordsInput, recordList } from './records.js';
import { type RootOption, WeightsRoots } from './roots.js';

/** Presence counts of one category. */
export interface CategoryPresence {
  /** Models with every file on disk. */
  readonly present: number;
  /** Models with a file missing. */
  readonly missing: number;
  /** Models that cannot be placed: no folder for the category, or an unsafe file name. */
  readonly unsupported: number;
  /** Bytes on disk of the present models' files. */
  readonly presentBytes: number;
}

/** Which models are on disk: existence only, nothing hashed (see {@link verifyModelFiles}). */
export interface PresenceSummary {
  /** Names with every file on disk under some root, in input order. */
  readonly present: readonly string[];
  /** Names known to the records but not (fully) on disk. */
  readonly missing: readonly string[];
  /** Names asked for (`names`) that no record has. */
  readonly unknown: readonly string[];
  /** Names that cannot be placed (no folder for the category, unsafe file name). */
  readonly unsupported: readonly string[];
  /** The same, counted per category (null prototype). */
  readonly byCategory: Readonly<Record<string, CategoryPresence>>;
}

/** Options of {@link presenceSummary}. */
export interface PresenceOptions {
  readonly root: RootOption;
  /** Only these model names, in this order; names no record has are listed as `unknown`. */
  readonly names?: Iterable<string> | undefined;
  readonly fileSystem?: DownloadFileSystem | undefined;
}

/**
 * Partitions models into present, missing, unknown and unsupported by looking at the disk only
 * (fast, not integrity-checked), with a summary per category: the one answer to "of these
 * models, which are on disk?", whatever the roots and component folders.
 *
 * @example
 * ```ts
 * const { present, missing } = await presenceSummary(images, { root: '/models', names: ['AlbedoBase XL (SDXL)'] });
 * ```
 * @throws {InvalidOptionsError} for an empty `root`; unexpected file-system errors.
 */
export async function presenceSummary(
  records: RecordsInput,
  options: PresenceOptions,
): Promise<PresenceSummary> {
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  const roots = new WeightsRoots(options.root, fileSystem);
  const all = recordList(records);
  const byName = new Map<string, ModelRecord>();
  for (const record of all) if (!byName.has(record.name)) byName.set(record.name, record);
  const chosen: (ModelRecord | string)[] = options.names
    ? [...options.names].map((name) => byName.get(name) ?? name)
    : all;
  const summary = {
    present: [] as string[],
    missing: [] as string[],
    unknown: [] as string[],
    unsupported: [] as string[],
    byCategory: Object.create(null) as Record<
      string,
      { -readonly [K in keyof CategoryPresence]: number }
    >,
  };
  for (const entry of chosen) {
    if (typeof entry === 'string') {
      summary.unknown.push(entry);
      continue;
    }
    const category = summary.byCategory[entry.record_type] ?? {
      present: 0,
      missing: 0,
      unsupported: 0,
      presentBytes: 0,
    };
    summary.byCategory[entry.record_type] = category;
    const files = downloadManifest(entry).files;
    const located = await Promise.all(files.map((f) => locateFile(entry, f, roots, fileSystem)));
    if (files.length === 0 || !located.every(isLocated)) {
      summary.unsupported.push(entry.name);
      category.unsupported++;
    } else if (located.every((l) => isLocated(l) && l.exists)) {
      summary.present.push(entry.name);
      category.present++;
      for (const l of located) if (isLocated(l)) category.presentBytes += l.sizeBytes ?? 0;
    } else {
      summary.missing.push(entry.name);
      category.missing++;
    }
  }
  return summary;
}
