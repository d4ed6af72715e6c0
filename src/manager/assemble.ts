import { CategoryCache } from '../cache/category-cache.js';
import type { ChangeDetector } from '../changes/change-detector.js';
import type { ManagerEvents } from '../events.js';
import type { FleetLink } from '../fleet/fleet-link.js';
import { createTransport } from '../http/transport.js';
import { CircuitBreaker } from '../origins/circuit-breaker.js';
import { configuredOrigins } from '../origins/configured-origins.js';
import { FallbackChain } from '../origins/fallback-chain.js';
import { ProviderRegistry } from '../providers/provider-registry.js';
import { issueMessagesReady } from '../schemas/lazy-issues.js';
import type { Emitter } from '../util/emitter.js';
import type { BaselineCatalogCache } from './baseline-catalog.js';
import type { LoggedEvent } from './log-events.js';
import type { ResolvedManagerOptions } from './options.js';
import { SourcedReads } from './sourced-reads.js';

/** The working parts of one manager, all sharing its transport, clock, events and lifetime. */
export interface ManagerParts {
  readonly chain: FallbackChain;
  readonly cache: CategoryCache;
  readonly providers: ProviderRegistry;
  readonly reads: SourcedReads;
  /**
   * Change detection, loaded and built on first use: the read path never needs it, so a bundle
   * keeps it in a chunk of its own.
   */
  readonly detector: () => Promise<Pick<ChangeDetector, 'check'>>;
  /** The manager's membership of a fleet, with a `coordinator`. */
  readonly link: FleetLink | undefined;
  /** The image baseline catalog, loaded and built on first use like change detection. */
  readonly baselines: () => Promise<BaselineCatalogCache>;
  /** The catalog cache if something already asked for it (a snapshot takes it, never loads it). */
  readonly loadedBaselines: () => BaselineCatalogCache | undefined;
}

/**
 * Builds a manager's parts from resolved options: one transport; the origins in their order
 * behind one circuit breaker; the cache with its storage; providers; change detection. The seed
 * (`snapshot` option) is served as last-known-good data. With a coordinator, the manager joins its
 * fleet: the cache asks the fleet before its chain and tells it what it accepts.
 */
export function assembleManager(
  options: ResolvedManagerOptions,
  events: Emitter<ManagerEvents>,
  closed: AbortSignal,
): ManagerParts {
  const now = () => Date.now();
  // A hook that throws is the manager's `error` event; the logger writes the events too.
  const transport = createTransport({
    ...options.transport,
    onHookError: (error) => events.emit('error', { error }),
  });
  const { logger } = options.transport;
  if (logger) {
    // Subscribed now, written by a chunk loaded once: lines keep the order of their events. A
    // logger that throws is reported like a failing listener.
    const writing = import('./log-events.js');
    // Each line also waits for the wording of validation messages when it is loading
    // (lazy-issues.ts): every line after the first invalid record waits for the same load.
    for (const event of [
      'fallback',
      'stale',
      'invalid-record',
      'error',
    ] as const satisfies readonly LoggedEvent[])
      events.on(event, (payload) =>
        Promise.all([writing, issueMessagesReady()]).then(([{ logEvent }]) =>
          logEvent(logger, event, payload),
        ),
      );
  }
  const { primaryUrl } = options.transport;
  const origins = configuredOrigins(options.chain, transport, options.github, now);
  const breaker = new CircuitBreaker(options.circuitBreaker, now);
  const { suspectAnswers: suspect, maxStalenessMs } = options;
  const chain = new FallbackChain(origins, breaker, { suspect, maxStalenessMs }, now);
  const cache = new CategoryCache({
    chain,
    storage: options.storage,
    events,
    ttlMs: options.ttlMs,
    staleWhileRevalidate: options.staleWhileRevalidate,
    maxStalenessMs,
    storageTimeoutMs: options.transport.timeoutMs,
    closed,
    now,
  });
  const providers = new ProviderRegistry({
    primaryUrl,
    fetch: options.transport.fetch,
    observe: { logger: options.transport.logger, hooks: options.transport.hooks },
    ttlMs: options.ttlMs,
    timeoutMs: options.transport.timeoutMs,
    events,
    closed,
    now,
    suspect,
  });
  let detector: Promise<ChangeDetector> | undefined;
  const changes = () =>
    (detector ??= import('../changes/change-detector.js').then(
      ({ ChangeDetector, detectorContext }) =>
        new ChangeDetector(detectorContext({ transport, cache, now, closed }, primaryUrl)),
    ));
  for (const result of options.seed) cache.seed(result);
  let baselineCache: Promise<BaselineCatalogCache> | undefined;
  let loadedBaselines: BaselineCatalogCache | undefined;
  const baselines = (): Promise<BaselineCatalogCache> =>
    (baselineCache ??= import('./baseline-catalog.js').then(
      ({ BaselineCatalogCache }) =>
        (loadedBaselines = new BaselineCatalogCache(
          {
            transport,
            storage: options.storage,
            storageTimeoutMs: options.transport.timeoutMs,
            ttlMs: options.ttlMs,
            now,
            fleet: link,
          },
          options.baselineSeed,
        )),
    ));
  // The fleet and the baseline catalog know each other; the catalog is built on first use.
  const link: FleetLink | undefined = options.coordinator?.link({
    cache,
    detector: changes,
    events,
    baselines,
    loadedBaselines: () => loadedBaselines,
  });
  cache.fleet = link;
  return {
    chain,
    cache,
    providers,
    reads: new SourcedReads(cache, providers),
    // In a fleet, what a check does depends on the role (a follower never asks the PRIMARY).
    detector: link ? async () => link : changes,
    link,
    baselines,
    loadedBaselines: () => loadedBaselines,
  };
}
