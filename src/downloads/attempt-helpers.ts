import { constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { type DownloadFileSystem, errorCode } from './file-system.js';
import { partSize } from './part-state.js';
import type { StreamContext } from './stream-types.js';

export class IdleTimeout extends Error {
  override readonly name = 'IdleTimeout';
}

/** Aborts `signal` with an {@link IdleTimeout} when `arm()` is not called again within `ms`. */
export interface IdleWatchdog {
  readonly signal: AbortSignal;
  /** (Re)starts the countdown: on start, and on every chunk of data. */
  arm(): void;
  stop(): void;
}

/** A countdown of silence for one attempt: a body that stops sending data fails, a slow one not. */
export function idleWatchdog(ms: number): IdleWatchdog {
  const idle = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => clearTimeout(timer);
  return {
    signal: idle.signal,
    arm: () => {
      stop();
      timer = setTimeout(() => idle.abort(new IdleTimeout(`no data for ${ms} ms`)), ms);
    },
    stop,
  };
}

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** Opens the `.part` for writing at `start` (truncating there), never through a symlink. */
export async function openPart(
  fs: DownloadFileSystem,
  path: string,
  start: number,
): Promise<FileHandle> {
  await partSize(fs, path); // removes anything that is not a regular file
  if (start === 0)
    return fs.open(
      path,
      constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | NOFOLLOW,
      0o644,
    );
  const handle = await fs.open(path, constants.O_WRONLY | NOFOLLOW);
  await handle.truncate(start);
  return handle;
}

export function backoff(context: StreamContext, failures: number, hinted: number | null): number {
  const { base, max } = context.retryDelayMs;
  const exponential = Math.min(max, base * 2 ** (failures - 1));
  const jittered = exponential / 2 + Math.random() * (exponential / 2);
  return hinted === null ? jittered : Math.min(Math.max(hinted, jittered), max);
}

export function describe(error: unknown): string {
  if (error instanceof IdleTimeout) return error.message;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${message} (${code})` : message;
}

/** A transient failure already counted: wait, then try again. */
export class RetryLater extends Error {}

/** A failed file-system call (fetch's network errors are TypeErrors wrapping their cause). */
export function isFileSystemError(error: unknown): boolean {
  return (
    !(error instanceof TypeError) &&
    errorCode(error) !== undefined &&
    typeof (error as { syscall?: unknown }).syscall === 'string'
  );
}
