import { createHash } from 'node:crypto';
import type { UnsafePathError } from '../errors/unsafe-path-error.js';
import { downloadManifest, type ManifestFile } from '../worker/download-manifest.js';
import { type DownloadFileSystem, nodeFileSystem } from './file-system.js';
import { hashFileInto } from './hash-file.js';
import { isLocated, locateFile, type ModelFileLocation } from './locate.js';
import { checkOptionKeys } from './option-keys.js';
import { type RecordsInput, recordList } from './records.js';
import { type RootOption, WeightsRoots } from './roots.js';
import { readSidecar, writeSidecar } from './sidecar.js';
import { mapLimit } from './tasks.js';

/**
 * What is on disk for one file:
 * - `verified`: present, and its sha256 is the reference's;
 * - `unverified`: present, but the reference has no usable sha256 (`FIXME`, empty, malformed);
 * - `missing`: not under any root;
 * - `wrong-size`: present, but not the size the reference gives (not hashed);
 * - `wrong-hash`: present, with another sha256 (a corrupt file, or the reference changed);
 * - `unchecked`: present, not hashed and no trusted sidecar (plans made with `verify: 'exists'`);
 * - `refused`: its name or a symlink would leave the weights root (nothing was read);
 * - `no-folder`: its category has no folder (text, video and audio generation).
 */
export type FileStatus =
  | 'verified'
  | 'unverified'
  | 'missing'
  | 'wrong-size'
  | 'wrong-hash'
  | 'unchecked'
  | 'refused'
  | 'no-folder';

/** The verdict on one file of one model. */
export interface FileVerification {
  readonly model: string;
  readonly category: string;
  readonly file: ManifestFile;
  readonly status: FileStatus;
  /** Relative to a root, `/`-separated; `null` when refused or folder-less. */
  readonly relativePath: string | null;
  /** The copy examined, or where a download would go; `null` when refused or folder-less. */
  readonly path: string | null;
  /** Where a download of it goes (under the first root); `null` when refused or folder-less. */
  readonly targetPath: string | null;
  /** Size on disk, when present. */
  readonly sizeBytes: number | null;
  /** The file's sha256, when it was known from its sidecar or computed. */
  readonly actualSha256: string | null;
  /** `sidecar`: from a trusted sidecar, in milliseconds; `file`: hashed now; `null`: not hashed. */
  readonly hashedFrom: 'sidecar' | 'file' | null;
  /** Why the file was refused. */
  readonly error?: UnsafePathError;
}

/**
 * A model's verdict: `verified` (every file verified), `unverified` (every file present, some
 * without a known hash), `incomplete` (a file missing or wrong: download it), `refused` (a file
 * name is unsafe) or `unsupported` (no folder for its category).
 */
export type ModelStatus = 'verified' | 'unverified' | 'incomplete' | 'refused' | 'unsupported';

/** The verdict on one model and each of its files. */
export interface ModelVerification {
  readonly name: string;
  readonly category: string;
  readonly status: ModelStatus;
  readonly files: readonly FileVerification[];
}

/** Everything {@link verifyModelFiles} found. */
export interface VerificationReport {
  readonly models: readonly ModelVerification[];
  /** Every file of every model, in order (a file shared by two models appears for each). */
  readonly files: readonly FileVerification[];
  /** Files per status. */
  readonly counts: Readonly<Record<FileStatus, number>>;
}

/** Options of {@link verifyModelFiles}. */
export interface VerifyOptions {
  /** The weights root, or several (the first existing copy of a file is the one verified). */
  readonly root: RootOption;
  readonly signal?: AbortSignal | undefined;
  /** Files hashed at once. @default 2 */
  readonly concurrency?: number | undefined;
  /** Read and write `.sha256` sidecars, so the next check of an unchanged file skips hashing. @default true */
  readonly sidecars?: boolean | undefined;
  /**
   * `false`: look at existence, size and trusted sidecars only; a present file with no trusted
   * sidecar is `unchecked` instead of being hashed.
   * @default true
   */
  readonly hash?: boolean | undefined;
  /** Trust sidecars of the Python library newer than their file. @default true */
  readonly trustForeignSidecars?: boolean | undefined;
  /** Called while a file is hashed, with its bytes hashed so far. */
  readonly onHashProgress?:
    | ((event: {
        readonly path: string;
        readonly bytes: number;
        readonly totalBytes: number;
      }) => void)
    | undefined;
  readonly fileSystem?: DownloadFileSystem | undefined;
}

const VERIFY_OPTION_KEYS: Readonly<Record<keyof VerifyOptions, true>> = {
  root: true,
  signal: true,
  concurrency: true,
  sidecars: true,
  hash: true,
  trustForeignSidecars: true,
  onHashProgress: true,
  fileSystem: true,
};

