import type { ManagerSnapshot } from '../cache/snapshot.js';
import type { SnapshotStorage } from '../cache/storage.js';
import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import type { RetryPolicy } from '../http/http-client.js';
import type { SourceId } from '../records/category-result.js';
import type { CircuitBreakerOptions } from '../sources/circuit-breaker.js';
import type { GithubOptions } from '../sources/github-source.js';

/** Options of `new ModelReferenceManager(options)`. Every one is optional. */
export interface ModelReferenceManagerOptions {
  /**
   * Base URL of the PRIMARY, including `/api`. `null`: no PRIMARY, GitHub only.
   * @default 'https://models.aihorde.net/api'
   */
  readonly primaryUrl?: string | null | undefined;
  /**
   * The fallback chain, in order. Sources on the PRIMARY are dropped when `primaryUrl` is null.
   * @default ['v2', 'v1', 'github']
   */
  readonly sources?: readonly SourceId[] | undefined;
  /**
   * Where the raw GitHub legacy files are read from, or `false` to never read them.
   * @default { rawBaseUrl: 'https://raw.githubusercontent.com', owner: 'Haidra-Org', branch: 'main' }
   */
  readonly github?: GithubOptions | false | undefined;
  /**
   * How long fetched data counts as fresh, in milliseconds.
   * @default 60_000
   */
  readonly ttlMs?: number | undefined;
  /**
   * After the TTL, serve the cached records at once and refresh in the background (`true`), or
   * wait for the refresh (`false`; the cached records are still served if it fails).
   * @default true
   */
  readonly staleWhileRevalidate?: boolean | undefined;
  /**
   * Timeout of each request, in milliseconds.
   * @default 10_000
   */
  readonly timeoutMs?: number | undefined;
  /** Retries inside one source (408, 429, 5xx, network errors). @default { limit: 2 } */
  readonly retry?: RetryPolicy | number | undefined;
  /** When a failing source or host is skipped, and for how long. */
  readonly circuitBreaker?: CircuitBreakerOptions | undefined;
  /**
   * Where last-known-good data is persisted. Memory by default; `fileStorage(dir)` from
   * `horde-model-reference/node`, or `indexedDbStorage()` in browsers, survive restarts.
   * @default memoryStorage()
   */
  readonly storage?: SnapshotStorage | undefined;
  /** A snapshot (from `exportSnapshot()`) to start from, with no network at all. */
  readonly snapshot?: ManagerSnapshot | undefined;
  /** `fetch` implementation. @default globalThis.fetch */
  readonly fetch?: typeof fetch | undefined;
  /** AI-Horde API key. Sent only to the PRIMARY origin, never logged or reported. */
  readonly apiKey?: string | undefined;
  /** `Client-Agent` header. @default `horde-model-reference-js:<version>:unknown` */
  readonly clientAgent?: string | undefined;
}

/** Default PRIMARY base URL. */
export const DEFAULT_PRIMARY_URL = 'https://models.aihorde.net/api';

const KNOWN = new Set([
  'primaryUrl',
  'sources',
  'github',
  'ttlMs',
  'staleWhileRevalidate',
  'timeoutMs',
  'retry',
  'circuitBreaker',
  'storage',
  'snapshot',
  'fetch',
  'apiKey',
  'clientAgent',
]);

// Names users coming from the Python library or older drafts reach for.
const RENAMED: Record<string, string> = {
  primaryApiUrl: 'primaryUrl',
  baseUrl: 'primaryUrl',
  cacheTtlSeconds: 'ttlMs (milliseconds)',
  ttl: 'ttlMs',
  timeout: 'timeoutMs',
  githubFallback: 'github (false to disable)',
};

const SOURCE_IDS: readonly SourceId[] = ['v2', 'v1', 'github'];

function checkDuration(name: string, value: number | undefined, allowZero: boolean): void {
  if (value === undefined) return;
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < 0 ||
    (!allowZero && value === 0)
  ) {
    throw new InvalidOptionsError(
      name,
      `expected a ${allowZero ? 'non-negative' : 'positive'} number of milliseconds, got ${String(value)}`,
    );
  }
}

function checkUrl(name: string, value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidOptionsError(name, `${JSON.stringify(value)} is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidOptionsError(name, `expected an http(s) URL, got ${url.protocol}`);
  }
}

/**
 * Validates options before anything is built.
 *
 * @throws {InvalidOptionsError} naming the option and what is allowed.
 */
export function validateOptions(options: ModelReferenceManagerOptions): void {
  for (const key of Object.keys(options)) {
    if (KNOWN.has(key)) continue;
    const hint = RENAMED[key];
    throw new InvalidOptionsError(
      key,
      hint
        ? `unknown option; did you mean ${hint}?`
        : `unknown option; valid options: ${[...KNOWN].join(', ')}`,
    );
  }
  if (options.primaryUrl) checkUrl('primaryUrl', options.primaryUrl);
  const rawBaseUrl = options.github ? options.github.rawBaseUrl : undefined;
  if (rawBaseUrl) checkUrl('github.rawBaseUrl', rawBaseUrl);
  checkDuration('ttlMs', options.ttlMs, true);
  checkDuration('timeoutMs', options.timeoutMs, false);
  if (options.sources) {
    for (const id of options.sources) {
      if (!SOURCE_IDS.includes(id))
        throw new InvalidOptionsError(
          'sources',
          `unknown source ${JSON.stringify(id)}; valid: ${SOURCE_IDS.join(', ')}`,
        );
    }
    if (new Set(options.sources).size !== options.sources.length)
      throw new InvalidOptionsError('sources', 'a source is listed twice');
  }
}
