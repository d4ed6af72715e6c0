import type { Category } from '../categories.js';
import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import { CANONICAL_SOURCE } from '../records/provenance.js';

/** What a provider gets with each fetch. */
export interface ProviderFetchOptions {
  /** Aborted when the caller aborts, the provider's timeout runs out, or the manager closes. */
  readonly signal: AbortSignal;
  /** The manager's PRIMARY (with `/api`), or `null` when it has none. */
  readonly primaryUrl: string | null;
  /** The manager's `fetch` option, so providers go through the same transport in tests. */
  readonly fetch: typeof fetch | undefined;
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
 * Checks a provider before registration.
 *
 * @throws {InvalidOptionsError} for an empty or reserved id, or a provider without `fetchCategory`.
 */
export function checkProvider(provider: ModelProvider): void {
  if (typeof provider?.id !== 'string' || provider.id.trim() === '')
    throw new InvalidOptionsError('provider.id', 'expected a non-empty string');
  if (RESERVED_SOURCE_IDS.includes(provider.id))
    throw new InvalidOptionsError(
      'provider.id',
      `"${provider.id}" is reserved (${RESERVED_SOURCE_IDS.join(', ')}); choose another id`,
    );
  if (typeof provider.fetchCategory !== 'function')
    throw new InvalidOptionsError('provider.fetchCategory', 'expected a function');
}
