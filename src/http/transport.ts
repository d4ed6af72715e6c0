import { MalformedResponseError } from '../errors/malformed-response-error.js';
import { isModelReferenceError } from '../errors/model-reference-error.js';
import { type AttemptBounds, boundedFetch } from './bounded-fetch.js';
import { connectionFailure, isRetryableNetworkError, loadCodeReasons } from './network-failure.js';
import type { HttpHooks, Logger } from './observe.js';
import type { RequestOptions } from './request-options.js';
import { withRetries } from './retry.js';
import type { HttpMethod } from './routes.js';
import { statusError } from './status-error.js';
import { hostOf, redactUrl, urlOrigin } from './url.js';

/** Retries inside one request, resolved. */
export interface RetryPolicy {
  /** Retries after the first attempt, for 408, 429, 5xx and dropped connections. */
  readonly limit: number;
  /** Longest wait honoured from a `Retry-After` header; longer asks are clamped to this. */
  readonly maxRetryAfterMs: number;
  /** Cap on the exponential backoff (150 ms × 2^(n−1), with jitter). */
  readonly backoffLimitMs: number;
}

/** What a transport is built from (resolved options: nothing is defaulted here). */
export interface TransportOptions {
  /** The PRIMARY with `/api`, no trailing slash; `null` when there is none. */
  readonly primaryUrl: string | null;
  /** Sent as `apikey` to the PRIMARY's origin (scheme, host, port) only. */
  readonly apiKey: string | null;
  readonly fetch: typeof fetch;
  /** Deadline of each attempt, headers and body. */
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  /** `Client-Agent` header, sent to the PRIMARY only. */
  readonly clientAgent: string;
  /** Largest decoded body accepted. */
  readonly maxResponseBytes: number;
  /** Told of every attempt (`debug`), retry (`info`) and failing hook (`warn`). */
  readonly logger?: Logger | undefined;
  /** Called for every attempt and retry. */
  readonly hooks?: HttpHooks | undefined;
  /** Hears about a hook that threw or rejected (the manager emits it as `error`). */
  readonly onHookError?: ((error: Error) => void) | undefined;
}

