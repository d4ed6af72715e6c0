import type { DownloadAttempt, DownloadFailedError } from '../errors/download-failed-error.js';
import type { ManifestFile } from '../worker/download-manifest.js';

/** How a file ended: fetched, resumed from an earlier `.part`, already there, failed, or interrupted. */
export type FileDownloadStatus = 'downloaded' | 'resumed' | 'present' | 'failed' | 'interrupted';

interface FileOutcomeBase {
  /** The first model the file belongs to. */
  readonly model: string;
  /** Every model of the run that uses this file (shared files are fetched once). */
  readonly models: readonly string[];
  readonly category: string;
  readonly file: ManifestFile;
  /** Relative to a root, `/`-separated; `null` when the file has no place on disk. */
  readonly relativePath: string | null;
  /** The final path (or where it would have gone); `null` when the file has no place on disk. */
  readonly path: string | null;
  /** Bytes received over the network for it in this run. */
  readonly bytesTransferred: number;
  /** Every URL that failed before the outcome, in order (redacted). */
  readonly attempts: readonly DownloadAttempt[];
  readonly elapsedMs: number;
}

/** The file is on disk and complete. */
export interface FileDone extends FileOutcomeBase {
  readonly status: 'downloaded' | 'resumed' | 'present';
  readonly sizeBytes: number;
  /** Its sha256, when known (computed, or from its sidecar). */
  readonly sha256: string | null;
  /** Whether its sha256 matched the reference's (`false`: the reference has none). */
  readonly verified: boolean;
  /** Bytes taken from a `.part` left by an earlier run (`resumed` only; else 0). */
  readonly resumedFromBytes: number;
}

/** The file could not be downloaded: `error.reason` says why. */
export interface FileFailed extends FileOutcomeBase {
  readonly status: 'failed';
  readonly error: DownloadFailedError;
  /** Bytes kept in a resumable `.part` (0 when none is worth keeping). */
  readonly partBytes: number;
}

/** The run was aborted (`signal`) before the file was complete; its `.part` is kept for a resume. */
export interface FileInterrupted extends FileOutcomeBase {
  readonly status: 'interrupted';
  readonly partBytes: number;
}

/** The outcome of one file: a value, never a thrown error. */
export type FileDownloadResult = FileDone | FileFailed | FileInterrupted;

/** A file as progress events name it. */
export interface ProgressFile {
  readonly model: string;
  readonly category: string;
  readonly fileName: string;
  readonly relativePath: string;
}

/** Totals of a run so far. */
export interface ProgressTotals {
  /** Bytes on disk of the files of this run (resumed prefixes included). */
  readonly bytes: number;
  /** Sum of the known sizes of every file to fetch; `null` until all are known. */
  readonly totalBytes: number | null;
  /** Bytes per second received, over the last few seconds. */
  readonly rate: number;
  /** Seconds left at the current rate, when the total is known and the rate above 0. */
  readonly etaSeconds: number | null;
  readonly files: number;
  readonly filesDone: number;
  /** Files in flight now. */
  readonly active: number;
}

/**
 * A progress event: `start` and `done` once per file, `progress` while bytes arrive (at most
 * every `progressIntervalMs` per file). Every event carries the run's totals.
 */
export type DownloadProgressEvent =
  | {
      readonly type: 'start';
      readonly file: ProgressFile;
      /** Bytes already on disk (a resumed `.part`). */
      readonly bytes: number;
      readonly totalBytes: number | null;
      readonly totals: ProgressTotals;
    }
  | {
      readonly type: 'progress';
      readonly file: ProgressFile;
      readonly bytes: number;
      readonly totalBytes: number | null;
      /** This file's bytes per second, recently. */
      readonly rate: number;
      readonly totals: ProgressTotals;
    }
  | {
      readonly type: 'done';
      readonly file: ProgressFile;
      readonly result: FileDownloadResult;
      readonly totals: ProgressTotals;
    };
