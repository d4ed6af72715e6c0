import { fromSnapshot, type ManagerSnapshot } from '../cache/snapshot.js';
import { memoryStorage, type SnapshotStorage } from '../cache/storage.js';
import { describeValue } from '../errors/describe-value.js';
import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import type { FleetCoordinator } from '../fleet/fleet-coordinator.js';
import {
  CONNECTION_OPTION_KEYS,
  type ConnectionOptions,
  resolveConnectionOptions,
} from '../http/connection-options.js';
import { DEFAULT_PRIMARY_URL } from '../http/defaults.js';
import type { TransportOptions } from '../http/transport.js';
import {
  type CircuitBreakerOptions,
  type CircuitBreakerPolicy,
  DEFAULT_CIRCUIT_BREAKER,
} from '../origins/circuit-breaker.js';
import { DEFAULT_CHAIN } from '../origins/configured-origins.js';
import {
  DEFAULT_GITHUB,
  type GithubLocation,
  type GithubOptions,
} from '../origins/github-origin.js';
import type { CategoryResult, NetworkOrigin } from '../records/category-result.js';
import type { SuspectAnswerPolicy } from '../records/suspect-answer.js';
import {
  checkBoolean,
  checkDuration,
  checkHttpUrl,
  checkInteger,
  checkKeys,
  checkObject,
  MAX_TIMER_MS,
  rejectOption,
} from '../util/option-checks.js';

/** Options of `new ModelReferenceManager(options)`. Every one is optional. */
export interface ModelReferenceManagerOptions extends ConnectionOptions {
  /**
   * Base URL of the PRIMARY, including `/api`. `null`: no PRIMARY, GitHub only.
   * @default 'https://models.aihorde.net/api'
   */
  readonly primaryUrl?: string | null | undefined;
  /**
   * The fallback chain: the origins tried in order for every category. Origins on the PRIMARY
   * are left out when `primaryUrl` is null, GitHub when `github` is false.
   * @default ['v2', 'v1', 'github']
   */
  readonly chain?: readonly NetworkOrigin[] | undefined;
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
  /** When a failing origin or host is skipped, and for how long. */
  readonly circuitBreaker?: CircuitBreakerOptions | undefined;
  /**
   * Where last-known-good data is persisted. Memory by default; `fileStorage(dir)` from
   * `horde-model-reference/node`, or `indexedDbStorage()` in browsers, survive restarts.
   * @default memoryStorage()
   */
  readonly storage?: SnapshotStorage | undefined;
  /** A snapshot (from `exportSnapshot()`) to start from, with no network at all. */
  readonly snapshot?: ManagerSnapshot | undefined;
  /**
   * How long data keeps a lower origin of the chain from replacing it (the PRIMARY's data is not
   * swapped for GitHub's lagging copy during a short outage), and how old stored data may be and
   * still be served before the network is asked (a restart after days offline asks first).
   * @default 86_400_000 (24 h)
   */
  readonly maxStalenessMs?: number | undefined;
  /**
   * When an answer that would gut a category is not taken: more than `maxRemovedShare` of the
   * records held gone (an empty `{}` removes them all), or more than `maxInvalidShare` of its
   * records invalid. Such an answer counts as a failed origin and the data held is kept (stale,
   * with the reason), unless the PRIMARY's metadata confirms the deletions. `false` takes every
   * answer; `refresh(category, { acceptSuspect: true })` takes one.
   * @default { maxRemovedShare: 0.5, maxInvalidShare: 0.5 }
   */
  readonly suspectAnswers?: Partial<SuspectAnswerPolicy> | false | undefined;
  /**
   * Joins a fleet: `redisCoordinator()` (`horde-model-reference/redis`), `fileCoordinator()`
   * (`horde-model-reference/node`) or `memoryCoordinator()` (`.../fleet`). One leader talks to the
   * PRIMARY and publishes what it loads; the others serve what it published (see the README's
   * Fleets). The manager closes it on `close()`: one coordinator per manager.
   */
  readonly coordinator?: FleetCoordinator | undefined;
}

