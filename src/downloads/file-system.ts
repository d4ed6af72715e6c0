import * as fsPromises from 'node:fs/promises';

/**
 * The file-system calls the download code makes, as `node:fs/promises` names them. The default is
 * `node:fs/promises` itself; pass a wrapper to observe or fail writes (a full disk in a test, a
 * read-only volume) without root rights or a real small file system.
 */
export type DownloadFileSystem = Pick<
  typeof fsPromises,
  | 'open'
  | 'stat'
  | 'lstat'
  | 'realpath'
  | 'rename'
  | 'rm'
  | 'mkdir'
  | 'readFile'
  | 'writeFile'
  | 'utimes'
  | 'statfs'
  | 'readdir'
>;

/** `node:fs/promises`, the file system used when none is given. */
export const nodeFileSystem: DownloadFileSystem = fsPromises;

/** The error code of a failed file-system call (`ENOENT`, `ENOSPC`, ...), if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Whether a write failed because the volume or the allowed file size is full. */
export function isDiskFull(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG';
}
