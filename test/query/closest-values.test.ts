// An exact-match filter on a value no record has stays a valid, empty answer (as on the server);
// the closest existing values are what a warning names (the CLI's, for one: src/cli/filter-hints.ts).
import { describe, expect, it } from 'vitest';
import { searchRecords } from '../../src/index.js';
import { closestFieldValues, fieldValues } from '../../src/query/closest-values.js';
import { parseCategoryRecords } from '../../src/schemas.js';
import { FIXTURE_V2 } from '../../src/testing.js';

const images = parseCategoryRecords('image_generation', FIXTURE_V2.image_generation).records;
const list = Object.values(images);
const closest = (records: Iterable<unknown>, field: string, value: string, limit?: number) =>
  closestFieldValues(records, field, value, limit)?.closest;

describe('closest existing values of a field', () => {
  it('Stable_Diffusion_XL: an empty page, and the value the records have', () => {
    const page = searchRecords('image_generation', images, { baseline: 'Stable_Diffusion_XL' });
    expect(page).toMatchObject({ results: [], total: 0, hasMore: false });
    expect(closest(list, 'baseline', 'Stable_Diffusion_XL')).toEqual(['stable_diffusion_xl']);
    expect(closest(list, 'baseline', 'stable-diffusion xl')).toEqual(['stable_diffusion_xl']);
    // A typing mistake too (the package's one "did you mean" matcher).
    expect(closest(list, 'baseline', 'stable_difusion_xl')?.[0]).toBe('stable_diffusion_xl');
    expect(closestFieldValues(list, 'baseline', 'Stable_Diffusion_XL')?.existing).toEqual(
      fieldValues(list, 'baseline'),
    );
  });

  it('undefined when a record has the value: nothing to warn about', () => {
    expect(closestFieldValues(list, 'baseline', 'stable_diffusion_xl')).toBeUndefined();
    expect(
      closestFieldValues(list, 'tags', fieldValues(list, 'tags')[0] as string),
    ).toBeUndefined();
  });

  it('a part of a value: containment; nothing close: an empty list beside every existing value', () => {
    expect(closest(list, 'baseline', 'diffusion_x')).toEqual(['stable_diffusion_xl']);
    expect(closest(list, 'baseline', 'stable_diffusion', 2)).toHaveLength(2);
    expect(closestFieldValues(list, 'baseline', 'nothing like it')).toEqual({
      closest: [],
      existing: fieldValues(list, 'baseline'),
    });
    expect(closest(list, 'baseline', 'xl')).toEqual([]);
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
    expect(closest(records, 'requirements__schedulers', 'Karras')).toEqual(['karras']);
    expect(fieldValues(records, 'missing')).toEqual([]);
    expect(closestFieldValues(records, 'missing', 'x')).toEqual({ closest: [], existing: [] });
  });
});
