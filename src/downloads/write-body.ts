import type { Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

const BATCH_BYTES = 1024 * 1024;

/** A write to disk failed (full disk, I/O error): not a network problem, never retried as one. */
export class WriteError extends Error {
  override readonly name = 'WriteError';
}

/** Writes every buffer at `position`, looping over short writes. */
async function writeAll(
  handle: FileHandle,
  buffers: Uint8Array[],
  position: number,
): Promise<void> {
  let at = position;
  let rest = buffers;
  while (rest.length > 0) {
    const { bytesWritten } = await handle.writev(rest, at);
    at += bytesWritten;
    let skip = bytesWritten;
    const left: Uint8Array[] = [];
    for (const buffer of rest) {
      if (skip >= buffer.byteLength) skip -= buffer.byteLength;
      else {
        left.push(skip > 0 ? buffer.subarray(skip) : buffer);
        skip = 0;
      }
    }
    if (bytesWritten === 0 && left.length > 0) throw new Error('write made no progress');
    rest = left;
  }
}

/** Options of {@link writeBody}. */
export interface WriteBodyOptions {
  /** Called with the bytes received so far in this body. */
  readonly onBytes: (bytes: number) => void;
  /** Called for every chunk read: the caller resets its idle timer there. */
  readonly onActivity?: (() => void) | undefined;
  /** Stop after this many bytes (a server sending more than it announced). */
  readonly maxBytes?: number | undefined;
  /** Called after each write with the bytes of this body now on disk. */
  readonly onFlushed?: ((bytes: number) => void) | undefined;
}

/**
 * Streams `body` into `handle` from `position`, feeding every byte to `hash` (if any) as it arrives. Writes
 * go out in ~1 MiB batches while the next ones are read, so at most about 2 MiB are held whatever
 * the file's size. On any failure the bytes already hashed are written first, so the file and
 * the hash always agree: a retry resumes from what is on disk.
 *
 * @returns the bytes written.
 * @throws {WriteError} when a write fails (the cause is the file-system error); the body's own
 * error (reset, abort, idle timeout) otherwise.
 */
export async function writeBody(
  body: ReadableStream<Uint8Array>,
  handle: FileHandle,
  position: number,
  hash: Hash | null,
  options: WriteBodyOptions,
): Promise<number> {
  const reader = body.getReader();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let written = 0;
  let at = position;
  let writeFailure: unknown = null;
  let writing: Promise<void> = Promise.resolve();
  const flush = () => {
    const batch = pending;
    const start = at;
    at += pendingBytes;
    const flushed = at - position;
    pending = [];
    pendingBytes = 0;
    // After a failed write nothing more is written: the file must stay a clean prefix.
    writing = writing
      .then(async () => {
        if (writeFailure !== null) return;
        await writeAll(handle, batch, start);
        options.onFlushed?.(flushed);
      })
      .catch((error: unknown) => {
        writeFailure ??= error;
      });
  };
  const fail = () => {
    if (writeFailure !== null) throw new WriteError('write failed', { cause: writeFailure });
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      options.onActivity?.();
      if (done) break;
      if (options.maxBytes !== undefined && written + value.byteLength > options.maxBytes)
        throw new Error(`the server sent more than the ${options.maxBytes} bytes it announced`);
      hash?.update(value);
      pending.push(value);
      pendingBytes += value.byteLength;
      written += value.byteLength;
      if (pendingBytes >= BATCH_BYTES) {
        // One batch writing, one filling: wait for the previous write before queueing more.
        await writing;
        fail();
        flush();
      }
      options.onBytes(written);
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    if (pendingBytes > 0) flush();
    await writing;
    fail();
    throw error;
  }
  if (pendingBytes > 0) flush();
  await writing;
  fail();
  return written;
}
