import type { ModelRecord } from '../schemas/record-schemas.js';
import type { DownloadRecord } from '../schemas/shared.js';

/** One file a worker has to download for a model. */
export interface ManifestFile {
  /** Horde file name; may contain sub-paths (`annotators/...`). */
  readonly fileName: string;
  /** Download URL, or `null` when the record has none (some converted legacy records). */
  readonly url: string | null;
  /** Lower-case sha256, or `null` when unknown (missing, `FIXME`, or not a sha256). */
  readonly sha256: string | null;
  /** Size in bytes, or `null` when unknown. */
  readonly sizeBytes: number | null;
  /** What the file is for (`vae`, `text_encoders`, ...); `null` for the model's main file. */
  readonly purpose: string | null;
  /** The host is known to be slow: schedule it early or with a longer timeout. */
  readonly slow: boolean;
}

/** Everything a worker needs to fetch and verify one model. */
export interface DownloadManifest {
  readonly name: string;
  readonly files: readonly ManifestFile[];
  /**
   * Bytes to download: the sum of the files' sizes when every file's size is known, else the
   * record's `size_on_disk_bytes`, else `null`.
   */
  readonly totalBytes: number | null;
}

const SHA256 = /^[0-9a-f]{64}$/i;

function manifestFile(download: DownloadRecord): ManifestFile {
  const { sha256sum, size_bytes: size } = download;
  return {
    fileName: download.file_name,
    url: download.file_url === '' ? null : download.file_url,
    sha256: SHA256.test(sha256sum) ? sha256sum.toLowerCase() : null,
    sizeBytes: typeof size === 'number' && Number.isFinite(size) && size >= 0 ? size : null,
    purpose: download.file_purpose ?? null,
    slow: download.known_slow_download === true,
  };
}

/**
 * The download manifest of a model: its files with URL, sha256, size, purpose and slow flag.
 *
 * @example
 * ```ts
 * const manifest = downloadManifest(await refs.getModel('image_generation', 'AlbedoBase XL (SDXL)'));
 * for (const file of manifest.files) if (file.sha256 === null) console.warn(file.fileName, 'cannot be verified');
 * ```
 */
export function downloadManifest(record: ModelRecord): DownloadManifest {
  const files = record.config.download.map(manifestFile);
  const sizes = files.map((file) => file.sizeBytes);
  const summed = sizes.every((size) => size !== null)
    ? sizes.reduce<number>((total, size) => total + size, 0)
    : null;
  return {
    name: record.name,
    files,
    totalBytes: files.length > 0 && summed !== null ? summed : (record.size_on_disk_bytes ?? null),
  };
}

/** What changed for a worker between two versions of a set of models. */
export interface ManifestDiff {
  /** New models. */
  readonly added: readonly string[];
  /** Models no longer listed: their files can be deleted. */
  readonly removed: readonly string[];
  /** Models whose files changed (content, URL or set of files): download them again. */
  readonly redownload: readonly string[];
  /** Models whose files are the same (descriptions and other fields may differ). */
  readonly unchanged: readonly string[];
}

// A file is the same when its hash is the same; without a hash on both sides, the URL and size
// are all there is to go by.
const fileKey = (file: ManifestFile, useHash: boolean) =>
  useHash
    ? `${file.fileName}\u0000${file.sha256}`
    : `${file.fileName}\u0000${file.url}\u0000${file.sizeBytes}`;

function sameFiles(a: readonly ManifestFile[], b: readonly ManifestFile[]): boolean {
  if (a.length !== b.length) return false;
  const byName = new Map(a.map((file) => [file.fileName, file]));
  return b.every((file) => {
    const old = byName.get(file.fileName);
    if (!old) return false;
    const useHash = old.sha256 !== null && file.sha256 !== null;
    return fileKey(old, useHash) === fileKey(file, useHash);
  });
}

/** Manifests of every model of a category, keyed by name (null prototype). */
export function downloadManifests(
  records: Readonly<Record<string, ModelRecord>>,
): Record<string, DownloadManifest> {
  const manifests: Record<string, DownloadManifest> = Object.create(null);
  for (const [name, record] of Object.entries(records)) manifests[name] = downloadManifest(record);
  return manifests;
}

/**
 * Tells a worker which models to download again after the reference changed. A file counts as
 * changed when its sha256 differs, or, when either side lacks a hash, its URL or size differs.
 *
 * @example
 * ```ts
 * const before = downloadManifests(await refs.getCategory('image_generation'));
 * await refs.checkForUpdates();
 * const { redownload, removed } = diffManifests(before, downloadManifests(await refs.getCategory('image_generation')));
 * ```
 */
export function diffManifests(
  before: Readonly<Record<string, DownloadManifest>>,
  after: Readonly<Record<string, DownloadManifest>>,
): ManifestDiff {
  const added: string[] = [];
  const removed: string[] = [];
  const redownload: string[] = [];
  const unchanged: string[] = [];
  for (const [name, manifest] of Object.entries(after)) {
    const old = Object.hasOwn(before, name) ? before[name] : undefined;
    if (!old) added.push(name);
    else if (sameFiles(old.files, manifest.files)) unchanged.push(name);
    else redownload.push(name);
  }
  for (const name of Object.keys(before)) if (!Object.hasOwn(after, name)) removed.push(name);
  return { added, removed, redownload, unchanged };
}
