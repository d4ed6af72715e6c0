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
  /**
   * With a `coordinator`: this manager's role in its fleet changed. `reason: 'degraded'` comes with
   * the `error`: the coordinator is unreachable and the manager works standalone, with its own
   * chain and last-known-good data, until it answers again (then another event, its new role).
   */
  coordinator: {
    readonly role: 'leader' | 'follower' | 'standalone';
    readonly previous: 'leader' | 'follower' | 'standalone';
    readonly reason: 'acquired' | 'following' | 'lost' | 'fenced' | 'degraded' | 'closed';
    readonly leaderId: string | null;
    readonly error?: Error;
  };
  /**
   * Something failed in the background: a refresh, a provider (`source` is its id), storage
   * (`origin: 'storage'`: an unreadable snapshot, a failed or stuck write), a listener, a fleet
   * (an entry of its store refused, a publish that failed).
   */
  error: {
    readonly category?: Category;
    readonly source?: string;
    readonly origin?: 'storage';
    readonly error: Error;
  };
}

export type { Unsubscribe } from './util/emitter.js';
