/** Per-call options of every API method. */
export interface ApiCallOptions {
  /** Aborts this call (combined with the client's own `signal`). */
  readonly signal?: AbortSignal | undefined;
}

/** The routes mounted under both v1 and v2 (metadata, pending queue, audit) take a version. */
export interface VersionedCallOptions extends ApiCallOptions {
  /** @default 'v2' */
  readonly version?: 'v1' | 'v2' | undefined;
}
