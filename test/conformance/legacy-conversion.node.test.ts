import { describe, expect, it } from 'vitest';
import {
  CATEGORY_DESCRIPTORS,
  convertLegacyFile,
  convertLegacyJson,
  parseCategoryRecords,
} from '../../src/schemas.js';
import {
  HAS_REFERENCE_DATA,
  REFERENCE_CATEGORIES,
  readReference,
  v2FileOf,
} from '../helpers/reference-data.js';

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe.skipIf(!HAS_REFERENCE_DATA)('conformance with the reference library (real data)', () => {
  it.each(REFERENCE_CATEGORIES)(
    'converting legacy %s gives exactly the reference v2 records',
    (category) => {
      const legacyFile = CATEGORY_DESCRIPTORS[category].legacy?.file as string;
      const expected = JSON.parse(readReference(`v2/${v2FileOf(category)}`));
      const { records, issues } = convertLegacyFile(
        category,
        readReference(`legacy/${legacyFile}`),
      );
      expect(issues).toEqual([]);
      expect(Object.keys(records).sort()).toEqual(Object.keys(expected).sort());
      for (const key of Object.keys(expected))
        expect(plain(records[key]), key).toEqual(expected[key]);
    },
  );

  it('every real v2 record validates with zero issues', () => {
    let total = 0;
    for (const category of REFERENCE_CATEGORIES) {
      const raw = JSON.parse(readReference(`v2/${v2FileOf(category)}`));
      const { records, issues } = parseCategoryRecords(category, raw);
      expect(issues, category).toEqual([]);
      total += Object.keys(records).length;
    }
    expect(total).toBe(161 + 719 + 18 + 6 + 2 + 2 + 2 + 1 + 1 + 1);
  });

  it('the v1 text shape (db.json) folds to the same 719 models with equal parameters, nsfw, url and baseline', () => {
    const expected = JSON.parse(readReference('v2/text_generation.json'));
    const { records, issues } = convertLegacyJson(
      'text_generation',
      JSON.parse(readReference('legacy/db.json')),
    );
    expect(issues).toEqual([]);
    expect(Object.keys(records).sort()).toEqual(Object.keys(expected).sort());
    expect(Object.keys(records)).toHaveLength(719);
    for (const [name, record] of Object.entries(records)) {
      for (const field of ['parameters', 'nsfw', 'url', 'baseline', 'style', 'description']) {
        expect(record[field], `${name}.${field}`).toEqual(expected[name][field]);
      }
    }
  });

  it('the lora legacy file ([]) reads as an empty category', () => {
    expect(convertLegacyJson('esrgan', JSON.parse(readReference('legacy/lora.json')))).toEqual({
      records: {},
      issues: [],
    });
  });
});
