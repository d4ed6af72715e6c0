/** Tuning of the circuit breaker that skips a failing source or host for a cool-down. */
export interface CircuitBreakerOptions {
  /**
   * Consecutive failures that open a circuit. Host-level failures (timeouts, refused
   * connections) open it at once: each one costs a full timeout, so a second try is no cheaper.
   * @default 3
   */
  readonly failureThreshold?: number | undefined;
  /**
   * How long an open circuit is skipped before one probe request is let through.
   * @default 30_000
   */
  readonly coolDownMs?: number | undefined;
  /**
   * Each failed probe doubles the cool-down, up to this.
   * @default 300_000
   */
  readonly maxCoolDownMs?: number | undefined;
}

/** {@link CircuitBreakerOptions}, resolved. */
export type CircuitBreakerPolicy = { readonly [K in keyof CircuitBreakerOptions]-?: number };

/** The breaker's defaults. */
export const DEFAULT_CIRCUIT_BREAKER: CircuitBreakerPolicy = {
  failureThreshold: 3,
  coolDownMs: 30_000,
  maxCoolDownMs: 300_000,
};

/** The state of one circuit, as `status()` reports it. */
export interface CircuitState {
  readonly state: 'closed' | 'open' | 'half-open';
  readonly consecutiveFailures: number;
  /** Epoch ms when an open circuit lets a probe through; `null` unless open. */
  readonly openUntil: number | null;
}

interface Circuit {
  failures: number;
  openUntil: number | null;
  coolDownMs: number;
  probing: boolean;
}

/**
 * Circuit breakers keyed by name (a host, or a source): closed → open after failures → half-open
 * after the cool-down (exactly one probe) → closed on success, or open again for longer.
 */
export class CircuitBreaker {
  readonly #threshold: number;
  readonly #coolDownMs: number;
  readonly #maxCoolDownMs: number;
  readonly #now: () => number;
  readonly #circuits = new Map<string, Circuit>();

  constructor(policy: CircuitBreakerPolicy, now: () => number = Date.now) {
    this.#threshold = policy.failureThreshold;
    this.#coolDownMs = policy.coolDownMs;
    this.#maxCoolDownMs = policy.maxCoolDownMs;
    this.#now = now;
  }

  #circuit(key: string): Circuit {
    let circuit = this.#circuits.get(key);
    if (!circuit) {
      circuit = { failures: 0, openUntil: null, coolDownMs: this.#coolDownMs, probing: false };
      this.#circuits.set(key, circuit);
    }
    return circuit;
  }

  /**
   * Whether a request may go out now. After the cool-down, the first caller gets the single
   * probe; others keep being refused until the probe settles.
   *
   * @returns `null` when allowed, otherwise why not.
   */
  acquire(key: string): string | null {
    const circuit = this.#circuits.get(key);
    if (!circuit || circuit.openUntil === null) return null;
    if (circuit.probing) return 'a probe request is already testing it';
    const now = this.#now();
    if (now < circuit.openUntil) {
      return `cooling down after ${circuit.failures} failure(s) until ${new Date(circuit.openUntil).toISOString()}`;
    }
    circuit.probing = true;
    return null;
  }

  /** Closes the circuit. */
  succeed(key: string): void {
    this.#circuits.delete(key);
  }

  /** Counts a failure; opens the circuit when the threshold is reached or `immediately`. */
  fail(key: string, immediately = false): void {
    const circuit = this.#circuit(key);
    circuit.failures++;
    if (circuit.probing) {
      circuit.probing = false;
      circuit.coolDownMs = Math.min(circuit.coolDownMs * 2, this.#maxCoolDownMs);
    }
    if (immediately || circuit.failures >= this.#threshold || circuit.openUntil !== null) {
      circuit.openUntil = this.#now() + circuit.coolDownMs;
    }
  }

  /** Releases a probe that ended without a verdict (the caller aborted). */
  release(key: string): void {
    const circuit = this.#circuits.get(key);
    if (circuit) circuit.probing = false;
  }

  /** The state of one circuit. */
  state(key: string): CircuitState {
    const circuit = this.#circuits.get(key);
    if (!circuit) return { state: 'closed', consecutiveFailures: 0, openUntil: null };
    const state =
      circuit.openUntil === null
        ? 'closed'
        : circuit.probing || this.#now() >= circuit.openUntil
          ? 'half-open'
          : 'open';
    return { state, consecutiveFailures: circuit.failures, openUntil: circuit.openUntil };
  }
}
