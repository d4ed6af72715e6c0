import type { ModelRecord } from '../schemas/record-schemas.js';

/** Records as a category object (`getCategory`) gives them, or any list of records. */
export type RecordsInput<R extends ModelRecord = ModelRecord> =
  | Readonly<Record<string, R>>
  | Iterable<R>;

/** The records of `input`, in order. */
export function recordList<R extends ModelRecord>(input: RecordsInput<R>): R[] {
  return Symbol.iterator in input
    ? [...(input as Iterable<R>)]
    : Object.values(input as Readonly<Record<string, R>>);
}

/** A key that tells two models apart across categories (names are unique only in one). */
export function modelKey(record: { readonly record_type: string; readonly name: string }): string {
  return `${record.record_type}\u0000${record.name}`;
}
