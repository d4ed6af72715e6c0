// Record validation with its messages worded at once (issue-message.ts): the public functions of
// `horde-model-reference/schemas`, and what the API client, the legacy converters and the
// stand-in use. The manager's reads validate with record-validation.ts and word messages on
// demand (lazy-issues.ts).
import * as z from 'zod/mini';
import type { Category } from '../categories.js';
import { freezeDeep } from '../util/freeze-deep.js';
import { issueMessage } from './issue-message.js';
import { RECORD_SCHEMAS, type RecordOf } from './record-schemas.js';
import {
  type FieldIssue,
  issuePath,
  MAX_RECORD_DEPTH,
  type ParsedCategory,
  type ParsedRecord,
  type ParseOutcome,
  TOO_DEEP,
  validateCategoryRecords,
  validateRecord,
  validateWith,
} from './record-validation.js';
import type { Schema } from './shared.js';

export {
  type FieldIssue,
  loadFastParse,
  MAX_RECORD_DEPTH,
  type ParsedCategory,
  type ParsedRecord,
  type ParseOutcome,
  type RecordIssue,
} from './record-validation.js';

const described = (issue: z.core.$ZodIssue, raw: unknown): FieldIssue => ({
  path: issuePath(issue),
  message: issueMessage(issue, raw),
});

/** Validates `raw` with `schema`, turning zod issues into dotted-path {@link FieldIssue}s. */
export function parseWith<T>(schema: Schema<T>, raw: unknown): ParseOutcome<T> {
  return validateWith(schema, raw, described);
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
  return validateRecord(category, raw, described);
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
  return validateCategoryRecords(category, raw, described);
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