/** Every option, validated and defaulted: what the rest of the manager is built from. */
export interface ResolvedManagerOptions {
  readonly chain: readonly NetworkOrigin[];
  /** `null`: GitHub is not used. */
  readonly github: GithubLocation | null;
  readonly ttlMs: number;
  readonly staleWhileRevalidate: boolean;
  readonly circuitBreaker: CircuitBreakerPolicy;
  readonly storage: SnapshotStorage;
  /** The seed's categories, already validated. */
  readonly seed: readonly CategoryResult[];
  /** The seed's image baseline catalog, as given (validated when first used). */
  readonly baselineSeed: unknown;
  readonly maxStalenessMs: number;
  /** `null`: every answer is taken. */
  readonly suspectAnswers: SuspectAnswerPolicy | null;
  /** How requests are made (the PRIMARY, key, fetch, deadline, retries, size limit). */
  readonly transport: TransportOptions;
  readonly coordinator: FleetCoordinator | undefined;
}

const KNOWN = [
  'primaryUrl',
  'chain',
  'github',
  'ttlMs',
  'staleWhileRevalidate',
  'circuitBreaker',
  'storage',
  'snapshot',
  'maxStalenessMs',
  'suspectAnswers',
  'coordinator',
  ...CONNECTION_OPTION_KEYS,
];

// Names users coming from the Python library, older drafts or 0.1 reach for.
const RENAMED: Readonly<Record<string, string>> = {
  sources: 'chain (the fallback chain was called sources in 0.1)',
  primaryApiUrl: 'primaryUrl',
  baseUrl: 'primaryUrl',
  cacheTtlSeconds: 'ttlMs (milliseconds)',
  ttl: 'ttlMs',
  timeout: 'timeoutMs',
  githubFallback: 'github (false to disable)',
};

function resolveChain(value: unknown): readonly NetworkOrigin[] {
  if (value === undefined) return DEFAULT_CHAIN;
  if (!Array.isArray(value)) return rejectOption('chain', 'a list of origins', value);
  for (const id of value)
    if (!DEFAULT_CHAIN.includes(id))
      throw new InvalidOptionsError(
        'chain',
        `unknown origin ${describeValue(id)}; valid: ${DEFAULT_CHAIN.join(', ')}`,
      );
  if (new Set(value).size !== value.length)
    throw new InvalidOptionsError('chain', 'an origin is listed twice');
  return [...value];
}

function resolveGithub(value: unknown): GithubLocation | null {
  if (value === false) return null;
  if (value !== undefined && (typeof value !== 'object' || value === null))
    return rejectOption('github', 'an object or false', value);
  const github = checkObject('github', value);
  checkKeys('github', github, ['rawBaseUrl', 'owner', 'branch']);
  const segment = (key: 'owner' | 'branch'): string => {
    const given = github[key];
    if (given === undefined) return DEFAULT_GITHUB[key];
    // One path segment of a URL (a branch may contain `/`, but never `..` or a scheme).
    if (typeof given !== 'string' || !/^[\w.-]+(\/[\w.-]+)*$/.test(given) || given.includes('..'))
      return rejectOption(
        `github.${key}`,
        `a GitHub ${key} name (letters, digits, . _ - and, for a branch, /)`,
        given,
      );
    return given;
  };
  return {
    rawBaseUrl:
      github.rawBaseUrl === undefined
        ? DEFAULT_GITHUB.rawBaseUrl
        : checkHttpUrl('github.rawBaseUrl', github.rawBaseUrl),
    owner: segment('owner'),
    branch: segment('branch'),
  };
}

