import {
  checkDuration,
  checkFunction,
  checkHeaderValue,
  checkInteger,
  checkKeys,
  checkMethods,
  checkObject,
} from '../util/option-checks.js';
import {
  DEFAULT_CLIENT_AGENT,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUT_MS,
} from './defaults.js';
import type { HttpHooks, Logger } from './observe.js';
import type { TransportOptions } from './transport.js';

/** Retries inside one request (408, 429, 5xx, dropped connections; never timeouts or writes). */
export interface RetryOptions {
  /**
   * Retries after the first attempt, 0 to 10.
   * @default 2
   */
  readonly limit?: number | undefined;
  /**
   * Longest wait honoured from a `Retry-After` header; longer asks are clamped to this.
   * @default 3_000
   */
  readonly maxRetryAfterMs?: number | undefined;
  /**
   * Cap on the exponential backoff (150 ms × 2^(n−1), with jitter).
   * @default 2_000
   */
  readonly backoffLimitMs?: number | undefined;
}

/** How requests are made: the options the manager and the API client share. */
export interface ConnectionOptions {
  /**
   * AI-Horde API key, sent as `apikey` to the PRIMARY only (never across a redirect), and never
   * logged, reported or stored. It must be a plain header value: trim a key read from a file.
   */
  readonly apiKey?: string | undefined;
  /** `fetch` implementation, for tests, proxies or instrumented runtimes. @default globalThis.fetch */
  readonly fetch?: typeof fetch | undefined;
  /**
   * Deadline of each request, headers and whole body, in milliseconds (1 to 2^31−1).
   * @default 10_000
   */
  readonly timeoutMs?: number | undefined;
  /** Retries inside one request; a number is `{ limit }`. @default { limit: 2 } */
  readonly retry?: RetryOptions | number | undefined;
  /** `Client-Agent` header, sent to the PRIMARY only. @default `horde-model-reference-js:<version>:unknown` */
  readonly clientAgent?: string | undefined;
  /**
   * Largest decoded body accepted, in bytes; a larger answer fails that request (a compression
   * bomb stops here too).
   * @default 33_554_432 (32 MiB)
   */
  readonly maxResponseBytes?: number | undefined;
  /**
   * Where to write what happens (`console` works): every request attempt at `debug`, retries at
   * `info`, and (for a manager) fallbacks, stale data, skipped records and background failures.
   * Lines never contain the API key nor a URL's credentials.
   * @default none: nothing is written anywhere
   * @example
   * ```ts
   * new ModelReferenceManager({ logger: console });
   * ```
   */
  readonly logger?: Logger | undefined;
  /**
   * Called before each request attempt, after it, and before a retry: with the method, the URL
   * (without credentials), the attempt number, the status and duration, and what the request is
   * for (`origin` on a manager's reads, `route` on the API client's calls).
   */
  readonly hooks?: HttpHooks | undefined;
}

/** The keys of {@link ConnectionOptions}. */
export const CONNECTION_OPTION_KEYS: readonly string[] = [
  'apiKey',
  'fetch',
  'timeoutMs',
  'retry',
  'clientAgent',
  'maxResponseBytes',
  'logger',
  'hooks',
];

// Resolved at call time, so a `fetch` patched after construction (msw, instrumentation) is used.
const globalFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

function resolveRetry(value: unknown): TransportOptions['retry'] {
  if (typeof value === 'number' || value === undefined)
    return { ...DEFAULT_RETRY, limit: checkInteger('retry', value, DEFAULT_RETRY.limit, 0, 10) };
  const retry = checkObject('retry', value);
  checkKeys('retry', retry, ['limit', 'maxRetryAfterMs', 'backoffLimitMs']);
  return {
    limit: checkInteger('retry.limit', retry.limit, DEFAULT_RETRY.limit, 0, 10),
    maxRetryAfterMs: checkDuration(
      'retry.maxRetryAfterMs',
      retry.maxRetryAfterMs,
      DEFAULT_RETRY.maxRetryAfterMs,
      0,
      60_000,
    ),
    backoffLimitMs: checkDuration(
      'retry.backoffLimitMs',
      retry.backoffLimitMs,
      DEFAULT_RETRY.backoffLimitMs,
      0,
      60_000,
    ),
  };
}

/**
 * Validates and defaults the {@link ConnectionOptions} in `options` (other keys are the caller's
 * to check).
 *
 * @throws {InvalidOptionsError} naming the option path, what was given and what is allowed.
 */
export function resolveConnectionOptions(
  options: Readonly<Record<string, unknown>>,
  primaryUrl: string | null,
): TransportOptions {
  const apiKey =
    options.apiKey === undefined ? null : checkHeaderValue('apiKey', options.apiKey, true);
  return {
    primaryUrl,
    apiKey,
    fetch: checkFunction<typeof fetch>('fetch', options.fetch) ?? globalFetch,
    timeoutMs: checkDuration('timeoutMs', options.timeoutMs, DEFAULT_TIMEOUT_MS, 1),
    retry: resolveRetry(options.retry),
    clientAgent:
      options.clientAgent === undefined
        ? DEFAULT_CLIENT_AGENT
        : checkHeaderValue('clientAgent', options.clientAgent, false),
    maxResponseBytes: checkInteger(
      'maxResponseBytes',
      options.maxResponseBytes,
      DEFAULT_MAX_RESPONSE_BYTES,
      1024,
      2 ** 31 - 1,
    ),
    logger: checkMethods<Logger>('logger', options.logger, ['debug', 'info', 'warn', 'error']),
    hooks: checkMethods<HttpHooks>('hooks', options.hooks, ['request', 'response', 'retry'], true),
  };
}
