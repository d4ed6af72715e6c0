// The real catalogue (../shared/reference-data, a 7.6 server's data) served the way an 8.x server
// serves it: every record with licensing (NOASSERTION, as the service injects it) and every text
// record with a guidance summary. Both generations must validate to the same records, and the
// licensing filters and summary must treat the whole catalogue as unknown.
import { describe, expect, it } from 'vitest';
import { type Category, searchRecords } from '../../src/index.js';
import {
  parseCategoryRecords,
  summarizeLicensing,
  unknownModelLicensing,
} from '../../src/schemas.js';
import {
  HAS_REFERENCE_DATA,
  REFERENCE_CATEGORIES,
  readReference,
  v2FileOf,
} from '../helpers/reference-data.js';

type Json = Record<string, Record<string, unknown>>;

/** What an 8.x server answers for a stored 7.6 category (references.py at 0f516682). */
function servedAs8x(category: Category, data: Json): Json {
  return Object.fromEntries(
    Object.entries(data).map(([key, record]) => {
      const label = record.instruct_format;
      const guidance =
        category === 'text_generation'
          ? {
              guidance: {
                status: typeof label === 'string' && label.trim() ? 'legacy_label' : 'undocumented',
                supplemental_profile_ids: [],
              },
            }
          : {};
      return [key, { licensing: unknownModelLicensing(), ...record, ...guidance }];
    }),
  );
}

describe.skipIf(!HAS_REFERENCE_DATA)(
  'the real catalogue, as a 7.6 and as an 8.x server serves it',
  () => {
    it.each(REFERENCE_CATEGORIES)('%s validates the same either way', (category) => {
      const data = JSON.parse(readReference(`v2/${v2FileOf(category)}`)) as Json;
      const v76 = parseCategoryRecords(category, data);
      const v8 = parseCategoryRecords(category, servedAs8x(category, data));
      expect(v76.issues).toEqual([]);
      expect(v8.issues).toEqual([]);
      expect(Object.keys(v8.records)).toEqual(Object.keys(v76.records));
      for (const [name, record] of Object.entries(v8.records)) {
        const { licensing, guidance, ...rest } = record as typeof record & { guidance?: unknown };
        expect(licensing?.license_expression).toBe('NOASSERTION');
        expect(guidance === undefined).toBe(category !== 'text_generation');
        expect(rest).toEqual(v76.records[name]);
      }
    });

    it('no real record carries the legacy karras flag, so normalisation leaves the data as it was', () => {
      const data = readReference('v2/stable_diffusion.json');
      expect(data).not.toMatch(/"karras"\s*:\s*(true|false)/);
    });

    it('the licensing filters and summary see the whole catalogue as unknown, either way', () => {
      const data = JSON.parse(readReference('v2/stable_diffusion.json')) as Json;
      for (const served of [data, servedAs8x('image_generation', data)]) {
        const { records } = parseCategoryRecords('image_generation', served);
        const total = Object.keys(records).length;
        expect(total).toBe(161);
        expect(searchRecords('image_generation', records, { commercialUse: 'unknown' }).total).toBe(
          total,
        );
        expect(
          searchRecords('image_generation', records, { redistribution: 'allowed' }).total,
        ).toBe(0);
        expect(searchRecords('image_generation', records, { licenseId: 'Apache-2.0' }).total).toBe(
          0,
        );
        expect(summarizeLicensing(Object.values(records)).commercial_use.unknown).toBe(total);
      }
    });
  },
);