/** One request. */
export interface HttpRequest extends RequestOptions {
  /** @default 'GET' */
  readonly method?: HttpMethod | undefined;
  readonly url: string;
  /** Sent as a JSON body. */
  readonly json?: unknown;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** A hint for an error status (what the API client knows about the route's role and mode). */
  readonly hintFor?: ((status: number) => string | undefined) | undefined;
  /** The origin of the fallback chain this request reads for, for the logger and hooks. */
  readonly origin?: string | undefined;
  /** The API client's route (`GET /model_references/v2/{category}`), for the logger and hooks. */
  readonly route?: string | undefined;
}

/** A complete answer with a status below 400 (2xx, or 304 to a conditional request). */
export interface HttpResponse {
  readonly method: string;
  /** The URL asked for, without credentials. */
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** The one HTTP layer of a manager or an API client. */
export interface Transport {
  /** The PRIMARY with `/api` (no trailing slash), or `null`. */
  readonly primaryUrl: string | null;
  /**
   * Sends one request (GETs retried per the policy) and reads the whole answer under the deadline.
   *
   * @throws {ApiError} for an error status (404 included), after retries.
   * @throws {ConnectionError} when no HTTP answer came at all.
   * @throws {TimeoutError} when headers or body did not complete within the deadline.
   * @throws {MalformedResponseError} for an HTML page with a success status, or a body too large.
   * @throws the caller's abort reason when `signal` aborts.
   */
  request(request: HttpRequest): Promise<HttpResponse>;
}

const HTML = /^\s*<(!doctype|html)/i;
const decoder = new TextDecoder();

/**
 * Builds the transport every request of a manager or API client goes through:
 *
 * - A deadline per attempt over the whole response, and a size limit on the decoded body.
 * - GETs retried after 408/429/5xx and dropped connections, with short exponential backoff and
 *   jitter, honouring `Retry-After` up to a cap. A timeout, a refused connection or an unknown
 *   host is not retried: the caller has a fallback to move on to, and a host that hangs once
 *   hangs again.
 * - `apikey` and `Client-Agent` go to the PRIMARY's host only, and a request carrying the key
 *   refuses redirects: `fetch` would forward the header to wherever a redirect points. Text taken
 *   from errors and answers is scrubbed of the key.
 * - One classification of failures into typed errors (see {@link Transport.request}).
 */
export function createTransport(options: TransportOptions): Transport {
  const primaryOrigin = urlOrigin(options.primaryUrl);
  const { apiKey } = options;
  const scrub = (text: string) => (apiKey ? text.replaceAll(apiKey, '[api key]') : text);
  // Loaded only when asked for: without a logger or hooks, observing costs one `undefined` check.
  const observing =
    options.logger || options.hooks
      ? import('./observe.js').then(({ createObserver }) =>
          createObserver(options.logger, options.hooks, options.onHookError),
        )
      : undefined;

  /** The request as it goes on the wire: credentials only for the PRIMARY. */
  const build = (request: HttpRequest, method: HttpMethod): Request => {
    // fetch refuses such a URL with a message that repeats it, password and all.
    if (redactUrl(request.url) !== request.url)
      throw new TypeError('a URL with credentials (user:password@) cannot be fetched');
    const headers = new Headers(request.headers);
    headers.delete('apikey');
    const toPrimary = primaryOrigin !== null && urlOrigin(request.url) === primaryOrigin;
    if (toPrimary) {
      headers.set('Client-Agent', options.clientAgent);
      if (apiKey) headers.set('apikey', apiKey);
    }
    if (request.json !== undefined) headers.set('content-type', 'application/json');
    return new Request(request.url, {
      method,
      headers,
      ...(request.json === undefined ? {} : { body: JSON.stringify(request.json) }),
      ...(request.signal ? { signal: request.signal } : {}),
      redirect: toPrimary && apiKey ? 'error' : 'follow',
    });
  };

  return {
    primaryUrl: options.primaryUrl,
    async request(request) {
      const method = request.method ?? 'GET';
      const url = redactUrl(request.url);
      const bounds: AttemptBounds = {
        method,
        url,
        host: hostOf(url),
        timeoutMs: request.timeoutMs ?? options.timeoutMs,
        maxBytes: options.maxResponseBytes,
      };
      const { origin, route } = request;
      const redirectRefused = apiKey !== null && urlOrigin(request.url) === primaryOrigin;
      // A failure as the caller gets it: the abort reason, our typed error, or a ConnectionError.
      const failure = (error: unknown): Error =>
        request.signal?.aborted
          ? request.signal.reason
          : isModelReferenceError(error)
            ? error
            : connectionFailure(error, { method, url, host: bounds.host, redirectRefused }, scrub);
      // A failure with a Node error code is worded by code: the words load before it is told.
      const attempt = () =>
        boundedFetch(options.fetch, build(request, method), bounds).catch(
          async (error: unknown) => {
            if (!isModelReferenceError(error)) await loadCodeReasons(error);
            throw error;
          },
        );
      const watched =
        observing && (await observing).watch({ method, url, origin, route }, attempt, failure);
      let response: Response;
      try {
        response = await withRetries(watched?.attempt ?? attempt, {
          method,
          policy: options.retry,
          // Our own errors (timeouts, oversized bodies) are final; network errors by their kind.
          retryable: (error) => !isModelReferenceError(error) && isRetryableNetworkError(error),
          signal: request.signal,
          onRetry: watched?.onRetry,
        });
      } catch (error) {
        throw failure(error);
      }
      const text = decoder.decode(await response.arrayBuffer());
      if (response.status >= 400) {
        const { status, statusText } = response;
        throw statusError({ status, statusText, text, method, url }, request.hintFor, scrub);
      }
      if (response.status < 300 && isHtml(response.headers, text))
        throw new MalformedResponseError({ method, url, reason: 'an HTML page instead of data' });
      return { method, url, status: response.status, headers: response.headers, text };
    },
  };
}

function isHtml(headers: Headers, text: string): boolean {
  return (headers.get('content-type') ?? '').includes('text/html') || HTML.test(text);
}

/** `transport`, with every request labelled as reading for `origin` (for the logger and hooks). */
export function originTransport(transport: Transport, origin: string): Transport {
  return {
    primaryUrl: transport.primaryUrl,
    request: (request) => transport.request({ origin, ...request }),
  };
}
