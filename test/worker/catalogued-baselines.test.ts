// selectModels treats a catalogued baseline as known (24886069): krea2_turbo and anima from the
// bundled catalog, and any baseline a served catalog publishes, without a release.
import { describe, expect, it } from 'vitest';
import { selectModels } from '../../src/index.js';
import {
  BUNDLED_BASELINE_CATALOG,
  imageBaselineCatalogSchema,
  parseCategoryRecords,
} from '../../src/schemas.js';
import { FIXTURE_BASELINE_CATALOG, FIXTURE_V2, FIXTURE_V2_8X } from '../../src/testing.js';

const image = (name: string, baseline: string) => ({ name, baseline, nsfw: false });
const { records } = parseCategoryRecords('image_generation', {
  k: image('k', 'krea2_turbo'),
  a: image('a', 'anima'),
  alt: image('alt', 'SDXL'),
  z: image('z', 'zeta_turbo'),
  u: image('u', 'never_heard_of'),
});
const served = imageBaselineCatalogSchema.parse(FIXTURE_BASELINE_CATALOG);
const names = (list: { name: string }[]) => list.map((r) => r.name);

describe('selectModels and the baseline catalog', () => {
  it('krea2_turbo and anima are known to this release; alternative names with a catalog', () => {
    expect(names(selectModels(records))).toEqual(['k', 'a']);
    expect(names(selectModels(records, { baselineCatalog: BUNDLED_BASELINE_CATALOG }))).toEqual([
      'k',
      'a',
      'alt',
    ]);
  });

  it('a baseline only the served catalog names is known when that catalog is passed', () => {
    expect(names(selectModels(records, { baselineCatalog: served }))).toEqual([
      'k',
      'a',
      'alt',
      'z',
    ]);
  });

  it('includeUnknownBaselines still opts into everything; an explicit list still rules', () => {
    expect(names(selectModels(records, { includeUnknownBaselines: true }))).toHaveLength(5);
    expect(
      names(selectModels(records, { baselines: ['zeta_turbo'], baselineCatalog: served })),
    ).toEqual(['z']);
  });

  it('on the 8.x fixtures the served catalog adds Zeta Turbo; the 7.6 fixtures select as before', () => {
    const v8 = parseCategoryRecords('image_generation', FIXTURE_V2_8X.image_generation).records;
    expect(names(selectModels(v8))).not.toContain('Zeta Turbo');
    expect(names(selectModels(v8, { baselineCatalog: served }))).toContain('Zeta Turbo');
    const v76 = parseCategoryRecords('image_generation', FIXTURE_V2.image_generation).records;
    expect(selectModels(v76)).toHaveLength(Object.keys(v76).length);
  });
});
