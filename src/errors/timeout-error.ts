import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/**
 * A request did not complete within its deadline: no headers, or a body that stalled or trickled
 * past `timeoutMs`. The deadline covers the whole response, headers and body.
 *
 * @example
 * ```ts
 * try { await api.v2.getCategory('image_generation', { timeoutMs: 2_000 }); }
 * catch (error) { if (isTimeoutError(error)) console.warn(`${error.host} took over ${error.timeoutMs} ms`); }
 * ```
 */
export class TimeoutError extends ModelReferenceError {
  override readonly name = 'TimeoutError' as const;
  readonly method: string;
  /** The URL asked for, without credentials. */
  readonly url: string;
  /** Scheme, host and port of `url`. */
  readonly host: string;
  /** The deadline that ran out, in milliseconds. */
  readonly timeoutMs: number;
  /** `headers`: nothing came back; `body`: the answer started but did not finish. */
  readonly phase: 'headers' | 'body';

  constructor(init: {
    method: string;
    url: string;
    host: string;
    timeoutMs: number;
    phase: 'headers' | 'body';
  }) {
    const what = init.phase === 'headers' ? 'no answer from' : 'the answer stalled from';
    super(
      'TIMEOUT',
      `${init.method} ${init.url}: ${what} ${init.host} within ${init.timeoutMs} ms`,
    );
    this.method = init.method;
    this.url = init.url;
    this.host = init.host;
    this.timeoutMs = init.timeoutMs;
    this.phase = init.phase;
  }
}

/** Cross-realm guard for {@link TimeoutError}. */
export const isTimeoutError: (error: unknown) => error is TimeoutError = /* @__PURE__ */ errorGuard(
  TimeoutError,
  'TimeoutError',
);
