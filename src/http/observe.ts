// What the transport tells a `logger` and request `hooks`. Both are optional and cost nothing
// when absent: the transport loads this file (a chunk of its own) only when one of them is given.

/**
 * Where the SDK writes what it does, console-compatible: `console` works, and so does any object
 * with some of these methods (pino and winston loggers have them). Each receives one line of
 * text, which never contains the API key nor a URL's credentials.
 *
 * - `debug`: every request attempt, with its status (or failure) and duration.
 * - `info`: retries, and (manager) a category served by a later origin of the fallback chain.
 * - `warn`: (manager) last-known-good data served after a failed refresh, a record skipped as
 *   invalid; (API client) a hook that threw.
 * - `error`: (manager) every `error` event: a failure in the background (a refresh, a provider,
 *   storage), a listener or a hook that threw.
 */
export interface Logger {
  /** Every request attempt: method, URL, what it is for, status (or why none) and duration. */
  readonly debug?: ((message: string) => void) | undefined;
  /** Retries, and a category served by a later origin of the fallback chain. */
  readonly info?: ((message: string) => void) | undefined;
  /** Last-known-good data served after a failed refresh, a record skipped as invalid, a hook that threw (API client). */
  readonly warn?: ((message: string) => void) | undefined;
  /** The manager's `error` events: background failures, a listener or a hook that threw. */
  readonly error?: ((message: string) => void) | undefined;
}

/** One attempt of one request, as the hooks see it. */
export interface HttpRequestInfo {
  /** `GET`, `POST`, `PUT` or `DELETE`. */
  readonly method: string;
  /** The URL, without credentials (the API key travels in a header, never in a URL). */
  readonly url: string;
  /** 1 for the first attempt, 2 for the first retry, and so on. */
  readonly attempt: number;
  /**
   * What a manager's request reads for: an origin of the fallback chain (`'v2'`, `'v1'`,
   * `'github'`) or a provider's id (`'pending'`).
   */
  readonly origin?: string | undefined;
  /**
   * The route of an API client call, as method and path template
   * (`'GET /model_references/v2/{category}/search'`).
   */
  readonly route?: string | undefined;
}

/** How one attempt ended. */
export interface HttpResponseInfo extends HttpRequestInfo {
  /** The HTTP status, or `null` when no complete answer came (see `error`). */
  readonly status: number | null;
  /** From sending the request to the last byte of the answer (or the failure), in milliseconds. */
  readonly durationMs: number;
  /**
   * Why no answer came: a `ConnectionError`, `TimeoutError` or `MalformedResponseError` (a body
   * over the size limit), or the caller's abort reason. Absent when `status` is set.
   */
  readonly error?: Error | undefined;
}

/** A retry about to wait. */
export interface HttpRetryInfo extends HttpRequestInfo {
  /** The wait before attempt `attempt`, in milliseconds (backoff, or the server's `Retry-After`). */
  readonly delayMs: number;
  /** The status that is retried, or `null` after a dropped connection. */
  readonly status: number | null;
}

/**
 * Functions called as requests go: to measure, trace or log them your own way. They observe and
 * cannot change a request (pass a `fetch` for that). One that throws (or rejects) never breaks the
 * request: the failure goes to the `logger` (`warn`) and, for a manager, to its `error` event.
 *
 * @example
 * ```ts
 * const refs = new ModelReferenceManager({
 *   hooks: {
 *     response: ({ method, url, status, durationMs, attempt, origin }) =>
 *       metrics.record({ method, url, status, durationMs, attempt, origin }),
 *     retry: ({ url, attempt, delayMs }) => console.warn(`retry ${attempt} of ${url} in ${delayMs} ms`),
 *   },
 * });
 * ```
 */
export interface HttpHooks {
  /** Before each attempt is sent. */
  readonly request?: ((info: HttpRequestInfo) => unknown) | undefined;
  /** After each attempt: its status, or why it got none. */
  readonly response?: ((info: HttpResponseInfo) => unknown) | undefined;
  /** Before the wait that precedes a retry. */
  readonly retry?: ((info: HttpRetryInfo) => unknown) | undefined;
}

/** One request's attempts and retries, observed: what the transport runs instead of its own. */
export interface WatchedRequest {
  /** Runs attempt `n` (0-based) with the hooks and logger around it. */
  readonly attempt: (n: number) => Promise<Response>;
  /** Told before a retry's wait: the attempt to come (1-based), the wait, the status retried. */
  readonly onRetry: (next: number, delayMs: number, status: number | null) => void;
}

/** What the transport asks of an observer. */
export interface Observer {
  /**
   * Wraps one request: `attempt` sends it; `failure` turns what an attempt threw into the error
   * the caller gets (reported as the response's `error`).
   */
  watch(
    request: Omit<HttpRequestInfo, 'attempt'>,
    attempt: () => Promise<Response>,
    failure: (error: unknown) => Error,
  ): WatchedRequest;
}

/** The prefix of every line the SDK writes to a logger. */
export const LOG_PREFIX = '[horde-model-reference] ';

const what = (info: HttpRequestInfo) =>
  `${info.method} ${info.url} (${info.origin ?? info.route ?? 'request'}, attempt ${info.attempt})`;

/**
 * The observer of a transport with a logger or hooks. A hook that throws or rejects goes to
 * `onHookError` when given (the manager emits it as `error`, which its logger writes), else to
 * the logger's `warn`; it never breaks the request.
 */
export function createObserver(
  logger: Logger | undefined,
  hooks: HttpHooks | undefined,
  onHookError: ((error: Error) => void) | undefined,
): Observer {
  const failed = (name: string, error: unknown) => {
    // Not util/to-error.ts: sharing a helper with this chunk would cut the core's first load into
    // one more chunk (see DEVELOPERS.md, Bundle budget).
    const message = `the ${name} hook failed: ${error instanceof Error ? error.message : String(error)}`;
    if (onHookError) onHookError(new Error(message, { cause: error }));
    else logger?.warn?.(LOG_PREFIX + message);
  };
  const run = <I>(name: keyof HttpHooks, info: I) => {
    const hook = hooks?.[name] as ((info: I) => unknown) | undefined;
    if (!hook) return;
    try {
      const returned = hook(info) as PromiseLike<unknown> | undefined;
      if (typeof returned?.then === 'function')
        returned.then(undefined, (error: unknown) => failed(name, error));
    } catch (error) {
      failed(name, error);
    }
  };
  const response = (info: HttpResponseInfo) => {
    logger?.debug?.(
      `${LOG_PREFIX}${what(info)} → ${info.status ?? `failed: ${info.error?.message}`} in ${Math.round(info.durationMs)} ms`,
    );
    run('response', info);
  };
  return {
    watch: (request, attempt, failure) => ({
      async attempt(n) {
        const info: HttpRequestInfo = { ...request, attempt: n + 1 };
        run('request', info);
        const started = performance.now();
        const end = (status: number | null, error?: Error) =>
          response({ ...info, status, durationMs: performance.now() - started, error });
        try {
          const answer = await attempt();
          end(answer.status);
          return answer;
        } catch (error) {
          end(null, failure(error));
          throw error;
        }
      },
      onRetry(next, delayMs, status) {
        const info: HttpRetryInfo = { ...request, attempt: next, delayMs, status };
        logger?.info?.(
          `${LOG_PREFIX}retrying ${what(info)} in ${Math.round(delayMs)} ms after ${status ?? 'a dropped connection'}`,
        );
        run('retry', info);
      },
    }),
  };
}
