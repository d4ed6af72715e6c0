/** How one source did for one category on the last read. */
export interface SourceState {
  readonly source: string;
  /** `ok`: records served; `empty`: it answered with none; `error`: it failed. */
  readonly state: 'ok' | 'empty' | 'error';
  /** Records served from it (last-known-good ones when it failed but had answered before). */
  readonly records: number;
  /** Why it failed, when `state` is `error`. */
  readonly error?: string;
}

/** One source's records for one category, with how the read went. */
export interface SourceLayer<R = unknown> {
  readonly source: string;
  readonly records: Readonly<Record<string, R>>;
  readonly status: SourceState;
}
