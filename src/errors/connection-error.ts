import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/**
 * A request got no HTTP answer at all: the connection was refused or reset, the host name did not
 * resolve, TLS failed, a redirect was refused, or (in a browser) the request was blocked, which is
 * often CORS. The message says what happened in plain words, with the host.
 *
 * @example
 * ```ts
 * try { await api.heartbeat(); }
 * catch (error) { if (isConnectionError(error)) console.warn(`${error.host} is unreachable: ${error.reason}`); }
 * ```
 */
export class ConnectionError extends ModelReferenceError {
  override readonly name = 'ConnectionError' as const;
  readonly method: string;
  /** The URL asked for, without credentials or query secrets. */
  readonly url: string;
  /** Scheme, host and port of `url`. */
  readonly host: string;
  /** What happened, e.g. `connection refused by models.aihorde.net`. */
  readonly reason: string;

  constructor(init: {
    method: string;
    url: string;
    host: string;
    reason: string;
    hint?: string;
    cause?: unknown;
  }) {
    super(
      'CONNECTION_FAILED',
      `${init.method} ${init.url}: ${init.reason}${init.hint ? `. ${init.hint}` : ''}`,
      { cause: init.cause },
    );
    this.method = init.method;
    this.url = init.url;
    this.host = init.host;
    this.reason = init.reason;
  }
}

/** Cross-realm guard for {@link ConnectionError}. */
export const isConnectionError: (error: unknown) => error is ConnectionError =
  /* @__PURE__ */ errorGuard(ConnectionError, 'ConnectionError');
