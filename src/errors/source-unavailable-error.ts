import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/** What happened to one origin of the fallback chain (or to stored data) during one read. */
export interface OriginAttempt {
  /**
   * The origin: `'v2'`, `'v1'`, `'github'`, or `'storage'` for the persisted snapshot; for a
   * provider (a read whose only sources were providers), the provider's id.
   */
  readonly origin: string;
  /** The URL tried, without credentials; `null` when the origin was skipped before a request. */
  readonly url: string | null;
  /** `failed`: a request was made and failed. `skipped`: not tried (cool-down, no legacy file, ...). */
  readonly outcome: 'failed' | 'skipped';
  /** What happened, in words: `HTTP 503`, `no answer from ... within 10000 ms`, `cooling down ...`. */
  readonly reason: string;
  /**
   * The typed error behind a failure: `ApiError`, `ConnectionError`, `TimeoutError`,
   * `MalformedResponseError` (for a legacy file that cannot be read, its own `cause` is the
   * `LegacyFormatError`), `SuspectAnswerError`, or `StorageError` for `'storage'`: all
   * {@link ModelReferenceError}s, exported with their `is*Error` guards from the package root.
   * Absent for a skipped origin, and for a provider that failed with an error of its own.
   */
  readonly cause?: ModelReferenceError | undefined;
}

/**
 * A source could not provide a category: for the canonical source (`horde`), every origin of the
 * fallback chain failed or was skipped; for a provider, its fetch failed. Reads throw it only when
 * no last-known-good data exists; `refresh()` throws it whenever the fetch fails (the old data is
 * still served, marked stale). A read that asked for providers only (`source: 'pending'`) throws it
 * when every one of them failed with nothing to serve, `source` naming the first.
 *
 * `attempts` has one entry per origin of the chain (or per provider), in order, each saying why it
 * gave nothing.
 */
export class SourceUnavailableError extends ModelReferenceError {
  override readonly name = 'SourceUnavailableError' as const;
  /** The category that could not be loaded. */
  readonly category: string;
  /** The source that failed: `horde` (the canonical reference) or a provider id. */
  readonly source: string;
  /** One entry per origin tried or skipped. */
  readonly attempts: readonly OriginAttempt[];

  constructor(category: string, attempts: readonly OriginAttempt[], source = 'horde') {
    const detail = attempts
      .map((a) => `${a.origin}: ${a.outcome} (${a.reason})${a.url ? ` ${a.url}` : ''}`)
      .join('; ');
    super(
      'SOURCE_UNAVAILABLE',
      `${source === 'horde' ? 'No source could' : `Source "${source}" could not`} provide category ${category}. Tried: ${detail || 'no origins configured'}.`,
    );
    this.category = category;
    this.source = source;
    this.attempts = attempts;
  }
}

/** Cross-realm guard for {@link SourceUnavailableError}. */
export const isSourceUnavailableError: (error: unknown) => error is SourceUnavailableError =
  /* @__PURE__ */ errorGuard(SourceUnavailableError, 'SourceUnavailableError');
