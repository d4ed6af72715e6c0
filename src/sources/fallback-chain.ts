import type { Category } from '../categories.js';
import { type SourceAttempt, SourceUnavailableError } from '../errors/source-unavailable-error.js';
import type { CategoryResult, SourceId } from '../records/category-result.js';
import type { CircuitBreaker, CircuitState } from './circuit-breaker.js';
import type { CategorySource } from './source.js';
import { SourceFailure } from './source-failure.js';

/** Counters of one source, for `status()`. */
export interface SourceStats {
  requests: number;
  failures: number;
  lastFailure: { readonly at: number; readonly category: Category; readonly reason: string } | null;
  lastSuccessAt: number | null;
}

/** A successful read through the chain: the data and what was tried before it. */
export interface ChainResult<C extends Category> {
  readonly result: CategoryResult<C>;
  /** Sources tried or skipped before the one that answered. */
  readonly attempts: readonly SourceAttempt[];
}

const hostKey = (source: CategorySource) => `host ${source.host}`;
const sourceKey = (source: CategorySource) => `source ${source.id}`;

/**
 * Tries the sources in order for one category, skipping those whose circuit is open, and
 * records every outcome. Host-level failures open the host's circuit, so a PRIMARY that hangs
 * costs one timeout for v2 and v1 together; an HTTP error only counts against its own source.
 */
export class FallbackChain {
  readonly #sources: readonly CategorySource[];
  readonly #breaker: CircuitBreaker;
  readonly #now: () => number;
  readonly stats: Readonly<Record<SourceId, SourceStats>>;

  constructor(sources: readonly CategorySource[], breaker: CircuitBreaker, now: () => number) {
    this.#sources = sources;
    this.#breaker = breaker;
    this.#now = now;
    const stats = {} as Record<SourceId, SourceStats>;
    for (const { id } of sources)
      stats[id] = { requests: 0, failures: 0, lastFailure: null, lastSuccessAt: null };
    this.stats = stats;
  }

  /** The circuit state of each source (the worse of its own and its host's). */
  circuits(): Partial<Record<SourceId, CircuitState>> {
    const out: Partial<Record<SourceId, CircuitState>> = {};
    for (const source of this.#sources) {
      const host = this.#breaker.state(hostKey(source));
      out[source.id] = host.state !== 'closed' ? host : this.#breaker.state(sourceKey(source));
    }
    return out;
  }

  /**
   * Reads `category` from the first source that answers. `known` (the cached result) is handed to
   * each source, which returns it as is when its body has not changed.
   *
   * @throws {SourceUnavailableError} with one attempt per source when none answers.
   * @throws the abort reason when `signal` aborts; the chain stops there.
   */
  async load<C extends Category>(
    category: C,
    signal: AbortSignal | undefined,
    known?: CategoryResult<C>,
  ): Promise<ChainResult<C>> {
    const attempts: SourceAttempt[] = [];
    for (const source of this.#sources) {
      signal?.throwIfAborted();
      const skip = source.unsupported(category) ?? this.#acquire(source);
      if (skip !== null) {
        attempts.push({ source: source.id, url: null, outcome: 'skipped', reason: skip });
        continue;
      }
      const stats = this.stats[source.id];
      stats.requests++;
      try {
        const result = await source.fetch(category, signal, known);
        this.#breaker.succeed(hostKey(source));
        this.#breaker.succeed(sourceKey(source));
        stats.lastSuccessAt = this.#now();
        return { result, attempts };
      } catch (error) {
        if (signal?.aborted || !(error instanceof SourceFailure)) {
          this.#breaker.release(hostKey(source));
          this.#breaker.release(sourceKey(source));
          throw signal?.aborted ? signal.reason : error;
        }
        this.#recordFailure(source, error);
        stats.failures++;
        stats.lastFailure = { at: this.#now(), category, reason: error.message };
        attempts.push({
          source: source.id,
          url: error.url,
          outcome: 'failed',
          reason: error.message,
          cause: error,
        });
      }
    }
    throw new SourceUnavailableError(category, attempts);
  }

  #acquire(source: CategorySource): string | null {
    const host = this.#breaker.acquire(hostKey(source));
    if (host !== null) return `host ${source.host} ${host}`;
    const own = this.#breaker.acquire(sourceKey(source));
    if (own !== null) this.#breaker.release(hostKey(source));
    return own;
  }

  #recordFailure(source: CategorySource, failure: SourceFailure): void {
    if (failure.hostLevel) {
      this.#breaker.fail(hostKey(source), true);
      this.#breaker.release(sourceKey(source));
      return;
    }
    // The host answered, so it is up: only this route is failing.
    this.#breaker.succeed(hostKey(source));
    // "Not here" is an answer, not a fault: it should not open the circuit.
    if (failure.kind === 'not-found') this.#breaker.release(sourceKey(source));
    else this.#breaker.fail(sourceKey(source));
  }
}
