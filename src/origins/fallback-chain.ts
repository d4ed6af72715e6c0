import type { Category } from '../categories.js';
import { type OriginAttempt, SourceUnavailableError } from '../errors/source-unavailable-error.js';
import type { CategoryResult, NetworkOrigin } from '../records/category-result.js';
import type { CircuitBreaker, CircuitState } from './circuit-breaker.js';
import {
  asOriginFailure,
  type FailureKind,
  failureKind,
  failureReason,
  isHostLevel,
} from './failure-kind.js';
import type { OriginReader, OriginRequest } from './origin-reader.js';

/** Counters of one origin, for `status()`. */
export interface OriginStats {
  requests: number;
  failures: number;
  lastFailure: { readonly at: number; readonly category: Category; readonly reason: string } | null;
  lastSuccessAt: number | null;
}

/** A successful read through the chain: the data and what was tried before it. */
export interface ChainResult<C extends Category> {
  readonly result: CategoryResult<C>;
  /** Sources tried or skipped before the one that answered. */
  readonly attempts: readonly OriginAttempt[];
}

const hostKey = (origin: OriginReader) => `host ${origin.host}`;
const originKey = (origin: OriginReader) => `origin ${origin.id}`;

/**
 * Tries the origins in order for one category, skipping those whose circuit is open, and
 * records every outcome. Host-level failures open the host's circuit, so a PRIMARY that hangs
 * costs one timeout for v2 and v1 together; an HTTP error only counts against its own origin.
 */
export class FallbackChain {
  readonly #origins: readonly OriginReader[];
  readonly #breaker: CircuitBreaker;
  readonly #now: () => number;
  readonly stats: Readonly<Record<NetworkOrigin, OriginStats>>;

  constructor(origins: readonly OriginReader[], breaker: CircuitBreaker, now: () => number) {
    this.#origins = origins;
    this.#breaker = breaker;
    this.#now = now;
    const stats = {} as Record<NetworkOrigin, OriginStats>;
    for (const { id } of origins)
      stats[id] = { requests: 0, failures: 0, lastFailure: null, lastSuccessAt: null };
    this.stats = stats;
  }

  /** The circuit state of each origin (the worse of its own and its host's). */
  circuits(): Partial<Record<NetworkOrigin, CircuitState>> {
    const out: Partial<Record<NetworkOrigin, CircuitState>> = {};
    for (const origin of this.#origins) {
      const host = this.#breaker.state(hostKey(origin));
      out[origin.id] = host.state !== 'closed' ? host : this.#breaker.state(originKey(origin));
    }
    return out;
  }

  /**
   * Reads `category` from the first origin that answers. `known` (the cached result) is handed to
   * each origin, which returns it as is when its body has not changed.
   *
   * @throws {SourceUnavailableError} with one attempt per origin when none answers.
   * @throws the abort reason when `request.signal` aborts; the chain stops there.
   */
  async load<C extends Category>(
    category: C,
    request: OriginRequest,
    known?: CategoryResult<C>,
  ): Promise<ChainResult<C>> {
    const { signal } = request;
    const attempts: OriginAttempt[] = [];
    for (const origin of this.#origins) {
      signal?.throwIfAborted();
      const skip = origin.unsupported(category) ?? this.#acquire(origin);
      if (skip !== null) {
        attempts.push({ origin: origin.id, url: null, outcome: 'skipped', reason: skip });
        continue;
      }
      const stats = this.stats[origin.id];
      stats.requests++;
      try {
        const result = await origin.fetch(category, request, known);
        this.#breaker.succeed(hostKey(origin));
        this.#breaker.succeed(originKey(origin));
        stats.lastSuccessAt = this.#now();
        return { result, attempts };
      } catch (thrown) {
        if (signal?.aborted) {
          this.#breaker.release(hostKey(origin));
          this.#breaker.release(originKey(origin));
          throw signal.reason;
        }
        const error = asOriginFailure(thrown, origin.urlOf(category));
        this.#recordFailure(origin, failureKind(error));
        stats.failures++;
        const reason = failureReason(error);
        stats.lastFailure = { at: this.#now(), category, reason };
        attempts.push({
          origin: origin.id,
          url: origin.urlOf(category),
          outcome: 'failed',
          reason,
          cause: error,
        });
      }
    }
    throw new SourceUnavailableError(category, attempts);
  }

  #acquire(origin: OriginReader): string | null {
    const host = this.#breaker.acquire(hostKey(origin));
    if (host !== null) return `host ${origin.host} ${host}`;
    const own = this.#breaker.acquire(originKey(origin));
    if (own !== null) this.#breaker.release(hostKey(origin));
    return own;
  }

  #recordFailure(origin: OriginReader, kind: FailureKind): void {
    if (isHostLevel(kind)) {
      this.#breaker.fail(hostKey(origin), true);
      this.#breaker.release(originKey(origin));
      return;
    }
    // The host answered, so it is up: only this route is failing.
    this.#breaker.succeed(hostKey(origin));
    // "Not here" is an answer, not a fault: it should not open the circuit.
    if (kind === 'not-found') this.#breaker.release(originKey(origin));
    else this.#breaker.fail(originKey(origin));
  }
}
