import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/** Why a file could not be downloaded. */
export type DownloadFailureReason =
  /** A URL answered an error status; 401/403/404/410 are final for that URL. */
  | 'http-status'
  /** Connection refused or reset, body cut short, or no byte within the idle timeout, after every retry. */
  | 'network'
  /** The bytes received do not have the sha256 the reference gives. */
  | 'wrong-hash'
  /** The bytes received are not as many as the server announced or the reference gives. */
  | 'wrong-size'
  /** The file system is full (ENOSPC, EDQUOT) or the file is larger than allowed (EFBIG). */
  | 'disk-full'
  /** Another file-system failure (permissions, read-only volume, ...). */
  | 'file-system'
  /** The file name would leave the weights root: see {@link UnsafePathError}. */
  | 'unsafe-path'
  /** The record gives no URL and no mirror could serve the file. */
  | 'no-url'
  /** The category has no folder under the weights root (text, video and audio generation). */
  | 'no-folder';

/** One request series against one URL (a mirror's or the record's). */
export interface DownloadAttempt {
  /** The URL, with credentials (user info, token-like query values) redacted. */
  readonly url: string;
  /** What happened, e.g. `HTTP 404`, `reset after 3 retries`, `sha256 mismatch`. */
  readonly outcome: string;
}

/**
 * One file could not be downloaded. Batches never throw it: each file's result carries it
 * (`result.error`), so one bad file never stops the others. Messages never contain a token or a
 * header value.
 *
 * @example
 * ```ts
 * const report = await downloadModels(plan, { roots: ['/models'] });
 * for (const file of report.files) if (file.status === 'failed') console.warn(file.error.message);
 * ```
 */
export class DownloadFailedError extends ModelReferenceError {
  override readonly name = 'DownloadFailedError' as const;
  readonly reason: DownloadFailureReason;
  /** The model the file belongs to. */
  readonly model: string;
  /** The file name as the data gives it. */
  readonly fileName: string;
  /** The last HTTP status seen, when a server answered. */
  readonly status: number | undefined;
  /** Every URL tried, in order. */
  readonly attempts: readonly DownloadAttempt[];

  constructor(init: {
    reason: DownloadFailureReason;
    model: string;
    fileName: string;
    detail: string;
    status?: number | undefined;
    attempts?: readonly DownloadAttempt[];
    cause?: unknown;
  }) {
    const attempts = init.attempts ?? [];
    const tried =
      attempts.length > 0
        ? ` Tried: ${attempts.map((a) => `${a.url} (${a.outcome})`).join('; ')}.`
        : '';
    super(
      'DOWNLOAD_FAILED',
      `Could not download ${JSON.stringify(init.fileName)} of model ${JSON.stringify(init.model)}: ${init.detail}.${tried}`,
      { cause: init.cause },
    );
    this.reason = init.reason;
    this.model = init.model;
    this.fileName = init.fileName;
    this.status = init.status;
    this.attempts = attempts;
  }
}

/** Cross-realm guard for {@link DownloadFailedError}. */
export const isDownloadFailedError: (error: unknown) => error is DownloadFailedError = errorGuard(
  DownloadFailedError,
  'DownloadFailedError',
);
