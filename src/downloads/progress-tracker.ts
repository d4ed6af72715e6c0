import type { FileJob } from './download-file.js';
import type {
  DownloadProgressEvent,
  FileDownloadResult,
  ProgressFile,
  ProgressTotals,
} from './download-types.js';
import { RateMeter } from './rate-meter.js';

interface JobState {
  bytes: number;
  total: number | null;
  lastEmit: number;
  readonly meter: RateMeter;
  readonly file: ProgressFile;
  active: boolean;
}

/** Keeps the bytes and totals of a run and turns them into throttled progress events. */
export class ProgressTracker {
  readonly #jobs = new Map<FileJob, JobState>();
  readonly #listener: ((event: DownloadProgressEvent) => void) | undefined;
  readonly #intervalMs: number;
  readonly #meter = new RateMeter();
  #received = 0;
  #filesDone = 0;
  readonly #files: number;

  constructor(
    jobs: readonly FileJob[],
    listener: ((event: DownloadProgressEvent) => void) | undefined,
    intervalMs: number,
  ) {
    this.#listener = listener;
    this.#intervalMs = intervalMs;
    this.#files = jobs.length;
    for (const job of jobs)
      this.#jobs.set(job, {
        bytes: 0,
        total: job.file.sizeBytes,
        lastEmit: 0,
        meter: new RateMeter(),
        active: false,
        file: {
          model: job.model,
          category: job.category,
          fileName: job.file.fileName,
          relativePath: job.relativePath,
        },
      });
  }

  /** A file begins, with `bytes` already on disk in its `.part`. */
  started(job: FileJob, bytes: number): void {
    const state = this.#jobs.get(job);
    if (!state) return;
    state.active = true;
    state.bytes = bytes;
    this.#emit({
      type: 'start',
      file: state.file,
      bytes,
      totalBytes: state.total,
      totals: this.totals(),
    });
  }

  /** A file has `bytes` on disk of `total`. */
  bytes(job: FileJob, bytes: number, total: number | null): void {
    const state = this.#jobs.get(job);
    if (!state) return;
    const now = performance.now();
    // Only growth is received data; a restart from zero is not negative speed.
    if (bytes > state.bytes) this.#received += bytes - state.bytes;
    state.bytes = bytes;
    if (total !== null) state.total = total;
    state.meter.add(now, bytes);
    this.#meter.add(now, this.#received);
    if (now - state.lastEmit < this.#intervalMs) return;
    state.lastEmit = now;
    this.#emit({
      type: 'progress',
      file: state.file,
      bytes,
      totalBytes: state.total,
      rate: state.meter.rate(),
      totals: this.totals(),
    });
  }

  /** A file ended (`job` is `null` for results known without a job: present, unsupported). */
  finished(job: FileJob | null, result: FileDownloadResult): void {
    const state = job ? this.#jobs.get(job) : undefined;
    if (state) {
      state.active = false;
      if (result.status !== 'failed' && result.status !== 'interrupted') {
        state.bytes = result.sizeBytes;
        state.total = result.sizeBytes;
      }
      this.#filesDone++;
    }
    this.#emit({
      type: 'done',
      file: state?.file ?? {
        model: result.model,
        category: result.category,
        fileName: result.file.fileName,
        relativePath: result.relativePath ?? '',
      },
      result,
      totals: this.totals(),
    });
  }

  /** The run so far. */
  totals(): ProgressTotals {
    let bytes = 0;
    let total: number | null = 0;
    let active = 0;
    for (const state of this.#jobs.values()) {
      bytes += state.bytes;
      total = total === null || state.total === null ? null : total + state.total;
      if (state.active) active++;
    }
    const rate = this.#meter.rate();
    return {
      bytes,
      totalBytes: total,
      rate,
      etaSeconds: total !== null && rate > 0 ? Math.max(0, total - bytes) / rate : null,
      files: this.#files,
      filesDone: this.#filesDone,
      active,
    };
  }

  #emit(event: DownloadProgressEvent): void {
    try {
      this.#listener?.(event);
    } catch {
      // A failing progress display must not fail the downloads.
    }
  }
}
