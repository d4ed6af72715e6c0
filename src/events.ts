import type { Category } from './categories.js';
import type { OriginAttempt } from './errors/source-unavailable-error.js';
import type { Origin } from './records/category-result.js';
import type { CategoryChange } from './records/diff-records.js';
import type { RecordIssue } from './schemas/parse-records.js';

/** The events a manager emits, and what each listener receives. */
export interface ManagerEvents {
  /** A category was served by a later source of the chain, after `attempts` gave nothing. */
  fallback: {
    readonly category: Category;
    readonly origin: Origin;
    readonly attempts: readonly OriginAttempt[];
  };
  /** A refresh failed; the last-known-good records are served, marked stale. */
  stale: { readonly category: Category; readonly since: number; readonly error: Error };
  /** A record failed validation and was skipped; the rest of its category is served. */
  'invalid-record': RecordIssue;
  /** A category's records changed; fired after the new records are swapped in. */
  change: CategoryChange;
  /** Something failed in the background (a refresh, persisting a snapshot, a listener). */
  error: { readonly category?: Category; readonly source?: string; readonly error: Error };
}

export type { Unsubscribe } from './util/emitter.js';
