import { SingleFlight } from '../cache/single-flight.js';
import type { Category } from '../categories.js';
import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import type { ManagerEvents } from '../events.js';
import { type SourceLayer, sourceLayer } from '../records/source-layer.js';
import type { SuspectAnswerPolicy } from '../records/suspect-answer.js';
import type { CategoryRecords } from '../schemas/record-schemas.js';
import type { Emitter } from '../util/emitter.js';
import { checkBoolean, checkKeys, checkObject } from '../util/option-checks.js';
import { errorMessage, toError } from '../util/to-error.js';
import { checkProvider, type ModelProvider, type ProviderFetchOptions } from './model-provider.js';

/** What the registry needs from its manager. */
export interface RegistryContext {
  readonly primaryUrl: string | null;
  readonly fetch: typeof fetch | undefined;
  /** The manager's logger and hooks, handed to providers. */
  readonly observe?: ProviderFetchOptions['observe'];
  readonly ttlMs: number;
  readonly timeoutMs: number;
  readonly events: Emitter<ManagerEvents>;
  readonly closed: AbortSignal;
  readonly now: () => number;
  /** `null`: every answer is taken. */
  readonly suspect: SuspectAnswerPolicy | null;
}

/** A provider's validated answer for one category, as cached. */
export interface ProviderAnswer {
  readonly records: Readonly<Record<string, unknown>>;
  readonly fetchedAt: number;
}

interface Slot {
  readonly provider: ModelProvider;
  readonly cache: Map<Category, ProviderAnswer>;
  readonly flights: SingleFlight<Category, ProviderAnswer>;
}

/** The fetch itself, loaded on the first read of a provider (see provider-fetch.ts). */
const loadFetch = () => import('./provider-fetch.js');

const EMPTY: Readonly<Record<string, never>> = Object.freeze(Object.create(null));

/**
 * The providers of one manager, in registration order, each with its own cache, TTL, timeout and
 * in-flight sharing. A provider's failure becomes its status for that read, never an exception
 * for the caller.
 */
export class ProviderRegistry {
  readonly #context: RegistryContext;
  readonly #slots = new Map<string, Slot>();

  constructor(context: RegistryContext) {
    this.#context = context;
  }

  /**
   * @throws {InvalidOptionsError} for an empty or reserved id, or an id already registered
   * without `replace: true`.
   */
  register(provider: ModelProvider, options: { readonly replace?: boolean } = {}): void {
    checkProvider(provider);
    const given = checkObject('options', options);
    checkKeys('options', given, ['replace']);
    const replace = checkBoolean('options.replace', given.replace, false);
    if (this.#slots.has(provider.id) && !replace)
      throw new InvalidOptionsError(
        'provider.id',
        `a provider "${provider.id}" is already registered; pass { replace: true } to replace it`,
      );
    this.#slots.delete(provider.id); // a replacement moves to the end, as a new registration
    this.#slots.set(provider.id, { provider, cache: new Map(), flights: new SingleFlight() });
  }

  unregister(id: string): boolean {
    this.#slots.get(id)?.flights.abortAll(new DOMException('Provider unregistered', 'AbortError'));
    return this.#slots.delete(id);
  }

  list(): ModelProvider[] {
    return [...this.#slots.values()].map((slot) => slot.provider);
  }

  ids(): string[] {
    return [...this.#slots.keys()];
  }

  /** The provider's records for `category` (cached within its TTL), or its failure as status. */
  async read<C extends Category>(
    id: string,
    category: C,
    signal?: AbortSignal,
  ): Promise<SourceLayer<CategoryRecords<C>[string]>> {
    const slot = this.#slots.get(id);
    if (!slot?.provider.categories.includes(category)) return sourceLayer(id, EMPTY, null);
    const cached = slot.cache.get(category);
    const ttl = slot.provider.ttlMs ?? this.#context.ttlMs;
    if (cached && this.#context.now() - cached.fetchedAt < ttl)
      return sourceLayer(id, cached.records, null) as SourceLayer<CategoryRecords<C>[string]>;
    try {
      const fresh = await slot.flights.run(
        category,
        async (flight) => {
          const { fetchFromProvider } = await loadFetch();
          const previous = slot.cache.get(category);
          const answer = await fetchFromProvider(
            this.#context,
            slot.provider,
            category,
            previous,
            flight,
          );
          slot.cache.set(category, answer);
          return answer;
        },
        signal,
      );
      return sourceLayer(id, fresh.records, null) as SourceLayer<CategoryRecords<C>[string]>;
    } catch (error) {
      signal?.throwIfAborted();
      this.#context.events.emit('error', {
        category,
        source: id,
        error: toError(error),
      });
      // The error itself rides along: a read of providers only fails with it (readSources).
      return {
        ...sourceLayer(id, cached?.records ?? EMPTY, errorMessage(error)),
        failure: error,
      } as SourceLayer<CategoryRecords<C>[string]>;
    }
  }
}
