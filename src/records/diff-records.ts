/** One model whose record differs, with the dotted paths of the fields that differ. */
export interface ChangedRecord {
  readonly name: string;
  /** e.g. `['description', 'config.download.0.sha256sum']` */
  readonly fields: readonly string[];
}

import type { Category } from '../categories.js';

/** What differs between two versions of a category. */
export interface RecordsDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly ChangedRecord[];
}

/** A category whose records changed, announced by the manager's `change` event after the swap. */
export interface CategoryChange extends RecordsDiff {
  readonly category: Category;
  /** `delta`: one model was fetched or removed; `download`: the category was downloaded. */
  readonly via: 'delta' | 'download';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects the paths where `a` and `b` differ (leaves, or whole values when types differ). */
function diffValues(a: unknown, b: unknown, path: string, out: string[]): void {
  if (Object.is(a, b)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++)
      diffValues(a[i], b[i], path ? `${path}.${i}` : String(i), out);
    return;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      diffValues(a[key], b[key], path ? `${path}.${key}` : key, out);
    }
    return;
  }
  out.push(path || '(record)');
}

/**
 * Compares two versions of a category's records by name.
 *
 * @example
 * ```ts
 * const { added, removed, changed } = diffCategoryRecords(before, after);
 * changed[0]; // { name: 'Deliberate', fields: ['config.download.0.sha256sum'] }
 * ```
 */
export function diffCategoryRecords(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): RecordsDiff {
  const added: string[] = [];
  const removed: string[] = [];
  const changed: ChangedRecord[] = [];
  for (const name of Object.keys(after)) if (!Object.hasOwn(before, name)) added.push(name);
  for (const name of Object.keys(before)) {
    if (!Object.hasOwn(after, name)) {
      removed.push(name);
      continue;
    }
    const fields: string[] = [];
    diffValues(before[name], after[name], '', fields);
    if (fields.length > 0) changed.push({ name, fields });
  }
  return { added, removed, changed };
}

/** Whether a diff found nothing. */
export function isEmptyDiff(diff: RecordsDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}
