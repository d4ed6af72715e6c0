import { HTTPError, isTimeoutError } from 'ky';

/** Why one request to one source gave no data. */
export type FailureKind =
  /** 404: the source does not have this category. */
  | 'not-found'
  /** Another 4xx, or a 5xx after retries. */
  | 'http'
  /** No answer within the timeout. */
  | 'timeout'
  /** Connection refused, reset, DNS, CORS: no HTTP answer at all. */
  | 'network'
  /** 200 with a body that is not the JSON expected (HTML error page, truncated JSON, wrong shape). */
  | 'malformed';

/**
 * One failed request to one source, classified for the fallback chain and the circuit breaker.
 * Timeouts and network errors are failures of the host, not of the route.
 */
export class SourceFailure extends Error {
  override readonly name = 'SourceFailure';
  readonly kind: FailureKind;
  readonly status: number | undefined;
  readonly url: string;

  constructor(
    kind: FailureKind,
    url: string,
    message: string,
    options?: { status?: number; cause?: unknown },
  ) {
    super(message, { cause: options?.cause });
    this.kind = kind;
    this.status = options?.status;
    this.url = url;
  }

  /** Whether the host itself failed (so every source on it should cool down). */
  get hostLevel(): boolean {
    return this.kind === 'timeout' || this.kind === 'network';
  }
}

/**
 * Turns whatever a request threw into a {@link SourceFailure}, or rethrows an abort by the
 * caller: an abort is not a failed source and must not fall through to the next one.
 *
 * @throws the caller's abort reason when `signal` is aborted.
 */
export function toSourceFailure(
  error: unknown,
  url: string,
  signal: AbortSignal | undefined,
): SourceFailure {
  if (signal?.aborted) throw signal.reason;
  if (error instanceof SourceFailure) return error;
  if (error instanceof HTTPError) {
    const status = error.response.status;
    const kind = status === 404 ? 'not-found' : 'http';
    return new SourceFailure(kind, url, `HTTP ${status}`, { status, cause: error });
  }
  if (isTimeoutError(error))
    return new SourceFailure('timeout', url, 'no answer within the timeout', { cause: error });
  // fetch reports every failure without an HTTP answer (refused, reset, DNS, CORS) as a TypeError.
  if (error instanceof TypeError) {
    return new SourceFailure('network', url, `network error (${describeCause(error)})`, {
      cause: error,
    });
  }
  return new SourceFailure(
    'malformed',
    url,
    error instanceof Error ? error.message : String(error),
    { cause: error },
  );
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.message : String(error);
}
