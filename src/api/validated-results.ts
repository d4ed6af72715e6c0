import type { Category } from '../categories.js';
import { parseRecord, type RecordIssue } from '../schemas/parse-records.js';
import type { RecordOf } from '../schemas/record-schemas.js';

/** Records from an answer, each validated; the invalid ones are reported, never silently lost. */
export interface ValidatedResults<R> {
  readonly records: R[];
  /** Records that failed validation (key = their position in the answer). */
  readonly issues: RecordIssue[];
}

/**
 * Validates the records of a search or popular answer one by one, with the schema of the
 * category each belongs to (`null`: unknown, reported as an issue).
 */
export function validateResults<R = RecordOf<Category>>(
  items: readonly unknown[],
  categoryOf: (item: unknown) => Category | null,
): ValidatedResults<R> {
  const records: R[] = [];
  const issues: RecordIssue[] = [];
  items.forEach((item, index) => {
    const category = categoryOf(item);
    const name = (item as { name?: unknown } | null)?.name;
    const parsed = category
      ? parseRecord(category, item)
      : ({
          ok: false,
          issues: [{ path: 'record_type', message: 'not a known category' }],
        } as const);
    if (parsed.ok) records.push(parsed.record as R);
    else
      issues.push({
        category: category ?? ('unknown' as Category),
        key: String(index),
        ...(typeof name === 'string' ? { name } : {}),
        issues: parsed.issues,
      });
  });
  return { records, issues };
}