/** Checks one located file; shared with the planner and the downloader. */
export async function checkFile(
  location: ModelFileLocation,
  options: VerifyOptions,
): Promise<Pick<FileVerification, 'status' | 'sizeBytes' | 'actualSha256' | 'hashedFrom'>> {
  const { file, path } = location;
  if (!location.exists)
    return { status: 'missing', sizeBytes: null, actualSha256: null, hashedFrom: null };
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  const stat = await fileSystem.stat(path, { bigint: true });
  const sizeBytes = Number(stat.size);
  const base = { sizeBytes, actualSha256: null, hashedFrom: null };
  if (file.sizeBytes !== null && file.sizeBytes !== sizeBytes)
    return { ...base, status: 'wrong-size' };
  if (file.sha256 === null) return { ...base, status: 'unverified' };
  const sidecarOptions = { fileSystem, trustForeign: options.trustForeignSidecars };
  const stamp = { size: stat.size, mtimeNs: stat.mtimeNs };
  let digest = options.sidecars === false ? null : await readSidecar(path, stamp, sidecarOptions);
  let hashedFrom: 'sidecar' | 'file' = 'sidecar';
  if (digest === null && options.hash === false) return { ...base, status: 'unchecked' };
  if (digest === null) {
    const hash = createHash('sha256');
    const onBytes = options.onHashProgress
      ? (bytes: number) => options.onHashProgress?.({ path, bytes, totalBytes: sizeBytes })
      : undefined;
    await hashFileInto(hash, path, { signal: options.signal, onBytes, fileSystem });
    digest = hash.digest('hex');
    hashedFrom = 'file';
    if (options.sidecars !== false) await writeSidecar(path, digest, stamp, sidecarOptions);
  }
  return {
    sizeBytes,
    actualSha256: digest,
    hashedFrom,
    status: digest === file.sha256 ? 'verified' : 'wrong-hash',
  };
}

/** A model's verdict from its files' verdicts. */
export function modelStatus(files: readonly FileVerification[]): ModelStatus {
  const has = (status: FileStatus) => files.some((f) => f.status === status);
  if (has('refused')) return 'refused';
  if (files.length === 0 || has('no-folder')) return 'unsupported';
  if (has('missing') || has('wrong-size') || has('wrong-hash')) return 'incomplete';
  return has('unverified') || has('unchecked') ? 'unverified' : 'verified';
}

const EMPTY_COUNTS = (): Record<FileStatus, number> => ({
  verified: 0,
  unverified: 0,
  missing: 0,
  'wrong-size': 0,
  'wrong-hash': 0,
  unchecked: 0,
  refused: 0,
  'no-folder': 0,
});

/**
 * Says, for every file of every record, whether it is on disk and intact: verified, unverified
 * (no known sha256), missing, wrong size or wrong hash. Hashes are cached in `.sha256` sidecars
 * keyed by size and mtime, so checking unchanged files again costs two small reads per file, not
 * a hash; a sha256 that changed in the reference shows as `wrong-hash` at once (the sidecar still
 * knows the file's own hash): download it again, as `diffManifests` says.
 *
 * @example
 * ```ts
 * const report = await verifyModelFiles(await refs.getCategory('image_generation'), { root: '/models' });
 * for (const m of report.models) if (m.status === 'incomplete') console.log('download', m.name);
 * ```
 * @throws the abort reason when `signal` aborts; `InvalidOptionsError` for an unknown option or an empty `root`;
 * unexpected file-system errors (EACCES on a root, ...).
 */
export async function verifyModelFiles(
  records: RecordsInput,
  options: VerifyOptions,
): Promise<VerificationReport> {
  checkOptionKeys(options, VERIFY_OPTION_KEYS);
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  const roots = new WeightsRoots(options.root, fileSystem);
  const jobs = recordList(records).flatMap((record) =>
    downloadManifest(record).files.map((file) => ({ record, file })),
  );
  // A file shared by several models (same path) is checked once.
  const byPath = new Map<string, Promise<Awaited<ReturnType<typeof checkFile>>>>();
  const files = await mapLimit(jobs, options.concurrency ?? 2, async ({ record, file }) => {
    options.signal?.throwIfAborted();
    const located = await locateFile(record, file, roots, fileSystem);
    const base = { model: record.name, category: record.record_type, file };
    if (!isLocated(located)) {
      const status = located.problem === 'no-folder' ? 'no-folder' : 'refused';
      return {
        ...base,
        status,
        relativePath: null,
        path: null,
        targetPath: null,
        sizeBytes: null,
        actualSha256: null,
        hashedFrom: null,
        ...(located.error ? { error: located.error } : {}),
      } satisfies FileVerification;
    }
    const key = `${located.path}\u0000${file.sha256}\u0000${file.sizeBytes}`;
    const check = byPath.get(key) ?? checkFile(located, { ...options, fileSystem });
    byPath.set(key, check);
    return {
      ...base,
      relativePath: located.relativePath,
      path: located.path,
      targetPath: located.targetPath,
      ...(await check),
    };
  });
  const counts = EMPTY_COUNTS();
  for (const file of files) counts[file.status]++;
  const models: ModelVerification[] = [];
  let index = 0;
  for (const record of recordList(records)) {
    const count = downloadManifest(record).files.length;
    const own = files.slice(index, index + count);
    index += count;
    models.push({
      name: record.name,
      category: record.record_type,
      status: modelStatus(own),
      files: own,
    });
  }
  return { models, files, counts };
}
