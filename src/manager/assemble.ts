import { CategoryLoader } from '../cache/category-cache.js';
import { fromSnapshot } from '../cache/snapshot.js';
import { memoryStorage } from '../cache/storage.js';
import { ChangeDetector } from '../changes/change-detector.js';
import type { ManagerEvents } from '../events.js';
import { createHttpClient, DEFAULT_TIMEOUT_MS } from '../http/http-client.js';
import { primaryUrls } from '../http/primary-urls.js';
import { ProviderRegistry } from '../providers/provider-registry.js';
import { CircuitBreaker } from '../sources/circuit-breaker.js';
import { configuredSources } from '../sources/configured-sources.js';
import { FallbackChain } from '../sources/fallback-chain.js';
import type { Emitter } from '../util/emitter.js';
import { DEFAULT_PRIMARY_URL, type ModelReferenceManagerOptions } from './options.js';
import { SourcedReads } from './sourced-reads.js';

/** The working parts of one manager, all sharing its HTTP client, clock, events and lifetime. */
export interface ManagerParts {
  readonly chain: FallbackChain;
  readonly loader: CategoryLoader;
  readonly providers: ProviderRegistry;
  readonly reads: SourcedReads;
  readonly detector: ChangeDetector;
}

/**
 * Builds a manager's parts from validated options: one ky instance; the sources in their order
 * behind one circuit breaker; the loader with its cache and storage; providers; change detection.
 * The `snapshot` option is seeded as last-known-good data.
 */
export function assembleManager(
  options: ModelReferenceManagerOptions,
  events: Emitter<ManagerEvents>,
  closed: AbortSignal,
): ManagerParts {
  const now = () => Date.now();
  const primaryUrl = options.primaryUrl === undefined ? DEFAULT_PRIMARY_URL : options.primaryUrl;
  const ttlMs = options.ttlMs ?? 60_000;
  const http = createHttpClient({
    primaryUrl,
    apiKey: options.apiKey,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    retry: options.retry,
    clientAgent: options.clientAgent,
  });
  const sources = configuredSources(options, http, primaryUrl, now);
  const chain = new FallbackChain(sources, new CircuitBreaker(options.circuitBreaker, now), now);
  const loader = new CategoryLoader({
    chain,
    storage: options.storage ?? memoryStorage(),
    events,
    ttlMs,
    staleWhileRevalidate: options.staleWhileRevalidate ?? true,
    closed,
    now,
  });
  const providers = new ProviderRegistry({
    primaryUrl,
    fetch: options.fetch,
    ttlMs,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    events,
    closed,
    now,
  });
  const urls = primaryUrl ? primaryUrls(primaryUrl) : null;
  const detector = new ChangeDetector({ http, urls, loader, events, ttlMs, now, closed });
  for (const snapshot of options.snapshot?.categories ?? []) {
    const result = fromSnapshot(snapshot);
    if (result) loader.seed(result);
  }
  return { chain, loader, providers, reads: new SourcedReads(loader, providers), detector };
}