function resolveCircuitBreaker(value: unknown): CircuitBreakerPolicy {
  const breaker = checkObject('circuitBreaker', value);
  checkKeys('circuitBreaker', breaker, ['failureThreshold', 'coolDownMs', 'maxCoolDownMs']);
  const d = DEFAULT_CIRCUIT_BREAKER;
  const coolDownMs = checkDuration(
    'circuitBreaker.coolDownMs',
    breaker.coolDownMs,
    d.coolDownMs,
    1,
  );
  return {
    failureThreshold: checkInteger(
      'circuitBreaker.failureThreshold',
      breaker.failureThreshold,
      d.failureThreshold,
      1,
      1000,
    ),
    coolDownMs,
    maxCoolDownMs: checkDuration(
      'circuitBreaker.maxCoolDownMs',
      breaker.maxCoolDownMs,
      Math.max(d.maxCoolDownMs, coolDownMs),
      coolDownMs,
      MAX_TIMER_MS,
    ),
  };
}

function resolveShare(path: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1))
    return rejectOption(path, 'a share from 0 to 1', value);
  return value;
}

function resolveSuspect(value: unknown): SuspectAnswerPolicy | null {
  if (value === false) return null;
  const given = checkObject('suspectAnswers', value);
  checkKeys('suspectAnswers', given, ['maxRemovedShare', 'maxInvalidShare']);
  return {
    maxRemovedShare: resolveShare('suspectAnswers.maxRemovedShare', given.maxRemovedShare, 0.5),
    maxInvalidShare: resolveShare('suspectAnswers.maxInvalidShare', given.maxInvalidShare, 0.5),
  };
}

/** `value` if it is an object with every one of `methods`. */
function withMethods<T>(path: string, value: unknown, methods: readonly string[]): T {
  const given = checkObject(path, value);
  const missing = methods.filter((m) => typeof given[m] !== 'function');
  if (missing.length > 0)
    throw new InvalidOptionsError(
      path,
      `expected an object with ${methods.join(', ')} methods; missing ${missing.join(', ')}`,
    );
  return value as T;
}

function resolveSeed(value: unknown): readonly CategoryResult[] {
  if (value === undefined) return [];
  const snapshot = checkObject('snapshot', value);
  if (!Array.isArray(snapshot.categories))
    return rejectOption(
      'snapshot.categories',
      'the list of category snapshots of exportSnapshot()',
      snapshot.categories,
    );
  return snapshot.categories.map((entry: unknown, index: number) => {
    const result = fromSnapshot(entry);
    if (!result)
      throw new InvalidOptionsError(
        `snapshot.categories[${index}]`,
        'expected a category snapshot ({ category, fetchedAt, records, ... }) as exportSnapshot() writes it',
      );
    return result;
  });
}

/**
 * Validates every option, nested ones included, and fills in every default, once: nothing
 * downstream defaults anything again.
 *
 * @throws {InvalidOptionsError} naming the option path (`retry.limit`), what was given (never a
 * secret) and what is allowed.
 */
export function resolveManagerOptions(options: unknown = {}): ResolvedManagerOptions {
  if (options === null) throw new InvalidOptionsError('options', 'expected an object, got null');
  const given = checkObject('options', options);
  checkKeys('', given, KNOWN, RENAMED);
  const primaryUrl =
    given.primaryUrl === null
      ? null
      : given.primaryUrl === undefined
        ? DEFAULT_PRIMARY_URL
        : checkHttpUrl('primaryUrl', given.primaryUrl);
  return {
    chain: resolveChain(given.chain),
    github: resolveGithub(given.github),
    ttlMs: checkDuration('ttlMs', given.ttlMs, 60_000),
    staleWhileRevalidate: checkBoolean('staleWhileRevalidate', given.staleWhileRevalidate, true),
    circuitBreaker: resolveCircuitBreaker(given.circuitBreaker),
    storage:
      given.storage === undefined
        ? memoryStorage()
        : withMethods('storage', given.storage, ['get', 'set', 'delete']),
    seed: resolveSeed(given.snapshot),
    baselineSeed: (given.snapshot as { baselines?: unknown } | undefined)?.baselines,
    maxStalenessMs: checkDuration('maxStalenessMs', given.maxStalenessMs, 86_400_000),
    suspectAnswers: resolveSuspect(given.suspectAnswers),
    transport: resolveConnectionOptions(given, primaryUrl),
    coordinator:
      given.coordinator === undefined
        ? undefined
        : withMethods('coordinator', given.coordinator, ['link']),
  };
}
