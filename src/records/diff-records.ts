import type { Category } from '../categories.js';
import { diffValues } from './diff-values.js';

/** One model whose record differs, with the dotted paths of the fields that differ. */
export interface ChangedRecord {
  readonly name: string;
  /** e.g. `['description', 'config.download.0.sha256sum']` */
  readonly fields: readonly string[];
}

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

/** Options of {@link diffCategoryRecords}. */
export interface DiffOptions {
  /**
   * Whether both versions come from the same kind of origin. When one is the PRIMARY's v2 data
   * and the other converted legacy data (v1, GitHub), a field only one kind can carry (v2's
   * `metadata.created_at`, ...) is not reported: it says nothing about the model.
   * @default true
   */
  readonly sameKind?: boolean | undefined;
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
  options: DiffOptions = {},
): RecordsDiff {
  const onlyShared = options.sameKind === false;
  const added: string[] = [];
  const removed: string[] = [];
  const changed: ChangedRecord[] = [];
  for (const name of Object.keys(after)) if (!Object.hasOwn(before, name)) added.push(name);
  for (const name of Object.keys(before)) {
    if (!Object.hasOwn(after, name)) {
      removed.push(name);
      continue;
    }
    const fields = diffValues(before[name], after[name], onlyShared);
    if (fields.length > 0) changed.push({ name, fields });
  }
  return { added, removed, changed };
}

/** Whether a diff found nothing. */
export function isEmptyDiff(diff: RecordsDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}
