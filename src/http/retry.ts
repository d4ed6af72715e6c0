import { delay } from '../util/delay.js';
import type { RetryPolicy } from './transport.js';

/** Statuses worth a second try: the server or something before it was momentarily unable. */
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/** Statuses whose `Retry-After` is honoured (up to the policy's cap). */
const RETRY_AFTER_STATUSES = new Set([429, 503]);

/** `Retry-After` in milliseconds (seconds or an HTTP date), or `null` when absent or unreadable. */
function retryAfterMs(headers: Headers, now: number): number | null {
  const value = headers.get('retry-after');
  if (value === null) return null;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) ? Math.max(0, ms) : null;
}

/** The wait before retry `n` (0-based): 150 ms × 2ⁿ with jitter, capped. */
function backoffMs(n: number, policy: RetryPolicy): number {
  return Math.min(policy.backoffLimitMs, 150 * 2 ** n * (0.5 + Math.random() / 2));
}

/**
 * Runs `attempt` until it gives an answer worth keeping: a GET is tried again (at most
 * `policy.limit` more times) after a retryable status (`Retry-After` honoured up to the cap) or a
 * failure `retryable` accepts. Writes are never retried: a second POST could queue twice.
 *
 * @throws the last failure, or the signal's reason when it aborts during a wait.
 */
export async function withRetries(
  attempt: (n: number) => Promise<Response>,
  init: {
    readonly method: string;
    readonly policy: RetryPolicy;
    readonly retryable: (error: unknown) => boolean;
    readonly signal: AbortSignal | undefined;
    /** Told before each wait: the attempt to come (1-based), the wait, the status retried. */
    readonly onRetry?: ((next: number, delayMs: number, status: number | null) => void) | undefined;
  },
): Promise<Response> {
  const { policy, signal } = init;
  const limit = init.method === 'GET' ? policy.limit : 0;
  const wait = (n: number, ms: number, status: number | null) => {
    init.onRetry?.(n + 2, ms, status);
    return delay(ms, signal);
  };
  for (let n = 0; ; n++) {
    let response: Response;
    try {
      response = await attempt(n);
    } catch (error) {
      if (n >= limit || signal?.aborted || !init.retryable(error)) throw error;
      await wait(n, backoffMs(n, policy), null);
      continue;
    }
    if (n >= limit || !RETRY_STATUSES.has(response.status)) return response;
    const asked = RETRY_AFTER_STATUSES.has(response.status)
      ? retryAfterMs(response.headers, Date.now())
      : null;
    await wait(
      n,
      asked === null ? backoffMs(n, policy) : Math.min(asked, policy.maxRetryAfterMs),
      response.status,
    );
  }
}
