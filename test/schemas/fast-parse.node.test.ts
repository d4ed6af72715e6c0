// The fast path of parseRecord answers exactly as zod alone would on the real catalogue
// (../shared/reference-data): every record of every category, hostile variants of them, and the
// category as a whole (records, keys, issues).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Category } from '../../src/index.js';
import { compileFastParse } from '../../src/schemas/fast-parse.js';
import { loadFastParse, parseWith } from '../../src/schemas/parse-records.js';
import { RECORD_SCHEMAS } from '../../src/schemas/record-schemas.js';
import type { Schema } from '../../src/schemas/shared.js';
import { parseCategoryRecords } from '../../src/schemas.js';
import { expectSameAsZod, hostileVariant } from '../helpers/parse-differential.js';
import {
  HAS_REFERENCE_DATA,
  REFERENCE_CATEGORIES,
  readReference,
  v2FileOf,
} from '../helpers/reference-data.js';

const payloads = HAS_REFERENCE_DATA
  ? REFERENCE_CATEGORIES.map((category) => ({
      category,
      text: readReference(`v2/${v2FileOf(category)}`),
    }))
  : [];

describe.skipIf(!HAS_REFERENCE_DATA)('the fast path on the real catalogue', () => {
  beforeAll(() => loadFastParse());

  it('answers every real record of every category as zod does', () => {
    let count = 0;
    for (const { category, text } of payloads) {
      const records = JSON.parse(text) as Record<string, unknown>;
      const fast = compileFastParse(RECORD_SCHEMAS[category] as Schema<unknown>);
      for (const key of Object.keys(records)) {
        const label = `${category} ${key}`;
        const recordText = JSON.stringify(records[key]);
        const make = () => JSON.parse(recordText) as unknown;
        // the real catalogue is valid, and answered by the fast path itself, not its zod fallback
        expect(expectSameAsZod(category, make, label), label).toBe(true);
        expect(() => fast(make()), label).not.toThrow();
        count++;
      }
    }
    expect(count).toBeGreaterThan(900);
  });

  it('answers 4,000 seeded hostile variants of real records as zod does', () => {
    const records = payloads.flatMap(({ category, text }) =>
      Object.values(JSON.parse(text) as Record<string, unknown>).map((record) => ({
        category,
        record,
      })),
    );
    let valid = 0;
    for (let seed = 1; seed <= 4000; seed++) {
      // spread over the catalogue, not only its first records
      const { category, record } = records[(seed * 7919) % records.length] as {
        category: Category;
        record: unknown;
      };
      if (expectSameAsZod(category, hostileVariant(record, seed), `${category} seed ${seed}`))
        valid++;
    }
    expect(valid).toBeGreaterThan(400);
    expect(valid).toBeLessThan(3600);
  });

  it('parseCategoryRecords gives the same records and issues as record-by-record zod', () => {
    for (const { category, text } of payloads) {
      const { records, issues } = parseCategoryRecords(category, JSON.parse(text));
      const raw = JSON.parse(text) as Record<string, unknown>;
      const expected = Object.keys(raw).flatMap((key) => {
        const parsed = parseWith(RECORD_SCHEMAS[category] as Schema<unknown>, raw[key]);
        return parsed.ok
          ? [[(parsed.record as { name: string }).name, parsed.record] as const]
          : [];
      });
      expect(Object.getPrototypeOf(records)).toBe(null);
      expect(JSON.stringify(Object.entries(records))).toBe(JSON.stringify(expected));
      expect(issues).toEqual([]);
    }
  });
});
