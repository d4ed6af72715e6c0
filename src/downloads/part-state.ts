import { createHash, randomBytes } from 'node:crypto';
import { type DownloadFileSystem, errorCode } from './file-system.js';

/**
 * What is remembered beside a `.part` (in `<file>.part.json`) so a later run can resume it
 * safely: which URL it came from (a hash of it: tokens never reach the disk), the
 * server's validator for `If-Range`, the announced size, and the sha256 it should end with.
 */
export interface PartMeta {
  readonly v: 1;
  /** sha256 of the URL it came from. */
  readonly urlHash: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly totalBytes: number | null;
  /** The expected sha256 when the download started. */
  readonly sha256: string | null;
}

/** The key a URL is remembered by beside a `.part` (never the URL itself: it may hold a token). */
export function hashUrl(url: string): string {
  return createHash('sha256').update(url).digest('hex');
}

/** Reads the meta of a `.part`; `null` when absent or unreadable (a `.part` left by another tool). */
export async function readPartMeta(
  fileSystem: DownloadFileSystem,
  metaPath: string,
): Promise<PartMeta | null> {
  try {
    const value = JSON.parse(await fileSystem.readFile(metaPath, 'utf8')) as Partial<PartMeta>;
    if (value?.v !== 1 || typeof value.urlHash !== 'string') return null;
    return {
      v: 1,
      urlHash: value.urlHash,
      etag: typeof value.etag === 'string' ? value.etag : null,
      lastModified: typeof value.lastModified === 'string' ? value.lastModified : null,
      totalBytes: typeof value.totalBytes === 'number' ? value.totalBytes : null,
      sha256: typeof value.sha256 === 'string' ? value.sha256 : null,
    };
  } catch {
    return null;
  }
}

/** Writes the meta atomically (temporary file, then rename: never through a planted symlink). */
export async function writePartMeta(
  fileSystem: DownloadFileSystem,
  metaPath: string,
  meta: PartMeta | object,
): Promise<void> {
  const temporary = `${metaPath}.${randomBytes(6).toString('hex')}.tmp`;
  await fileSystem.writeFile(temporary, JSON.stringify(meta), { flag: 'wx' });
  try {
    await fileSystem.rename(temporary, metaPath);
  } catch (error) {
    await fileSystem.rm(temporary, { force: true });
    throw error;
  }
}

/** The size of a `.part` that is a regular file; a symlink or anything else is removed (0). */
export async function partSize(fileSystem: DownloadFileSystem, path: string): Promise<number> {
  try {
    const info = await fileSystem.lstat(path);
    if (info.isFile()) return info.size;
    // Never write through a link someone placed where our partial file goes.
    await fileSystem.rm(path, { force: true });
    return 0;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 0;
    throw error;
  }
}

/** A strong ETag (weak ones cannot make a range request conditional). */
export function strongEtag(etag: string | null): string | null {
  return etag !== null && !etag.startsWith('W/') ? etag : null;
}

/** Where to resume a `.part` from, and the `If-Range` value that makes it safe. */
export interface ResumePoint {
  readonly offset: number;
  readonly ifRange: string | null;
}

/**
 * Whether and how to resume: with `If-Range` when the `.part` came from this URL and the
 * server gave a validator; without one only when the file's sha256 is known (the final hash
 * catches a mix of two versions); from zero when the expected sha256 changed since, or nothing
 * would catch a mix.
 */
export function resumePoint(
  size: number,
  meta: PartMeta | null,
  urlHash: string,
  expectedSha256: string | null,
): ResumePoint {
  const fromZero = { offset: 0, ifRange: null };
  if (size === 0) return fromZero;
  if (meta && meta.sha256 !== expectedSha256) return fromZero;
  if (meta?.totalBytes != null && size > meta.totalBytes) return fromZero;
  const validator =
    meta && meta.urlHash === urlHash ? (strongEtag(meta.etag) ?? meta.lastModified) : null;
  if (validator !== null) return { offset: size, ifRange: validator };
  return expectedSha256 !== null ? { offset: size, ifRange: null } : fromZero;
}
