import type { Category } from '../categories.js';
import { type OriginAttempt, SourceUnavailableError } from '../errors/source-unavailable-error.js';
import { SuspectAnswerError } from '../errors/suspect-answer-error.js';
import type { CategoryResult, NetworkOrigin } from '../records/category-result.js';
import { type SuspectAnswerPolicy, suspectReason } from '../records/suspect-answer.js';
import { formatDuration } from '../util/duration.js';
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

/** What the chain trusts, resolved from the manager's options. */
export interface ChainPolicy {
  /** `null`: every answer is taken as it is. */
  readonly suspect: SuspectAnswerPolicy | null;
  /** How long data keeps lower-ranked origins from replacing it. */
  readonly maxStalenessMs: number;
}

/** One read through the chain. */
export interface ChainRequest extends OriginRequest {
  /** Take an answer even when it would gut the category. */
  readonly acceptSuspect?: boolean | undefined;
  /** Removals the PRIMARY's metadata confirms since the data held was read. */
  readonly confirmedRemovals?: number | undefined;
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
  readonly #policy: ChainPolicy;
  readonly stats: Readonly<Record<NetworkOrigin, OriginStats>>;

  constructor(
    origins: readonly OriginReader[],
    breaker: CircuitBreaker,
    policy: ChainPolicy,
    now: () => number,
  ) {
    this.#origins = origins;
    this.#policy = policy;
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
   * Reads `category` from the first origin that answers with data it can take. `known` (the
   * cached result) is handed to each origin, which returns it as is when its body has not
   * changed. While `known` is younger than `maxStalenessMs`, origins ranked below the one it came
   * from are not asked (a lagging GitHub never replaces the PRIMARY's data). An answer that would
   * gut the category is a failure of that origin ({@link SuspectAnswerError}) unless accepted.
   *
   * @throws {SourceUnavailableError} with one attempt per origin when none answers.
   * @throws the abort reason when `request.signal` aborts; the chain stops there.
   */
  async load<C extends Category>(
    category: C,
    request: ChainRequest,
    known?: CategoryResult<C>,
  ): Promise<ChainResult<C>> {
    const { signal } = request;
    const attempts: OriginAttempt[] = [];
    const floor = this.#lowestAllowed(known);
    for (const [rank, origin] of this.#origins.entries()) {
      signal?.throwIfAborted();
      const skip =
        origin.unsupported(category) ?? (rank > floor.rank ? floor.reason : this.#acquire(origin));
      if (skip !== null) {
        attempts.push({ origin: origin.id, url: null, outcome: 'skipped', reason: skip });
        continue;
      }
      const stats = this.stats[origin.id];
      stats.requests++;
      try {
        const result = await origin.fetch(category, request, known);
        if (result !== known) this.#checkSuspect(result, known, request);
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

  /** The lowest-ranked origin that may replace `known` now, and why lower ones may not. */
  #lowestAllowed(known: CategoryResult | undefined): { rank: number; reason: string } {
    const none = { rank: Number.POSITIVE_INFINITY, reason: '' };
    if (!known?.fetchedFrom) return none;
    const rank = this.#origins.findIndex((origin) => origin.id === known.fetchedFrom);
    const ageMs = this.#now() - known.fetchedAt;
    if (rank < 0 || ageMs >= this.#policy.maxStalenessMs) return none;
    return {
      rank,
      reason: `the data held came from ${known.fetchedFrom} ${formatDuration(ageMs)} ago, within maxStalenessMs (${formatDuration(this.#policy.maxStalenessMs)}): a lower origin does not replace it`,
    };
  }

  /** @throws {SuspectAnswerError} when the answer would gut the category and is not accepted. */
  #checkSuspect(result: CategoryResult, known: CategoryResult | undefined, request: ChainRequest) {
    const policy = this.#policy.suspect;
    if (!policy || request.acceptSuspect) return;
    const reason = suspectReason(
      {
        held: known ? Object.keys(known.records) : [],
        answered: result.records,
        invalid: result.issues.length,
        confirmedRemovals: request.confirmedRemovals ?? 0,
      },
      policy,
    );
    if (reason) throw new SuspectAnswerError(result.url, reason);
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
