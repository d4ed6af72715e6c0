// The fast path of parseRecord (src/schemas/fast-parse.ts) answers exactly as zod alone would:
// the same records (keys, order, objects kept from the input, frozen), the same issues, for the
// fixture records of every category and for seeded hostile variants of them. The real catalogue
// is held to the same in fast-parse.node.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/index.js';
import { compileFastParse } from '../../src/schemas/fast-parse.js';
import { loadFastParse } from '../../src/schemas/parse-records.js';
import { RECORD_SCHEMAS } from '../../src/schemas/record-schemas.js';
import type { Schema } from '../../src/schemas/shared.js';
import { parseRecord } from '../../src/schemas.js';
import { FIXTURE_V2, FIXTURE_V2_8X } from '../../src/testing.js';
import { expectSameAsZod, hostileRecords, hostileVariant } from '../helpers/parse-differential.js';

const fixtures = CATEGORIES.flatMap((category) =>
  [FIXTURE_V2[category], FIXTURE_V2_8X[category]].flatMap((payload) =>
    Object.values(payload as Record<string, unknown>).map((record) => ({ category, record })),
  ),
);

describe('the fast path of parseRecord answers as zod does', () => {
  // parseRecord loads it on first use; from here on every record goes through it first
  beforeAll(() => loadFastParse());

  it('for every fixture record of every category', () => {
    expect(fixtures.length).toBeGreaterThan(CATEGORIES.length);
    // the fast path itself answers the valid fixtures (it does not hand them all back to zod)
    for (const { category, record } of fixtures)
      expect(() =>
        compileFastParse(RECORD_SCHEMAS[category] as Schema<unknown>)(structuredClone(record)),
      ).not.toThrow();
    for (const { category, record } of fixtures)
      expect(
        expectSameAsZod(
          category,
          () => structuredClone(record),
          `${category} ${JSON.stringify(record).slice(0, 60)}`,
        ),
      ).toBe(true);
  });

  it('for values that are no record, and records with a field of every hostile kind', () => {
    for (const category of CATEGORIES)
      for (const [index, make] of hostileRecords().entries())
        expectSameAsZod(category, make, `${category} hostile #${index}`);
  });

  it('for 3,000 seeded hostile variants of the fixture records (wrong types, extra and missing fields, __proto__, huge strings, deep nesting)', () => {
    let valid = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const { category, record } = fixtures[seed % fixtures.length] as (typeof fixtures)[number];
      if (expectSameAsZod(category, hostileVariant(record, seed), `${category} seed ${seed}`))
        valid++;
    }
    // both kinds were exercised: variants the fast path answers, and variants zod has to name
    expect(valid).toBeGreaterThan(300);
    expect(valid).toBeLessThan(2700);
  });

  it('keeps a __proto__ key of the input out of the record and off its prototype', () => {
    const parsed = parseRecord(
      'clip',
      JSON.parse('{"name": "x", "__proto__": {"polluted": true}}'),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(Object.getPrototypeOf(parsed.record)).toBe(Object.prototype);
    expect(Object.hasOwn(parsed.record, '__proto__')).toBe(false);
    expect('polluted' in parsed.record).toBe(false);
    expect(Object.isFrozen(parsed.record)).toBe(true);
  });
});
