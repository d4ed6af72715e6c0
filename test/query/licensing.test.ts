// The licensing filters with the server's semantics (search.py at c0fba994): local search, cross-
// category search, the query builder, the query string; and the licensing summary. Each on 8.x
// data and on 7.6 data (no licensing anywhere: every record counts as unknown).
import { describe, expect, it } from 'vitest';
import {
  type CategoryRecords,
  createQuery,
  isInvalidSearchParamsError,
  searchRecords,
} from '../../src/index.js';
import { licensingFilters } from '../../src/query/licensing-filters.js';
import { searchAcrossCategories } from '../../src/query/search.js';
import { toSearchQuery, validateSearchParams } from '../../src/query/search-params.js';
import { parseCategoryRecords, summarizeLicensing } from '../../src/schemas.js';
import { FIXTURE_V2, FIXTURE_V2_8X } from '../../src/testing.js';

const v8 = parseCategoryRecords('image_generation', FIXTURE_V2_8X.image_generation).records;
const v76 = parseCategoryRecords('image_generation', FIXTURE_V2.image_generation).records;
const text8 = parseCategoryRecords('text_generation', FIXTURE_V2_8X.text_generation).records;
const names = (records: readonly { name: string }[]) => records.map((r) => r.name).sort();
const all = (records: CategoryRecords<'image_generation'>) => Object.keys(records).sort();

describe('licensing filters in local search', () => {
  it('licenseId: model-level ids only; per-file overrides do not count', () => {
    expect(
      names(searchRecords('image_generation', v8, { licenseId: 'Apache-2.0' }).results),
    ).toEqual(['Flux.1 Schnell (Compact)']);
    // The non-commercial licence appears on Pony Grimdark and on one Flux *file*: only Pony matches.
    expect(
      names(
        searchRecords('image_generation', v8, { licenseId: 'LicenseRef-Fixture-NonCommercial' })
          .results,
      ),
    ).toEqual(['Pony Grimdark']);
  });

  it('commercialUse / redistribution: a record without licensing counts as unknown', () => {
    const unknown = searchRecords('image_generation', v8, { commercialUse: 'unknown' });
    expect(names(unknown.results)).toEqual([
      "Anya's Dream",
      'Ghibli Style',
      'Juggernaut Lightning',
      'Realistic Vision Inpainting',
      'Stable Cascade Mini',
    ]);
    expect(
      names(searchRecords('image_generation', v8, { commercialUse: 'prohibited' }).results),
    ).toEqual(['Pony Grimdark']);
    const both = searchRecords('image_generation', v8, {
      commercialUse: 'allowed',
      redistribution: 'allowed_with_conditions',
    });
    expect(names(both.results)).toEqual(['Flux.1 Schnell (Compact)', 'Zeta Turbo']);
  });

  it('against 7.6 data: unknown matches every record, any id or other status none', () => {
    expect(all(v76)).toEqual(
      names(searchRecords('image_generation', v76, { redistribution: 'unknown' }).results),
    );
    expect(searchRecords('image_generation', v76, { licenseId: 'MIT' }).total).toBe(0);
    expect(searchRecords('image_generation', v76, { commercialUse: 'allowed' }).total).toBe(0);
  });

  it('combines with the other filters (conjunctive) and keeps the paging envelope', () => {
    const page = searchRecords('image_generation', v8, {
      commercialUse: 'unknown',
      nsfw: true,
      limit: 1,
    });
    expect(page.total).toBe(2);
    expect(page.results).toHaveLength(1);
    expect(page.hasMore).toBe(true);
  });

  it('cross-category search takes them too (lora and ti never walked)', () => {
    const page = searchAcrossCategories(
      { image_generation: v8, text_generation: text8 },
      { licenseId: 'Apache-2.0' },
    );
    expect(names(page.results)).toEqual([
      'Flux.1 Schnell (Compact)',
      'mistralai/Mistral-7B-Instruct-v0.2',
    ]);
  });

  it('refuses a status the server does not know, naming the allowed ones, before any work', () => {
    let caught: unknown;
    try {
      validateSearchParams('image_generation', { commercialUse: 'maybe' as never });
    } catch (error) {
      caught = error;
    }
    expect(isInvalidSearchParamsError(caught)).toBe(true);
    expect(String((caught as Error).message)).toMatch(
      /commercialUse.*allowed: allowed, allowed_with_conditions, prohibited, unknown/,
    );
    expect(() => validateSearchParams('all', { licenseId: 3 as never })).toThrow(/licenseId/);
  });

  it('sends the server its own parameter names', () => {
    expect(
      toSearchQuery({
        licenseId: 'MIT',
        commercialUse: 'allowed',
        redistribution: 'prohibited',
      }).toString(),
    ).toBe('license_id=MIT&commercial_use=allowed&redistribution=prohibited');
  });

  it('licensingFilters adds nothing when no parameter is set', () => {
    expect(licensingFilters({})).toEqual([]);
  });

  it('licensing is a sortable path, on records that all have licensing (the server reads it on the record, not the NOASSERTION it serves)', () => {
    const licensed = Object.fromEntries(Object.entries(v8).filter(([, r]) => r.licensing));
    const page = searchRecords('image_generation', licensed, {
      sortBy: 'licensing__commercial_use',
      sortDesc: true,
    });
    // Descending, ties (the two `allowed`) in catalogue order.
    expect(page.results.map((r) => r.name)).toEqual([
      'Pony Grimdark',
      'AlbedoBase XL (SDXL)',
      'Flux.1 Schnell (Compact)',
      'Zeta Turbo',
    ]);
    // Records without licensing among those sorted: the server answers 400 (encountered None).
    expect(() =>
      searchRecords('image_generation', v8, { sortBy: 'licensing__commercial_use' }),
    ).toThrow(/no "commercial_use" in licensing \(null\)/);
  });
});

