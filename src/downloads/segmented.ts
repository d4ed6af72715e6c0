import { constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { delay } from '../util/delay.js';
import { backoff, describe, idleWatchdog, isFileSystemError } from './attempt-helpers.js';
import type { DownloadUrl } from './download-urls.js';
import { isDiskFull } from './file-system.js';
import { sha256File } from './hash-file.js';
import { httpGet, parseContentRange, retryAfterMs, statusKind } from './http-get.js';
import { hashUrl, strongEtag, writePartMeta } from './part-state.js';
import type { StreamContext, StreamTarget, UrlOutcome } from './stream-types.js';
import { WriteError, writeBody } from './write-body.js';

/** Hard ceiling of connections to one file, whatever is asked: no host gets hammered by one file. */
export const MAX_CONNECTIONS_PER_FILE = 8;

/** When and how a large file is fetched in parallel ranges. */
export interface SegmentOptions {
  readonly connections: number;
  /** Files smaller than this take one connection; segments are at least a quarter of it. */
  readonly thresholdBytes: number;
}

interface Segment {
  readonly start: number;
  readonly end: number;
  /** Bytes of it on disk (written, not merely received). */
  done: number;
}

interface SegmentState {
  readonly v: 1;
  readonly urlHash: string;
  readonly validator: string | null;
  readonly total: number;
  readonly sha256: string | null;
  readonly segments: Segment[];
}

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

async function readState(context: StreamContext, path: string, spart: string) {
  try {
    const state = JSON.parse(await context.fileSystem.readFile(path, 'utf8')) as SegmentState;
    const info = await context.fileSystem.lstat(spart);
    return state?.v === 1 && info.isFile() && info.size === state.total ? state : null;
  } catch {
    return null;
  }
}

/** `count` contiguous ranges tiling `0..total-1`; the last takes the remainder. */
function tile(total: number, count: number): Segment[] {
  const size = Math.floor(total / count);
  return Array.from({ length: count }, (_, i) => ({
    start: i * size,
    end: i === count - 1 ? total - 1 : (i + 1) * size - 1,
    done: 0,
  }));
}

/**
 * Fetches a large file over several ranged connections into `<file>.spart` (its own name, as the
 * reference library's segmented path does, so neither ever reads the other's partial file), with
 * each range's progress kept in `<file>.spart.json` so an interrupted run resumes every range
 * where its bytes on disk end (`If-Range` guards each). The sha256 is computed over the finished
 * file (ranges arrive out of order), then it moves onto the `.part` name for the final rename.
 * `null` when the file is not worth it (small, no range support): use the single stream.
 */
export async function fetchSegmented(
  from: DownloadUrl,
  retries: number,
  target: StreamTarget,
  context: StreamContext,
  options: SegmentOptions,
): Promise<UrlOutcome | null> {
  const { fileSystem: fs, signal } = context;
  const spart = target.partPath.replace(/\.part$/, '.spart');
  const statePath = `${spart}.json`;
  const key = hashUrl(from.url);
  let transferred = 0;
  let state = await readState(context, statePath, spart);
  if (state && (state.urlHash !== key || state.sha256 !== target.sha256)) state = null;
  if (!state) {
    const release = await context.hosts.acquire(from.url, signal);
    let probe: Response;
    try {
      ({ response: probe } = await httpGet(context.fetch, from, { range: 'bytes=0-0' }, signal));
      await probe.body?.cancel().catch(() => {});
    } catch {
      return null; // the single stream reports failures with its retries
    } finally {
      release();
    }
    const total =
      probe.status === 206 ? parseContentRange(probe.headers.get('content-range'))?.total : null;
    if (total == null || total < options.thresholdBytes) return null;
    const minimum = Math.max(1, Math.floor(options.thresholdBytes / 4));
    const count = Math.min(
      options.connections,
      MAX_CONNECTIONS_PER_FILE,
      Math.floor(total / minimum),
    );
    if (count < 2) return null;
    const validator = strongEtag(probe.headers.get('etag')) ?? probe.headers.get('last-modified');
    await fs.rm(spart, { force: true });
    const created = await fs.open(
      spart,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW,
      0o644,
    );
    try {
      await created.truncate(total);
    } finally {
      await created.close();
    }
    state = {
      v: 1,
      urlHash: key,
      validator,
      total,
      sha256: target.sha256,
      segments: tile(total, count),
    };
    await writePartMeta(fs, statePath, state);
  }
  const current = state;
  const resumedFromBytes = current.segments.reduce((n, s) => n + s.done, 0);
  const group = new AbortController();
  const stop = AbortSignal.any([signal, group.signal]);
  let changed = false;
  let failure: UrlOutcome | null = null;
  // Received bytes for progress (batches reach the disk, and `done`, a MiB at a time).
  const received = current.segments.map((s) => s.done);
  const report = () =>
    target.onBytes(
      received.reduce((n, b) => n + b, 0),
      current.total,
    );
  const persist = () => writePartMeta(fs, statePath, current).catch(() => {});
  const ticker = setInterval(persist, 1000);
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(spart, constants.O_WRONLY | NOFOLLOW);
    const file = handle;
    report();
    const run = async (segment: Segment, index: number) => {
      let failures = 0;
      while (segment.start + segment.done <= segment.end && !stop.aborted) {
        const position = segment.start + segment.done;
        const idle = idleWatchdog(context.idleTimeoutMs);
        const { arm } = idle;
        let release: (() => void) | undefined;
        let hinted: number | null = null;
        try {
          release = await context.hosts.acquire(from.url, stop);
          arm();
          const request: Record<string, string> = { range: `bytes=${position}-${segment.end}` };
          if (current.validator !== null) request['if-range'] = current.validator;
          const { response } = await httpGet(
            context.fetch,
            from,
            request,
            AbortSignal.any([stop, idle.signal]),
          );
          const range = parseContentRange(response.headers.get('content-range'));
          if (response.status === 206 && range?.start === position && response.body) {
            const base = segment.done;
            let got = 0;
            await writeBody(response.body, file, position, null, {
              onBytes: (bytes) => {
                transferred += bytes - got;
                got = bytes;
                received[index] = base + bytes;
                report();
              },
              onFlushed: (bytes) => {
                segment.done = base + bytes;
              },
              onActivity: arm,
              maxBytes: segment.end - position + 1,
            });
            continue;
          }
          await response.body?.cancel().catch(() => {});
          if (response.status === 200) {
            // The validator no longer matches (or ranges stopped working): start over, one stream.
            changed = true;
            group.abort();
            return;
          }
          const kind = statusKind(response.status);
          if (kind !== 'retry' || ++failures > retries) {
            failure ??= {
              kind: 'failed',
              reason: 'http-status',
              status: response.status,
              outcome: `HTTP ${response.status}`,
              transferred,
            };
            group.abort();
            return;
          }
          hinted = retryAfterMs(response);
        } catch (error) {
          if (stop.aborted) return;
          const disk =
            error instanceof WriteError ? error.cause : isFileSystemError(error) ? error : null;
          if (disk !== null) {
            const reason = isDiskFull(disk) ? 'disk-full' : 'file-system';
            failure ??= {
              kind: 'fatal',
              reason,
              outcome: describe(disk),
              cause: disk,
              transferred,
            };
            group.abort();
            return;
          }
          if (++failures > retries) {
            failure ??= {
              kind: 'failed',
              reason: 'network',
              outcome: `${describe(error)} after ${retries} retries`,
              transferred,
            };
            group.abort();
            return;
          }
        } finally {
          idle.stop();
          release?.();
        }
        await delay(backoff(context, failures, hinted), stop).catch(() => {});
      }
    };
    await Promise.all(current.segments.map((segment, index) => run(segment, index)));
  } catch (error) {
    if (!signal.aborted)
      failure ??= {
        kind: 'fatal',
        reason: isDiskFull(error) ? 'disk-full' : 'file-system',
        outcome: describe(error),
        cause: error,
        transferred,
      };
  } finally {
    clearInterval(ticker);
    await handle?.close().catch(() => {});
  }
  if (signal.aborted) {
    await persist();
    return { kind: 'aborted', transferred };
  }
  if (changed) {
    await fs.rm(spart, { force: true });
    await fs.rm(statePath, { force: true });
    return null;
  }
  await persist();
  if (failure) return { ...(failure as UrlOutcome), transferred } as UrlOutcome;
  try {
    const digest = await sha256File(spart, { signal, fileSystem: fs });
    if (target.sha256 !== null && digest !== target.sha256) {
      await fs.rm(spart, { force: true });
      await fs.rm(statePath, { force: true });
      return {
        kind: 'failed',
        reason: 'wrong-hash',
        outcome: `sha256 mismatch: got ${digest}`,
        transferred,
      };
    }
    if (context.durable) {
      const synced = await fs.open(spart, constants.O_WRONLY | NOFOLLOW);
      await synced.sync().finally(() => synced.close());
    }
    await fs.rm(target.partPath, { force: true });
    await fs.rename(spart, target.partPath);
    await fs.rm(statePath, { force: true });
    return {
      kind: 'done',
      sha256: digest,
      sizeBytes: current.total,
      resumedFromBytes,
      transferred,
    };
  } catch (error) {
    if (signal.aborted) return { kind: 'aborted', transferred };
    return {
      kind: 'fatal',
      reason: isDiskFull(error) ? 'disk-full' : 'file-system',
      outcome: describe(error),
      cause: error,
      transferred,
    };
  }
}
