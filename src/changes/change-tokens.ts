// What one manager's change detection knows, in a form another manager can carry on from: a
// fleet's leader shares it so that a member going standalone (or taking over) checks the PRIMARY
// with one small metadata request instead of downloading every category it holds.
import { type Category, isCategory } from '../categories.js';
import type { CategoryMetadata } from '../schemas/metadata.js';

/** The change token of a category: `last_updated` and the create, update and delete counters. */
export type ChangeToken = readonly [
  lastUpdated: number,
  creates: number,
  updates: number,
  deletes: number,
];

/** The change token of `metadata`. */
export function tokenOf(metadata: CategoryMetadata): ChangeToken {
  const { last_updated, total_creates, total_updates, total_deletes } = metadata;
  return [last_updated, total_creates, total_updates, total_deletes];
}

/**
 * What a completed check established. Each token vouches for the records with `hash` (data at
 * least as new as the write the token counts); `confirmed`, when set, says that at that
 * aggregate stamp every category listed had exactly its token. A statement about the past stays
 * true: a manager holding the same hashes may trust it whenever it reads it.
 */
export interface ChangeCheckpoint {
  /** The PRIMARY's metadata routes (of its canonical format, from `/replicate_mode`), or `null`. */
  readonly routes: 'v1' | 'v2' | null;
  /** The aggregate `last_updated` and when it was read (ms since the epoch), or `null`. */
  readonly confirmed: { readonly stamp: number; readonly at: number } | null;
  readonly tokens: Readonly<
    Partial<Record<Category, { readonly token: ChangeToken; readonly hash: string }>>
  >;
}

/**
 * Reads a checkpoint from untrusted JSON (a fleet store), or `null` when it is not one. Category
 * names are checked and kept in a null-prototype object.
 */
export function parseChangeCheckpoint(value: unknown): ChangeCheckpoint | null {
  if (!isObject(value) || !isObject(value.tokens)) return null;
  const { confirmed, routes } = value;
  if (routes !== null && routes !== 'v1' && routes !== 'v2') return null;
  if (
    confirmed !== null &&
    !(isObject(confirmed) && isNumber(confirmed.stamp) && isNumber(confirmed.at))
  )
    return null;
  const tokens: Partial<Record<Category, { token: ChangeToken; hash: string }>> =
    Object.create(null);
  for (const [category, item] of Object.entries(value.tokens)) {
    if (!isCategory(category) || !isObject(item) || typeof item.hash !== 'string') return null;
    const token: unknown = item.token;
    if (!Array.isArray(token) || token.length !== 4) return null;
    const [lastUpdated, creates, updates, deletes] = token as unknown[];
    if (!isNumber(lastUpdated) || !isNumber(creates) || !isNumber(updates) || !isNumber(deletes))
      return null;
    if (item.hash.length === 0 || item.hash.length > 200) return null;
    tokens[category] = { token: [lastUpdated, creates, updates, deletes], hash: item.hash };
  }
  return {
    routes,
    confirmed:
      confirmed === null ? null : { stamp: confirmed.stamp as number, at: confirmed.at as number },
    tokens,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
