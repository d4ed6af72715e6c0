import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import { downloadFile, type FileJob } from './download-file.js';
import { jobsOf, unexpected, unsupportedResults } from './download-jobs.js';
import type {
  DownloadProgressEvent,
  FileDownloadResult,
  FileDownloadStatus,
} from './download-types.js';
import type { ResolveUrls } from './download-urls.js';
import { type DownloadFileSystem, nodeFileSystem } from './file-system.js';
import { HostLimiter } from './host-limiter.js';
import { checkOptionKeys } from './option-keys.js';
import { partSize } from './part-state.js';
import { type DownloadPlan, planDownloads, type UnfitModel } from './plan.js';
import { ProgressTracker } from './progress-tracker.js';
import type { RecordsInput } from './records.js';
import type { RootOption } from './roots.js';
import { mapLimit } from './tasks.js';

/** Options of {@link downloadModels}. */
export interface DownloadOptions {
  /** The weights root, or several (a copy under any counts; downloads go to the first). Ignored for a plan, which has its roots. */
  readonly root?: RootOption | undefined;
  /** Files fetched at once. @default 2 */
  readonly concurrency?: number | undefined;
  /** Requests in flight to one host (scheme, host and port) at most. @default 2 */
  readonly perHostConcurrency?: number | undefined;
  /** Stops the run: files in flight keep their `.part` for a resume and end `interrupted`. */
  readonly signal?: AbortSignal | undefined;
  /** Progress: `start`, `progress` (throttled) and `done` per file, each with the run's totals. Errors it throws are ignored. */
  readonly onProgress?: ((event: DownloadProgressEvent) => void) | undefined;
  /** Where each file comes from: mirrors before the record's URL, tokens for a host (see {@link mirrorsFirst}). */
  readonly resolveUrls?: ResolveUrls | undefined;
  /** Headers for every URL, each sent to that URL's host only (never across a redirect). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch | undefined;
  /** Retries of transient failures (5xx, 408, 429, resets, stalls) on the last URL. @default 4 */
  readonly retries?: number | undefined;
  /** Backoff: `base` × 2ⁿ with jitter, at most `max` (`Retry-After` honoured up to `max`). @default { base: 1000, max: 30000 } */
  readonly retryDelayMs?: { readonly base: number; readonly max: number } | undefined;
  /** A request that gets no byte for this long is dropped and retried (resuming). @default 60000 */
  readonly idleTimeoutMs?: number | undefined;
  /** fsync each file before its rename, so a power cut never leaves a renamed but unwritten file. @default true */
  readonly durable?: boolean | undefined;
  /**
   * Connections per large file: above 1, a file of at least `segmentThresholdBytes` on a server
   * that honours ranges comes in that many parallel ranges (at most 8), each resumable.
   * @default 1
   */
  readonly connectionsPerFile?: number | undefined;
  /** Files from this size up are fetched in ranges when `connectionsPerFile` > 1. @default 64 MiB */
  readonly segmentThresholdBytes?: number | undefined;
  /** Least time between two `progress` events of one file. @default 250 */
  readonly progressIntervalMs?: number | undefined;
  /** When records are given: how present files are checked (see {@link planDownloads}). @default 'hash' */
  readonly verify?: 'hash' | 'exists' | undefined;
  readonly fileSystem?: DownloadFileSystem | undefined;
}

/** What a run did. */
export interface DownloadReport {
  /** One result per file (files shared by models once), in plan order. */
  readonly files: readonly FileDownloadResult[];
  /** Whether every file is on disk now (downloaded, resumed or present). */
  readonly ok: boolean;
  /** Whether `signal` stopped the run. */
  readonly interrupted: boolean;
  readonly counts: Readonly<Record<FileDownloadStatus, number>>;
  /** Models of the plan left out (over the budget or the free space): not attempted. */
  readonly notAttempted: readonly UnfitModel[];
  readonly bytesTransferred: number;
  readonly elapsedMs: number;
}

function isPlan(value: unknown): value is DownloadPlan {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as DownloadPlan).download) &&
    Array.isArray((value as DownloadPlan).roots)
  );
}

const DOWNLOAD_OPTION_KEYS: Readonly<Record<keyof DownloadOptions, true>> = {
  root: true,
  concurrency: true,
  perHostConcurrency: true,
  signal: true,
  onProgress: true,
  resolveUrls: true,
  headers: true,
  fetch: true,
  retries: true,
  retryDelayMs: true,
  idleTimeoutMs: true,
  durable: true,
  connectionsPerFile: true,
  segmentThresholdBytes: true,
  progressIntervalMs: true,
  verify: true,
  fileSystem: true,
};

function count(value: number | undefined, fallback: number, name: string): number {
  const n = value ?? fallback;
  if (!(Number.isInteger(n) && n >= 1))
    throw new InvalidOptionsError(name, `expected a whole number >= 1, got ${n}`);
  return n;
}

