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

/**
 * The layer of `source` holding `records`: failed with `error` when it is not `null` (the records
 * are then those kept from before), otherwise `ok` or `empty` by whether it holds any.
 *
 * @example
 * ```ts
 * sourceLayer('beta', {}, 'provider database is down').status;
 * // { source: 'beta', state: 'error', records: 0, error: 'provider database is down' }
 * ```
 */
export function sourceLayer<R>(
  source: string,
  records: Readonly<Record<string, R>>,
  error: string | null,
): SourceLayer<R> {
  const count = Object.keys(records).length;
  const status: SourceState =
    error !== null
      ? { source, state: 'error', records: count, error }
      : { source, state: count > 0 ? 'ok' : 'empty', records: count };
  return { source, records, status };
}
