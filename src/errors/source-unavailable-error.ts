import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/** What happened to one source of the fallback chain during one read. */
export interface SourceAttempt {
  /** Source id, e.g. `'v2'`, `'v1'`, `'github'`, `'snapshot'`. */
  readonly source: string;
  /** The URL tried, without credentials; `null` when the source was skipped before a request. */
  readonly url: string | null;
  /** `failed`: a request was made and failed. `skipped`: not tried (cool-down, no legacy file, ...). */
  readonly outcome: 'failed' | 'skipped';
  /** Human-readable reason, e.g. `HTTP 503`, `timeout after 10000 ms`, `circuit open until ...`. */
  readonly reason: string;
  /** The underlying error, when there was one. */
  readonly cause?: unknown;
}

/**
 * Every source of the fallback chain failed or was skipped. Reads throw it only when no
 * last-known-good data exists; `refresh()` throws it whenever the fetch fails (the old data is
 * still served, marked stale).
 *
 * `attempts` has one entry per source of the chain, in order, each saying why it gave nothing.
 */
export class SourceUnavailableError extends ModelReferenceError {
  override readonly name = 'SourceUnavailableError' as const;
  /** The category that could not be loaded. */
  readonly category: string;
  /** One entry per source of the chain. */
  readonly attempts: readonly SourceAttempt[];

  constructor(category: string, attempts: readonly SourceAttempt[]) {
    const detail = attempts
      .map((a) => `${a.source}: ${a.outcome} (${a.reason})${a.url ? ` ${a.url}` : ''}`)
      .join('; ');
    super(
      'SOURCE_UNAVAILABLE',
      `No source could provide category ${category}. Tried: ${detail || 'no sources configured'}.`,
    );
    this.category = category;
    this.attempts = attempts;
  }
}

/** Cross-realm guard for {@link SourceUnavailableError}. */
export const isSourceUnavailableError: (error: unknown) => error is SourceUnavailableError =
  errorGuard(SourceUnavailableError, 'SourceUnavailableError');
