// An exact-match filter on a value no record has stays a valid, empty answer (as on the server);
// the closest existing values are what a warning names (the CLI's, for one).
import { describe, expect, it } from 'vitest';
import { searchRecords } from '../../src/index.js';
import {
  closestFieldValues,
  fieldValues,
  looselyMatching,
} from '../../src/query/closest-values.js';
import { parseCategoryRecords } from '../../src/schemas.js';
import { FIXTURE_V2 } from '../../src/testing.js';

const images = parseCategoryRecords('image_generation', FIXTURE_V2.image_generation).records;
const list = Object.values(images);

describe('closest existing values of a field', () => {
  it('Stable_Diffusion_XL: an empty page, and the value the records have', () => {
    const page = searchRecords('image_generation', images, { baseline: 'Stable_Diffusion_XL' });
    expect(page).toMatchObject({ results: [], total: 0, hasMore: false });
    expect(closestFieldValues(list, 'baseline', 'Stable_Diffusion_XL')).toEqual([
      'stable_diffusion_xl',
    ]);
    expect(closestFieldValues(list, 'baseline', 'stable-diffusion xl')).toEqual([
      'stable_diffusion_xl',
    ]);
  });

  it('undefined when a record has the value: nothing to warn about', () => {
    expect(closestFieldValues(list, 'baseline', 'stable_diffusion_xl')).toBeUndefined();
    expect(
      closestFieldValues(list, 'tags', fieldValues(list, 'tags')[0] as string),
    ).toBeUndefined();
  });

  it('a part of a value, or a value with more: containment, the nearest length first', () => {
    expect(closestFieldValues(list, 'baseline', 'diffusion_x')).toEqual(['stable_diffusion_xl']);
    // Fixture baselines: stable_diffusion_xl, stable_diffusion_1, stable_cascade, stable_diffusion_2_768, flux_1.
    expect(closestFieldValues(list, 'baseline', 'stable_diffusion')).toEqual([
      'stable_diffusion_1',
      'stable_diffusion_xl',
      'stable_diffusion_2_768',
    ]);
    expect(closestFieldValues(list, 'baseline', 'nothing like it')).toEqual([]);
    expect(closestFieldValues(list, 'baseline', 'xl')).toEqual([]);
  });

  it('list fields item by item, nested paths, records without the field', () => {
    expect(fieldValues(list, 'tags')).toEqual([
      ...new Set(list.flatMap((r) => r.tags as readonly string[])),
    ]);
    const records = [
      { name: 'a', requirements: { schedulers: ['karras'] } },
      { name: 'b', requirements: { schedulers: ['normal', 'karras'] } },
      { name: 'c' },
      null,
      'not a record',
    ];
    expect(fieldValues(records, 'requirements__schedulers')).toEqual(['karras', 'normal']);
    expect(closestFieldValues(records, 'requirements__schedulers', 'Karras')).toEqual(['karras']);
    expect(fieldValues(records, 'missing')).toEqual([]);
    expect(closestFieldValues(records, 'missing', 'x')).toEqual([]);
  });

  it('takes a ranking (a typo-tolerant matcher) and a limit', () => {
    const rank = (input: string, candidates: readonly string[]) =>
      candidates.filter((c) => c[0] === input[0]);
    expect(closestFieldValues(list, 'baseline', 'sdxl', { rank, limit: 2 })).toEqual([
      'stable_diffusion_xl',
      'stable_diffusion_1',
    ]);
    expect(looselyMatching('FLUX.1', ['flux_1', 'flux_dev'])).toEqual(['flux_1']);
  });
});