describe('licensing filters in the query builder', () => {
  it('whereLicensing has the same semantics as search, on 8.x and 7.6 data', () => {
    const q8 = createQuery('image_generation', v8);
    expect(names(q8.whereLicensing({ commercialUse: 'prohibited' }).toArray())).toEqual([
      'Pony Grimdark',
    ]);
    expect(
      q8.whereLicensing({ licenseId: 'MIT', redistribution: 'allowed_with_conditions' }).count(),
    ).toBe(1);
    expect(
      createQuery('image_generation', v76).whereLicensing({ commercialUse: 'unknown' }).count(),
    ).toBe(Object.keys(v76).length);
    expect(q8.where('licensing__license_expression', 'eq', 'MIT').first()?.name).toBe('Zeta Turbo');
  });

  it.each([
    [null, 'params', /expected \{ licenseId\?, commercialUse\?, redistribution\? \}, got null/],
    ['MIT', 'params', /got "MIT"/],
    [{ licenseId: 7 }, 'licenseId', /expected a license id, got 7/],
    [{ commercialUse: 'maybe' }, 'commercialUse', /allowed: allowed, allowed_with_conditions/],
    [{ redistribution: ['allowed'] }, 'redistribution', /expected a permission status/],
  ])('whereLicensing(%j) is refused at the call, naming %s', (params, param, message) => {
    const query = createQuery('image_generation', v8);
    let error: unknown;
    try {
      query.whereLicensing(params as never);
    } catch (caught) {
      error = caught;
    }
    expect(isInvalidSearchParamsError(error)).toBe(true);
    expect((error as { issues: { param: string }[] }).issues[0]?.param).toBe(param);
    expect(String(error)).toMatch(message);
  });
});

describe('summarizeLicensing (the model part of GET .../licensing/summary)', () => {
  it('counts per status (every status present) and per license id, sorted', () => {
    const summary = summarizeLicensing(Object.values(v8));
    expect(summary).toEqual({
      total_assets: 9,
      commercial_use: { allowed: 2, allowed_with_conditions: 1, prohibited: 1, unknown: 5 },
      redistribution: { allowed: 0, allowed_with_conditions: 4, prohibited: 0, unknown: 5 },
      licenses: {
        'Apache-2.0': 1,
        'CreativeML-OpenRAIL-M': 1,
        'LicenseRef-Fixture-NonCommercial': 1,
        MIT: 1,
      },
    });
    expect(Object.keys(summary.licenses)).toEqual([
      'Apache-2.0',
      'CreativeML-OpenRAIL-M',
      'LicenseRef-Fixture-NonCommercial',
      'MIT',
    ]);
  });

  it('7.6 data: everything unknown, no licenses', () => {
    const n = Object.keys(v76).length;
    expect(summarizeLicensing(Object.values(v76))).toEqual({
      total_assets: n,
      commercial_use: { allowed: 0, allowed_with_conditions: 0, prohibited: 0, unknown: n },
      redistribution: { allowed: 0, allowed_with_conditions: 0, prohibited: 0, unknown: n },
      licenses: {},
    });
  });

  it('counts a status it does not know under its own key, and ids that are prototype names safely', () => {
    const odd = [
      {
        licensing: {
          license_expression: 'x',
          license_ids: ['__proto__', 'constructor'],
          commercial_use: 'new',
          redistribution: 'unknown',
          obligations: [],
          evidence: [],
          files: {},
        },
      },
    ];
    const summary = summarizeLicensing(odd);
    expect(summary.commercial_use.new).toBe(1);
    expect(Object.keys(summary.licenses).sort()).toEqual(['__proto__', 'constructor']);
    expect(summary.licenses.constructor).toBe(1);
  });
});
