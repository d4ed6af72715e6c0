// Record validation without its messages. The code that words a validation problem
// (issue-message.ts) is not part of the core's first load: callers say how an issue becomes a
// FieldIssue. parse-records.ts words them at once (the public functions, the API client); the
// manager's reads word them on demand (lazy-issues.ts), since most never meet an invalid record.
import type * as z from 'zod/mini';
import type { Category } from '../categories.js';
import { freezeDeep } from '../util/freeze-deep.js';
import type { FastParse } from './fast-parse.js';
import {
  type CategoryRecords,
  RECORD_SCHEMAS,
  type RecordOf,
  type RecordTypes,
} from './record-schemas.js';
import type { Schema } from './shared.js';

/** One problem inside a record, with a dotted path (`config.download.0.file_url`). */
export interface FieldIssue {
  readonly path: string;
  /** What was expected and what was found: `expected boolean, got "maybe"`. */
  readonly message: string;
}

/** A record that was skipped because it did not validate. */
export interface RecordIssue {
  readonly category: Category;
  /** The key the record had in its file or answer. */
  readonly key: string;
  /** The record's `name`, when it had a string one. */
  readonly name?: string;
  readonly issues: readonly FieldIssue[];
}

/** The valid records of one category, and the records that were skipped. */
export interface ParsedCategory<C extends Category> {
  readonly records: CategoryRecords<C>;
  readonly issues: readonly RecordIssue[];
}

/** Outcome of validating one value: the parsed value, or why it was rejected. */
export type ParseOutcome<T> =
  | { readonly ok: true; readonly record: T }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

/** Outcome of `parseRecord` (and of `validateRecord`, which it is built on). */
export type ParsedRecord<C extends Category> = ParseOutcome<RecordOf<C>>;

/** Turns one zod issue of the value `raw` into a {@link FieldIssue}. */
export type DescribeIssue = (issue: z.core.$ZodIssue, raw: unknown) => FieldIssue;

/** The dotted path of an issue (`config.download.0.file_url`), `(record)` for the value itself. */
export function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join('.') || '(record)';
}

/** Validates `raw` with `schema`, each zod issue described by `describe`. */
export function validateWith<T>(
  schema: Schema<T>,
  raw: unknown,
  describe: DescribeIssue,
): ParseOutcome<T> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, record: result.data };
  return { ok: false, issues: result.error.issues.map((issue) => describe(issue, raw)) };
}

/**
 * How deep a record may be nested (the record itself is level 1; the real catalogue's deepest is
 * 4). Deeper is invalid: nothing downstream (storage, export, diff) has to walk a value that would
 * overflow the stack.
 */
export const MAX_RECORD_DEPTH = 64;

/** The issues of a record nested deeper than {@link MAX_RECORD_DEPTH}. */
export const TOO_DEEP: readonly FieldIssue[] = Object.freeze([
  Object.freeze({
    path: '(record)',
    message: `Nested deeper than ${MAX_RECORD_DEPTH} levels; records are at most ${MAX_RECORD_DEPTH} levels deep`,
  }),
]);

// The fast path (./fast-parse.ts) is not part of the core bundle's initial load: it is loaded on
// the first parse, and until it is there (for the first payload, typically) zod answers, as it
// does for every record the fast path gives up on. The answers are the same either way
// (test/schemas/fast-parse*.test.ts); only the time differs. If it fails to load, zod answers for
// good.
let compile: ((schema: Schema<unknown>) => FastParse) | undefined;
let loading: Promise<void> | undefined;
// The fast path of each category's schema, compiled on first use.
const FAST: Partial<Record<Category, FastParse>> = {};

/**
 * Loads the fast path of {@link validateRecord} now rather than on the first parse (tests and the
 * benchmark use it to measure and check the fast path from the first record). Never rejects: when
 * the chunk cannot load, zod keeps answering.
 */
export function loadFastParse(): Promise<void> {
  loading ??= import('./fast-parse.js').then(
    (module) => {
      compile = module.compileFastParse;
    },
    () => undefined,
  );
  return loading;
}

/**
 * Validates one v2 record of `category` (see `parseRecord` in parse-records.ts), each zod issue
 * described by `describe`.
 */
export function validateRecord<C extends Category>(
  category: C,
  raw: unknown,
  describe: DescribeIssue,
): ParsedRecord<C> {
  const schema = RECORD_SCHEMAS[category];
  // The fast path answers for the common, valid record; zod names what is wrong with the rest.
  if (compile) FAST[category] ??= compile(schema);
  else void loadFastParse();
  let parsed: ParseOutcome<RecordTypes[C]>;
  try {
    parsed = { ok: true, record: (FAST[category] as FastParse)(raw) as RecordTypes[C] };
  } catch {
    // not loaded yet, or whatever stopped it (a field zod would reject, a throwing transform):
    // zod answers
    parsed = validateWith(schema, raw, describe);
  }
  if (parsed.ok && !freezeDeep(parsed.record, MAX_RECORD_DEPTH))
    return { ok: false, issues: TOO_DEEP };
  return parsed as ParsedRecord<C>;
}

function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

/**
 * Validates a category payload record by record (see `parseCategoryRecords` in
 * parse-records.ts), each zod issue described by `describe`.
 *
 * @throws {TypeError} when `raw` is not an object of records at all.
 */
export function validateCategoryRecords<C extends Category>(
  category: C,
  raw: unknown,
  describe: DescribeIssue,
): ParsedCategory<C> {
  if (Array.isArray(raw) && raw.length === 0) return { records: Object.create(null), issues: [] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new TypeError(
      `Expected the ${category} payload to be a JSON object of records keyed by name, got ${describeKind(raw)}.`,
    );
  }
  const records: Record<string, RecordOf<C>> = Object.create(null);
  const issues: RecordIssue[] = [];
  // Object.keys and a lookup: no [key, value] pair per record, as Object.entries would allocate.
  const payload = raw as Record<string, unknown>;
  for (const key of Object.keys(payload)) {
    const value = payload[key];
    const parsed = validateRecord(category, value, describe);
    if (parsed.ok) {
      records[parsed.record.name] = parsed.record;
      continue;
    }
    const name = (value as { name?: unknown } | null)?.name;
    issues.push({
      category,
      key,
      ...(typeof name === 'string' ? { name } : {}),
      issues: parsed.issues,
    });
  }
  return { records, issues };
}