/**
 * Downloads what a plan says (or, given records, what is missing or wrong of them), verified and
 * resumable: each file streams into `<file>.part` with its sha256 computed as it is written; a
 * `.part` left by an earlier run is resumed with `Range` and `If-Range` (and restarted cleanly
 * when the server ignores the range or the file changed); only a file whose size and sha256
 * match is renamed onto its final name. Transient failures are retried with backoff, 401, 403,
 * 404 and 410 are not; mirrors from `resolveUrls` are tried before the record's URL. One bad file never
 * stops the others: every file ends in a typed result.
 *
 * @example
 * ```ts
 * const plan = await planDownloads(sdxl, { root: '/models', budgetBytes: 200e9 });
 * const report = await downloadModels(plan, {
 *   concurrency: 2,
 *   signal: AbortSignal.timeout(3_600_000),
 *   onProgress: (e) => e.type === 'done' && console.log(e.result.status, e.file.fileName),
 * });
 * if (!report.ok) process.exitCode = 1;
 * ```
 * @throws {InvalidOptionsError} for bad or unknown options (and no `root` with records); when records are
 * given, what {@link planDownloads} throws. Never for one file.
 */
export async function downloadModels(
  input: DownloadPlan | RecordsInput,
  options: DownloadOptions = {},
): Promise<DownloadReport> {
  checkOptionKeys(options, DOWNLOAD_OPTION_KEYS);
  const started = Date.now();
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  const concurrency = count(options.concurrency, 2, 'concurrency');
  const perHost = count(options.perHostConcurrency, 2, 'perHostConcurrency');
  const retries = options.retries ?? 4;
  if (!(Number.isInteger(retries) && retries >= 0))
    throw new InvalidOptionsError('retries', `expected a whole number >= 0, got ${retries}`);
  const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
  if (!(Number.isFinite(idleTimeoutMs) && idleTimeoutMs > 0))
    throw new InvalidOptionsError(
      'idleTimeoutMs',
      `expected milliseconds > 0, got ${idleTimeoutMs}`,
    );
  const retryDelayMs = options.retryDelayMs ?? { base: 1000, max: 30_000 };
  if (
    !(
      retryDelayMs.base >= 0 &&
      retryDelayMs.max >= retryDelayMs.base &&
      Number.isFinite(retryDelayMs.max)
    )
  )
    throw new InvalidOptionsError(
      'retryDelayMs',
      'expected { base, max } in milliseconds with 0 <= base <= max',
    );
  let plan: DownloadPlan;
  if (isPlan(input)) plan = input;
  else {
    if (options.root === undefined)
      throw new InvalidOptionsError('root', 'records need a weights root to download to');
    plan = await planDownloads(input, {
      root: options.root,
      verify: options.verify,
      signal: options.signal,
      fileSystem,
    });
  }
  const signal = options.signal ?? new AbortController().signal;
  const ordered: (FileJob | FileDownloadResult)[] = [];
  const jobsByPath = new Map<string, FileJob & { models: string[] }>();
  for (const model of [...plan.download, ...plan.present])
    for (const entry of jobsOf(model, options)) {
      if ('status' in entry) {
        ordered.push(entry);
        continue;
      }
      const same = jobsByPath.get(entry.targetPath);
      if (same) same.models.push(entry.model);
      else {
        const job = { ...entry, models: [entry.model] };
        jobsByPath.set(entry.targetPath, job);
        ordered.push(job);
      }
    }
  for (const model of plan.unsupported) ordered.push(...unsupportedResults(model));
  const tracker = new ProgressTracker(
    ordered.filter((e): e is FileJob => !('status' in e)),
    options.onProgress,
    options.progressIntervalMs ?? 250,
  );
  const hosts = new HostLimiter(perHost);
  const connections = count(options.connectionsPerFile, 1, 'connectionsPerFile');
  const context = {
    fetch: options.fetch ?? globalThis.fetch,
    fileSystem,
    signal,
    hosts,
    retries,
    retryDelayMs,
    idleTimeoutMs,
    durable: options.durable ?? true,
    segments:
      connections > 1
        ? { connections, thresholdBytes: options.segmentThresholdBytes ?? 64 * 1024 * 1024 }
        : null,
    onBytes: (job: FileJob, bytes: number, total: number | null) =>
      tracker.bytes(job, bytes, total),
  };
  const files = await mapLimit(ordered, concurrency, async (entry) => {
    if ('status' in entry) {
      tracker.finished(null, entry);
      return entry;
    }
    if (signal.aborted) {
      const result: FileDownloadResult = {
        model: entry.model,
        models: entry.models,
        category: entry.category,
        file: entry.file,
        relativePath: entry.relativePath,
        path: entry.targetPath,
        bytesTransferred: 0,
        attempts: [],
        elapsedMs: 0,
        status: 'interrupted',
        partBytes: await partSize(fileSystem, `${entry.targetPath}.part`).catch(() => 0),
      };
      tracker.finished(entry, result);
      return result;
    }
    tracker.started(entry, await partSize(fileSystem, `${entry.targetPath}.part`).catch(() => 0));
    const result = await downloadFile(entry, context).catch((error: unknown) =>
      unexpected(entry, error),
    );
    tracker.finished(entry, result);
    return result;
  });
  const counts: Record<FileDownloadStatus, number> = {
    downloaded: 0,
    resumed: 0,
    present: 0,
    failed: 0,
    interrupted: 0,
  };
  for (const file of files) counts[file.status]++;
  return {
    files,
    ok: counts.failed === 0 && counts.interrupted === 0,
    interrupted: signal.aborted,
    counts,
    notAttempted: plan.doesNotFit,
    bytesTransferred: files.reduce((total, f) => total + f.bytesTransferred, 0),
    elapsedMs: Date.now() - started,
  };
}
