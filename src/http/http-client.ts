import ky, { type KyInstance } from 'ky';
import { VERSION } from '../version.js';

/** Retry policy for one request to one source. Timeouts are never retried (see {@link createHttpClient}). */
export interface RetryPolicy {
  /**
   * Retries after the first attempt, for 408, 429, 5xx and network errors.
   * @default 2
   */
  readonly limit?: number;
  /**
   * Longest wait honoured from a `Retry-After` header; longer asks are clamped to this.
   * @default 3_000
   */
  readonly maxRetryAfterMs?: number;
  /**
   * Cap on the exponential backoff (150 ms × 2^(n−1), with jitter).
   * @default 2_000
   */
  readonly backoffLimitMs?: number;
}

/** Options of {@link createHttpClient}. */
export interface HttpClientOptions {
  /**
   * Base URL of the PRIMARY, including `/api`. Only requests to this origin carry the API key and
   * the `Client-Agent` header. `null`: no PRIMARY.
   */
  readonly primaryUrl: string | null;
  /** AI-Horde API key, sent as the `apikey` header to the PRIMARY origin only. */
  readonly apiKey?: string | undefined;
  /**
   * `fetch` implementation, for tests, proxies or instrumented runtimes.
   * @default globalThis.fetch
   */
  readonly fetch?: typeof fetch | undefined;
  /**
   * Per-attempt timeout in milliseconds.
   * @default 10_000
   */
  readonly timeoutMs?: number | undefined;
  /** Retry policy; `0` disables retries. */
  readonly retry?: RetryPolicy | number | undefined;
  /**
   * `Client-Agent` header value.
   * @default `horde-model-reference-js:<version>:unknown`
   */
  readonly clientAgent?: string | undefined;
}

/** Default per-attempt timeout in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Default `Client-Agent` header, in the AI-Horde `name:version:contact` convention. */
export const DEFAULT_CLIENT_AGENT: string = `horde-model-reference-js:${VERSION}:unknown`;

const RETRY_STATUS_CODES = [408, 429, 500, 502, 503, 504];

// Connection errors that mean "nobody is there": retrying them within milliseconds only delays
// the fallback. Resets and dropped sockets are still retried.
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

function isUnreachable(error: unknown): boolean {
  for (let cause: unknown = error; cause instanceof Error || typeof cause === 'object'; ) {
    if (cause === null) return false;
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && UNREACHABLE.has(code)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Origin of a URL, or `null` for `null`/unparsable input. Used to decide where credentials go.
 */
export function originOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Builds the one ky instance all HTTP of a manager or API client goes through.
 *
 * - Per-attempt timeout; a timeout is not retried, because a host that hangs once usually hangs
 *   again and the caller has a fallback to move on to.
 * - Retries 408/429/5xx and network errors with short exponential backoff and jitter, honouring
 *   `Retry-After` up to a cap, so a fallback chain is never stuck behind a long server ask. A
 *   refused connection or unknown host is not retried: the next source is a better bet.
 * - The `apikey` and `Client-Agent` headers are added only for the PRIMARY origin, and a request
 *   that carries the key refuses redirects: `fetch` would forward a custom header to wherever a
 *   redirect points.
 *
 * @example
 * ```ts
 * const http = createHttpClient({ primaryUrl: 'https://models.aihorde.net/api', apiKey });
 * const data = await http.get('https://models.aihorde.net/api/model_references/v2/clip').json();
 * ```
 */
export function createHttpClient(options: HttpClientOptions): KyInstance {
  const primaryOrigin = originOf(options.primaryUrl);
  const retry =
    typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  const backoffLimit = retry.backoffLimitMs ?? 2_000;
  const clientAgent = options.clientAgent ?? DEFAULT_CLIENT_AGENT;
  const { apiKey } = options;

  return ky.create({
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    throwHttpErrors: true,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    retry: {
      limit: retry.limit ?? 2,
      methods: ['get'],
      statusCodes: RETRY_STATUS_CODES,
      afterStatusCodes: [429, 503],
      maxRetryAfter: retry.maxRetryAfterMs ?? 3_000,
      backoffLimit,
      delay: (attempt) => 150 * 2 ** (attempt - 1),
      jitter: (delay) => Math.min(backoffLimit, delay * (0.5 + Math.random() / 2)),
      retryOnTimeout: false,
      shouldRetry: ({ error }) => (isUnreachable(error) ? false : undefined),
    },
    hooks: {
      beforeRequest: [
        (request) => {
          if (primaryOrigin === null || originOf(request.url) !== primaryOrigin) {
            request.headers.delete('apikey');
            return;
          }
          request.headers.set('Client-Agent', clientAgent);
          if (apiKey) {
            request.headers.set('apikey', apiKey);
            return new Request(request, { redirect: 'error' });
          }
          return;
        },
      ],
    },
  });
}
