import type { CachedCategory } from '../cache/category-cache.js';
import type { Category } from '../categories.js';
import { isModelReferenceError } from '../errors/model-reference-error.js';
import { type OriginAttempt, SourceUnavailableError } from '../errors/source-unavailable-error.js';
import type { RequestOptions } from '../http/request-options.js';
import { CANONICAL_SOURCE } from '../records/provenance.js';
import { type SourceLayer, sourceLayer } from '../records/source-layer.js';
import type { CategoryRecords, RecordOf } from '../schemas/record-schemas.js';
import { errorMessage } from '../util/to-error.js';
import type { ProviderRegistry } from './provider-registry.js';

/** A category read from several sources. */
export interface SourcedCategory<R> {
  /** Each source's records, in the order asked for. */
  readonly layers: readonly SourceLayer<R>[];
  /** One record per name: the first source listed wins a collision. Null prototype, frozen. */
  readonly records: Readonly<Record<string, R>>;
}

/** How to read the canonical layer. */
export interface CanonicalReader {
  read(category: Category, request: RequestOptions): Promise<Readonly<Record<string, unknown>>>;
  entry(category: Category): CachedCategory | undefined;
}

/**
 * Reads `category` from every source in `ids` concurrently. A provider's failure is its layer's
 * status; the canonical one is too, unless nothing at all could be read, then its error is thrown.
 * A read of providers only that all failed with nothing to serve throws too: an empty answer would
 * hide the failure (a refused key looks like an empty queue).
 *
 * @throws the canonical source's error when it failed with no data and no provider gave any.
 * @throws {SourceUnavailableError} when `ids` are providers only and each failed with no data
 * (`source` is the first, `attempts` says why for each, with the typed `cause`).
 */
export async function readSources<C extends Category>(
  category: C,
  ids: readonly string[],
  canonical: CanonicalReader,
  providers: ProviderRegistry,
  request: RequestOptions,
): Promise<SourcedCategory<RecordOf<C>>> {
  const { signal } = request;
  let canonicalError: unknown;
  const layers = await Promise.all(
    ids.map(async (id): Promise<SourceLayer<RecordOf<C>>> => {
      if (id !== CANONICAL_SOURCE) return providers.read(id, category, signal);
      try {
        const records = (await canonical.read(category, request)) as CategoryRecords<C>;
        // A failed refresh is an error even while last-known-good records are served.
        const entry = canonical.entry(category);
        const stale = entry && entry.staleSince !== null ? (entry.lastError ?? '') : null;
        return sourceLayer(id, records, stale);
      } catch (error) {
        signal?.throwIfAborted();
        canonicalError = error;
        return sourceLayer(id, {}, errorMessage(error));
      }
    }),
  );
  const empty = layers.every((l) => Object.keys(l.records).length === 0);
  if (canonicalError !== undefined && empty) throw canonicalError;
  // Providers only, every one failed, nothing to serve: why, rather than an empty category.
  if (empty && !ids.includes(CANONICAL_SOURCE) && layers.every((l) => l.status.state === 'error'))
    throw new SourceUnavailableError(category, layers.map(providerAttempt), ids[0]);
  const records: Record<string, RecordOf<C>> = Object.create(null);
  for (const layer of layers)
    for (const [name, record] of Object.entries(layer.records))
      if (!Object.hasOwn(records, name)) records[name] = record;
  return { layers, records: Object.freeze(records) };
}

/** A failed provider's layer as an attempt, with the typed error behind it when there is one. */
function providerAttempt(layer: SourceLayer): OriginAttempt {
  const failure = (layer as { failure?: unknown }).failure;
  const cause = isModelReferenceError(failure) ? failure : undefined;
  return {
    origin: layer.source,
    url: (cause as { url?: string } | undefined)?.url ?? null,
    outcome: 'failed',
    reason: layer.status.error ?? 'failed',
    cause,
  };
}
