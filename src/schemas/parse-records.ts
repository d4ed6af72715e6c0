import * as z from 'zod/mini';
import type { Category } from '../categories.js';
import { freezeDeep } from '../util/freeze-deep.js';
import type { FastParse } from './fast-parse.js';
import { issueMessage } from './issue-message.js';
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

/** Outcome of {@link parseRecord}. */
export type ParsedRecord<C extends Category> = ParseOutcome<RecordOf<C>>;

/** Validates `raw` with `schema`, turning zod issues into dotted-path {@link FieldIssue}s. */
export function parseWith<T>(schema: Schema<T>, raw: unknown): ParseOutcome<T> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, record: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(record)',
      message: issueMessage(issue, raw),
    })),
  };
}

/**
 * How deep a record may be nested (the record itself is level 1; the real catalogue's deepest is
 * 4). Deeper is invalid: nothing downstream (storage, export, diff) has to walk a value that would
 * overflow the stack.
 */
export const MAX_RECORD_DEPTH = 64;

const TOO_DEEP: readonly FieldIssue[] = Object.freeze([
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
 * Loads the fast path of {@link parseRecord} now rather than on the first parse (tests and the
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
 * Validates one v2 record of `category`, filling the per-category defaults. The record returned
 * is deep-frozen (it and every object and array inside it); nested values it keeps from `raw`
 * are frozen with it. A record nested deeper than {@link MAX_RECORD_DEPTH} levels is invalid.
 *
 * @example
 * ```ts
 * const result = parseRecord('clip', { name: 'ViT-L/14' });
 * if (result.ok) result.record.record_type; // 'clip'
 * ```
 */
export function parseRecord<C extends Category>(category: C, raw: unknown): ParsedRecord<C> {
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
    parsed = parseWith(schema, raw);
  }
  if (parsed.ok && !freezeDeep(parsed.record, MAX_RECORD_DEPTH))
    return { ok: false, issues: TOO_DEEP };
  return parsed as ParsedRecord<C>;
}

/**
 * The schema of a `category` record that also deep-freezes it and refuses one nested deeper than
 * {@link MAX_RECORD_DEPTH}: for answers that are a single record (the API client's `getModel`).
 */
export function frozenRecordSchema<C extends Category>(category: C): Schema<RecordOf<C>> {
  return z.pipe(
    RECORD_SCHEMAS[category],
    z.custom((value) => freezeDeep(value as object, MAX_RECORD_DEPTH), {
      error: TOO_DEEP[0]?.message,
    }),
  ) as unknown as Schema<RecordOf<C>>;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

/**
 * Validates a category payload (`{ [key]: record }`) record by record.
 *
 * One invalid record is reported in `issues` and skipped; it never hides the others. Each valid
 * record is deep-frozen (see {@link parseRecord}); the returned object itself is not. Records are
 * re-keyed by their `name` (the key may differ, as `control_qr_sdxl` does), into a null-prototype
 * object so names like `__proto__` stay plain keys. An empty array is accepted as an empty
 * category (the legacy `lora.json` is `[]`).
 *
 * @throws {TypeError} when `raw` is not an object of records at all (an HTML page, a string, a
 * non-empty array): the caller decides whether that is a failed source.
 */
export function parseCategoryRecords<C extends Category>(
  category: C,
  raw: unknown,
): ParsedCategory<C> {
  if (Array.isArray(raw) && raw.length === 0) return { records: Object.create(null), issues: [] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new TypeError(
      `Expected the ${category} payload to be a JSON object of records keyed by name, got ${describe(raw)}.`,
    );
  }
  const records: Record<string, RecordOf<C>> = Object.create(null);
  const issues: RecordIssue[] = [];
  // Object.keys and a lookup: no [key, value] pair per record, as Object.entries would allocate.
  const payload = raw as Record<string, unknown>;
  for (const key of Object.keys(payload)) {
    const value = payload[key];
    const parsed = parseRecord(category, value);
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
