import type { Category } from '../categories.js';
import { isCategory } from '../categories.js';
import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import type { HttpHooks, Logger } from '../http/observe.js';
import { CANONICAL_SOURCE } from '../records/provenance.js';
import { checkDuration, checkObject, rejectOption } from '../util/option-checks.js';

/** What a provider gets with each fetch. */
export interface ProviderFetchOptions {
  /** Aborted when the caller aborts, the provider's timeout runs out, or the manager closes. */
  readonly signal: AbortSignal;
  /** The manager's PRIMARY (with `/api`), or `null` when it has none. */
  readonly primaryUrl: string | null;
  /** The manager's `fetch` option, so providers go through the same transport in tests. */
  readonly fetch: typeof fetch | undefined;
  /** The manager's `logger` and `hooks` options, for a provider's own requests (`pendingProvider` uses them). */
  readonly observe?:
    | { readonly logger?: Logger | undefined; readonly hooks?: HttpHooks | undefined }
    | undefined;
}

/**
 * A source of extra model records beside the canonical reference (`horde`): beta models awaiting
 * review, a private catalogue, records a test wants to inject.
 *
 * @example
 * ```ts
 * const mine: ModelProvider = {
 *   id: 'in-house',
 *   categories: ['image_generation'],
 *   fetchCategory: async (_category, { signal }) => (await fetch('/models.json', { signal })).json(),
 * };
 * refs.registerProvider(mine);
 * ```
 */
export interface ModelProvider {
  /** Unique, non-empty; `horde` and `any` are reserved. */
  readonly id: string;
  /** The categories it serves; others are never asked. */
  readonly categories: readonly Category[];
  /**
   * Raw v2 records keyed by name. They are validated with the category's schema; invalid ones are
   * reported (`invalid-record`) and skipped.
   */
  fetchCategory(category: Category, options: ProviderFetchOptions): Promise<unknown>;
  /**
   * How long its answers are reused, in milliseconds.
   * @default the manager's `ttlMs`
   */
  readonly ttlMs?: number | undefined;
  /**
   * Longest wait for one fetch; a slow provider never holds canonical reads longer than this.
   * @default the manager's `timeoutMs`
   */
  readonly timeoutMs?: number | undefined;
}

/** Source ids no provider may take: `horde` (canonical) and `any` (canonical + every provider). */
export const RESERVED_SOURCE_IDS: readonly string[] = [CANONICAL_SOURCE, 'any'];

/**
 * A source selection: `'horde'` (the default), `'any'`, a provider id, or an ordered list of them.
 * The first source listed wins a name collision.
 */
export type SourceSelector = string | readonly string[];

/**
 * Checks a provider before registration: an object with a usable id, a list of categories, a
 * `fetchCategory` function, and durations a timer can hold.
 *
 * @throws {InvalidOptionsError} naming what is wrong.
 */
export function checkProvider(provider: unknown): asserts provider is ModelProvider {
  const given = checkObject('provider', provider);
  if (provider === undefined)
    throw new InvalidOptionsError('provider', 'expected a provider, got undefined');
  if (typeof given.id !== 'string' || given.id.trim() === '')
    return rejectOption('provider.id', 'a non-empty string', given.id);
  if (RESERVED_SOURCE_IDS.includes(given.id))
    throw new InvalidOptionsError(
      'provider.id',
      `"${given.id}" is reserved (${RESERVED_SOURCE_IDS.join(', ')}); choose another id`,
    );
  if (!Array.isArray(given.categories) || !given.categories.every(isCategory))
    throw new InvalidOptionsError('provider.categories', 'expected a list of categories');
  if (typeof given.fetchCategory !== 'function')
    throw new InvalidOptionsError('provider.fetchCategory', 'expected a function');
  checkDuration('provider.ttlMs', given.ttlMs, 0);
  checkDuration('provider.timeoutMs', given.timeoutMs, 1, 1);
}
