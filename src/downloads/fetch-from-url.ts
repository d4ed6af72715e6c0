import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import type { DownloadFailureReason } from '../errors/download-failed-error.js';
import { delay } from '../util/delay.js';
import {
  backoff,
  describe,
  idleWatchdog,
  isFileSystemError,
  openPart,
  RetryLater,
} from './attempt-helpers.js';
import type { DownloadUrl } from './download-urls.js';
import { isDiskFull } from './file-system.js';
import { hashFileInto } from './hash-file.js';
import { httpGet, parseContentRange, RedirectError, retryAfterMs, statusKind } from './http-get.js';
import {
  hashUrl,
  partSize,
  readPartMeta,
  resumePoint,
  strongEtag,
  writePartMeta,
} from './part-state.js';
import type { Carried, StreamContext, StreamTarget, UrlOutcome } from './stream-types.js';
import { WriteError, writeBody } from './write-body.js';

/**
 * Fetches the file from one URL into its `.part`, resuming what is on disk when that is safe
 * (`If-Range` with the server's validator), restarting cleanly when the server ignores the range
 * or the file changed, retrying transient failures with backoff, and hashing every byte as it is
 * written. Never throws: every ending is a {@link UrlOutcome}.
 */
export async function fetchFromUrl(
  from: DownloadUrl,
  retries: number,
  target: StreamTarget,
  context: StreamContext,
): Promise<UrlOutcome> {
  const { fileSystem: fs, signal } = context;
  if (!isHttpUrl(from.url))
    return { kind: 'failed', reason: 'no-url', outcome: 'not an http(s) URL', transferred: 0 };
  const key = hashUrl(from.url);
  // What is hashed in memory and on disk in the `.part`: a retry continues from it instead of
  // hashing the prefix again. `resumed`: how much of it a `.part` from before this run gave.
  let carried: Carried | null = null;
  let freshRetryUsed = false;
  let failures = 0;
  let transferred = 0;
  const failed = (reason: DownloadFailureReason, outcome: string, status?: number) =>
    ({ kind: 'failed', reason, outcome, status, transferred }) as const;
  for (;;) {
    if (signal.aborted) return { kind: 'aborted', transferred };
    const idle = idleWatchdog(context.idleTimeoutMs);
    const { arm } = idle;
    let release: (() => void) | undefined;
    let handle: FileHandle | undefined;
    let hinted: number | null = null;
    // Set while a body streams: what a retry after a reset continues from.
    let streaming: Omit<Carried, 'offset'> | null = null;
    try {
      const size = await partSize(fs, target.partPath);
      let state: Carried;
      if (carried && carried.offset === size && size > 0) state = carried;
      else {
        const meta = await readPartMeta(fs, target.metaPath);
        const point = resumePoint(size, meta, key, target.sha256);
        const hash = createHash('sha256');
        // Hash the prefix before asking, so the connection never waits on the disk.
        if (point.offset > 0)
          await hashFileInto(hash, target.partPath, {
            length: point.offset,
            signal,
            fileSystem: fs,
          });
        state = { ...point, hash, resumed: point.offset };
      }
      carried = state.offset > 0 ? state : null;
      const { offset } = state;
      release = await context.hosts.acquire(from.url, signal);
      arm();
      const request: Record<string, string> = offset > 0 ? { range: `bytes=${offset}-` } : {};
      if (offset > 0 && state.ifRange !== null) request['if-range'] = state.ifRange;
      const { response } = await httpGet(
        context.fetch,
        from,
        request,
        AbortSignal.any([signal, idle.signal]),
      );
      const { status } = response;
      if (status === 416 && offset > 0) {
        await response.body?.cancel().catch(() => {});
        const announced = parseContentRange(response.headers.get('content-range'))?.total;
        // The `.part` is complete already (a run stopped between the last byte and the rename).
        if (announced === offset) return await complete(state.hash, offset, state.resumed);
        await fs.rm(target.partPath, { force: true });
        carried = null;
        if (++failures > retries) return failed('http-status', 'HTTP 416', status);
        continue;
      }
      const kind = statusKind(status);
      if (kind === 'final') {
        await response.body?.cancel().catch(() => {});
        return failed('http-status', `HTTP ${status}`, status);
      }
      if (kind === 'retry') {
        await response.body?.cancel().catch(() => {});
        hinted = retryAfterMs(response);
        if (++failures > retries)
          return failed('http-status', `HTTP ${status} after ${retries} retries`, status);
        throw new RetryLater();
      }
      let start = 0;
      let total: number | null;
      let { hash, resumed } = state;
      if (status === 206) {
        const range = parseContentRange(response.headers.get('content-range'));
        if (!range || range.start !== offset) {
          // Not the range asked for: nothing of it can be trusted; start over.
          await response.body?.cancel().catch(() => {});
          await fs.rm(target.partPath, { force: true });
          carried = null;
          if (++failures > retries) return failed('network', 'unusable partial answers');
          continue;
        }
        start = offset;
        total = range.total;
      } else {
        // 200: the whole file. To a range request this means the server ignores ranges or the
        // file changed since the `.part` was written: start over from this very body.
        const length = response.headers.get('content-length');
        total = length !== null && /^\d+$/.test(length) ? Number(length) : null;
        if (offset > 0) hash = createHash('sha256');
        resumed = 0;
      }
      carried = null;
      const expected = total ?? target.declaredBytes;
      const validator =
        strongEtag(response.headers.get('etag')) ?? response.headers.get('last-modified');
      await writePartMeta(fs, target.metaPath, {
        v: 1,
        urlHash: key,
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
        totalBytes: total,
        sha256: target.sha256,
      });
      if (!response.body) throw new Error('the answer has no body');
      handle = await openPart(fs, target.partPath, start);
      target.onBytes(start, expected);
      streaming = { hash, ifRange: validator, resumed };
      let received = 0;
      await writeBody(response.body, handle, start, hash, {
        onBytes: (bytes) => {
          transferred += bytes - received;
          received = bytes;
          target.onBytes(start + bytes, expected);
        },
        onActivity: arm,
        maxBytes: total === null ? undefined : total - start,
      });
      streaming = null;
      const end = start + received;
      if (total !== null && end < total) {
        carried = { hash, offset: end, ifRange: validator, resumed };
        if (++failures > retries)
          return failed(
            'network',
            `body cut short at ${end} of ${total} bytes after ${retries} retries`,
          );
        throw new RetryLater();
      }
      if (context.durable) await handle.sync();
      await handle.close();
      handle = undefined;
      const outcome = await complete(hash, end, resumed);
      if (
        outcome.kind === 'failed' &&
        outcome.reason === 'wrong-hash' &&
        start > 0 &&
        !freshRetryUsed
      ) {
        // Built on an earlier prefix, perhaps of another version: one clean try from zero.
        freshRetryUsed = true;
        continue;
      }
      return outcome;
    } catch (error) {
      if (signal.aborted) return { kind: 'aborted', transferred };
      const disk =
        error instanceof WriteError ? error.cause : isFileSystemError(error) ? error : null;
      if (disk !== null) {
        const reason = isDiskFull(disk) ? 'disk-full' : 'file-system';
        return { kind: 'fatal', reason, outcome: describe(disk), cause: disk, transferred };
      }
      if (error instanceof RedirectError) return failed('http-status', error.message);
      if (streaming) {
        // writeBody wrote every byte it hashed before giving up: disk and hash agree.
        const offset = await partSize(fs, target.partPath).catch(() => -1);
        carried = { ...streaming, offset };
      }
      if (!(error instanceof RetryLater) && ++failures > retries)
        return failed('network', `${describe(error)} after ${retries} retries`);
      try {
        await delay(backoff(context, Math.max(1, failures), hinted), signal);
      } catch {
        return { kind: 'aborted', transferred };
      }
    } finally {
      idle.stop();
      release?.();
      await handle?.close().catch(() => {});
    }
  }

  async function complete(hash: Hash, size: number, resumed: number): Promise<UrlOutcome> {
    const digest = hash.digest('hex');
    if (target.sha256 !== null && digest !== target.sha256) {
      await fs.rm(target.partPath, { force: true });
      await fs.rm(target.metaPath, { force: true });
      return failed('wrong-hash', `sha256 mismatch: got ${digest}`);
    }
    if (target.sha256 === null && target.declaredBytes !== null && size !== target.declaredBytes) {
      await fs.rm(target.partPath, { force: true });
      await fs.rm(target.metaPath, { force: true });
      return failed('wrong-size', `${size} bytes instead of ${target.declaredBytes}`);
    }
    return {
      kind: 'done',
      sha256: digest,
      sizeBytes: size,
      resumedFromBytes: resumed,
      transferred,
    };
  }
}

/** Only http(s) is fetched: never `file:`, `data:` or anything else a record might hold. */
function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
