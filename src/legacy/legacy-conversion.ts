import type { Category } from '../categories.js';
import type { FieldIssue, RecordIssue } from '../schemas/parse-records.js';

/** A v2 record as JSON, as the reference converter writes it (before defaults are filled). */
export type V2RecordJson = Record<string, unknown>;

/**
 * The result of converting one legacy category: v2 JSON records keyed like the legacy file, and
 * the records that could not be converted. A bad record never stops the others.
 */
export interface LegacyConversion {
  readonly records: Readonly<Record<string, V2RecordJson>>;
  readonly issues: readonly RecordIssue[];
}

/** Collects converted records (null prototype) and issues for one category. */
export class ConversionBuilder {
  readonly records: Record<string, V2RecordJson> = Object.create(null);
  readonly issues: RecordIssue[] = [];
  readonly #category: Category;

  constructor(category: Category) {
    this.#category = category;
  }

  /** Records that `key` (with `name`, when known) was skipped, and why. */
  skip(key: string, name: unknown, issues: readonly FieldIssue[]): void {
    this.issues.push({
      category: this.#category,
      key,
      ...(typeof name === 'string' ? { name } : {}),
      issues,
    });
  }

  /** The finished conversion. */
  result(): LegacyConversion {
    return { records: this.records, issues: this.issues };
  }
}

/** Copies the entries of `source` whose value is neither `null` nor `undefined`. */
export function withoutNulls(source: Record<string, unknown>): V2RecordJson {
  const out: V2RecordJson = {};
  for (const [key, value] of Object.entries(source))
    if (value !== null && value !== undefined) out[key] = value;
  return out;
}
