/**
 * Per-call options, the same for every async method of the manager and of the API client.
 *
 * @example
 * ```ts
 * await refs.getCategory('clip', { signal: AbortSignal.timeout(5_000) });
 * await api.v2.getCategory('clip', { timeoutMs: 2_000 });
 * ```
 */
export interface RequestOptions {
  /** Aborts the call; an abort is never treated as a failed source, and nothing else is tried. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Deadline of each request this call starts (headers and body), instead of the client's
   * `timeoutMs`. A read that joins a request already in flight waits on that request's deadline.
   * @default the client's `timeoutMs`
   */
  readonly timeoutMs?: number | undefined;
}
