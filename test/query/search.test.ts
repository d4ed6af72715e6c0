import { describe, expect, it } from 'vitest';
import {
  type InvalidSearchParamsError,
  isInvalidSearchParamsError,
  searchRecords,
} from '../../src/index.js';
import { searchAcrossCategories } from '../../src/query/search.js';
import { toSearchQuery, validateSearchParams } from '../../src/query/search-params.js';
import { parseCategoryRecords } from '../../src/schemas.js';
import { setup } from '../helpers/manager.js';

function invalid(run: () => unknown): InvalidSearchParamsError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(isInvalidSearchParamsError(caught)).toBe(true);
  return caught as InvalidSearchParamsError;
}

const image = parseCategoryRecords('image_generation', {
  b: { name: 'b', baseline: 'x', nsfw: false, size_on_disk_bytes: 5 },
  a: {
    name: 'a',
    baseline: 'x',
    nsfw: false,
    size_on_disk_bytes: 9,
    inpainting: null,
    tags: ['Anime'],
  },
  c: {
    name: 'c',
    baseline: 'x',
    nsfw: true,
    size_on_disk_bytes: 5,
    inpainting: true,
    tags: ['anime', 'retro'],
  },
  s: { name: 'shared', baseline: 'y', nsfw: false, tags: [] },
}).records;

const names = (page: { results: { name: string }[] }) => page.results.map((r) => r.name);

describe('search semantics (the server rules)', () => {
  it('sorts nulls last ascending, first descending, and keeps ties stable both ways', () => {
    expect(
      names(searchRecords('image_generation', image, { sortBy: 'size_on_disk_bytes' })),
    ).toEqual(['b', 'c', 'a', 'shared']);
    expect(
      names(
        searchRecords('image_generation', image, { sortBy: 'size_on_disk_bytes', sortDesc: true }),
      ),
    ).toEqual(['shared', 'a', 'b', 'c']);
  });

  it('orders strings by code point: upper case before lower case, emoji after U+FFFD', () => {
    const records = parseCategoryRecords('clip', {
      1: { name: 'a_model' },
      2: { name: 'Plain-13B' },
      3: { name: '😀 emoji' },
      4: { name: '\uFFFD replacement' },
    }).records;
    expect(names(searchRecords('clip', records, { sortBy: 'name' }))).toEqual([
      'Plain-13B',
      'a_model',
      '\uFFFD replacement',
      '😀 emoji',
    ]);
  });

  it('matches tags and baselines exactly and case-sensitively; inpainting=false excludes null', () => {
    expect(names(searchRecords('image_generation', image, { tagsAny: ['anime'] }))).toEqual(['c']);
    expect(names(searchRecords('image_generation', image, { tagsNone: ['anime'] }))).toEqual([
      'b',
      'a',
      'shared',
    ]);
    expect(
      names(searchRecords('image_generation', image, { tagsAll: ['anime', 'retro'] })),
    ).toEqual(['c']);
    expect(names(searchRecords('image_generation', image, { baseline: 'X' }))).toEqual([]);
    expect(names(searchRecords('image_generation', image, { inpainting: false }))).toEqual([
      'b',
      'shared',
    ]);
    expect(names(searchRecords('image_generation', image, { inpainting: true }))).toEqual(['c']);
    expect(names(searchRecords('image_generation', image, { nameContains: 'SHA' }))).toEqual([
      'shared',
    ]);
  });

  it('pages like the server: echoes offset and limit, hasMore at the exact boundary is false', () => {
    expect(searchRecords('image_generation', image, { limit: 2, offset: 2 })).toMatchObject({
      total: 4,
      offset: 2,
      limit: 2,
      hasMore: false,
    });
    expect(searchRecords('image_generation', image, { limit: 2, offset: 1 }).hasMore).toBe(true);
    expect(searchRecords('image_generation', image, { offset: 100 })).toMatchObject({
      results: [],
      total: 4,
      limit: 50,
    });
  });

  it('merges same-named models across categories: the first category that matches the filters wins', () => {
    const clip = parseCategoryRecords('clip', { shared: { name: 'shared' } }).records;
    expect(
      searchAcrossCategories({ clip, image_generation: image }, { nameContains: 'shared' })
        .results[0]?.record_type,
    ).toBe('clip');
    // clip records have no nsfw field: with nsfw=false the image one survives the filter.
    expect(
      searchAcrossCategories(
        { clip, image_generation: image },
        { nsfw: false, nameContains: 'shared' },
      ).results[0]?.record_type,
    ).toBe('image_generation');
  });

  it('accepts sortBy parameters_count as the server spells it for text', () => {
    const text = parseCategoryRecords('text_generation', {
      a: { name: 'a', parameters: 7 },
      b: { name: 'b', parameters: 3 },
    }).records;
    expect(names(searchRecords('text_generation', text, { sortBy: 'parameters_count' }))).toEqual([
      'b',
      'a',
    ]);
    expect(
      names(searchRecords('text_generation', text, { sortBy: 'parameters', sortDesc: true })),
    ).toEqual(['a', 'b']);
  });
});

describe('search parameter validation', () => {
  it.each([
    [{ limit: 0 }, 'limit', /an integer from 1 to 500/],
    [{ limit: 501 }, 'limit', /an integer from 1 to 500/],
    [{ limit: 2.5 }, 'limit', /an integer from 1 to 500/],
    [{ offset: -1 }, 'offset', /an integer >= 0/],
    [
      { sortBy: 'nope' },
      'sortBy',
      /"nope" is not a field of image_generation records.*allowed: record_type, name/,
    ],
    [{ sortBy: 'nope__x' }, 'sortBy', /"nope__x" is not a field of image_generation records/],
    [{ tags: ['anime'] }, 'tags', /is not a search parameter.*allowed: nsfw, baseline/],
    [{ backend: 'koboldcpp' }, 'backend', /applies to text_generation only/],
    [{ source: 5 }, 'source', /source: Invalid input/],
    [{ source: ['horde', 5] }, 'source', /source: Invalid input/],
    [{ source: { id: 'horde' } }, 'source', /source: Invalid input/],
  ])('%j is refused, naming %s and what is allowed', (params, param, message) => {
    const error = invalid(() => validateSearchParams('image_generation', params as never));
    expect(error.issues.map((i) => i.param)).toContain(param);
    expect(error.message).toMatch(message);
  });

  it('takes a source id or a list of them', () => {
    for (const source of ['horde', ['horde', 'pending'], []])
      expect(validateSearchParams('image_generation', { source }).source).toEqual(source);
  });

  it('refuses filters a category does not have, as the server answers 400', () => {
    const error = invalid(() =>
      validateSearchParams('clip', {
        nsfw: false,
        baseline: 'x',
        tagsAny: ['a'],
        inpainting: true,
      }),
    );
    expect(error.issues.map((i) => i.param)).toEqual(['nsfw', 'baseline', 'inpainting', 'tagsAny']);
    expect(error.message).toMatch(/nsfw: does not apply to clip records, which have no nsfw field/);
  });

  it('refuses a bad backend and non-generic fields in cross-category search', () => {
    expect(
      invalid(() => validateSearchParams('text_generation', { backend: 'vllm' as 'koboldcpp' }))
        .message,
    ).toMatch(/allowed: aphrodite, koboldcpp/);
    expect(invalid(() => validateSearchParams('all', { sortBy: 'nsfw' })).message).toMatch(
      /not a field of every record/,
    );
    expect(invalid(() => validateSearchParams('all', { baseline: 'x' } as never)).message).toMatch(
      /not a cross-category search parameter/,
    );
  });

  it('fails before any request in the manager, and keeps what is cached', async () => {
    const { refs, standIn } = setup();
    // @ts-expect-error: clip has no nsfw (the types refuse it; a JavaScript caller meets the check)
    await expect(refs.search('clip', { nsfw: true })).rejects.toThrow(/does not apply to clip/);
    expect(standIn.count()).toBe(0);
    await refs.getCategory('clip');
    await expect(refs.search('clip', { limit: 0 })).rejects.toThrow(/limit/);
    expect(Object.keys(await refs.getCategory('clip'))).toHaveLength(2);
  });

  it('maps to the server query string', () => {
    expect(
      toSearchQuery({
        tagsAny: ['anime', 'furry'],
        nsfw: false,
        sortBy: 'parameters',
        sortDesc: true,
        excludeBackendVariations: true,
      }).toString(),
    ).toBe(
      'tags_any=anime&tags_any=furry&nsfw=false&sort_by=parameters_count&sort_desc=true&exclude_backend_variations=true',
    );
  });
});

describe('manager search', () => {
  it('searches one category and all categories over cached data', async () => {
    const { refs } = setup();
    const page = await refs.search('image_generation', {
      nsfw: false,
      baseline: 'stable_diffusion_xl',
    });
    expect(names(page)).toEqual(['AlbedoBase XL (SDXL)']);
    const all = await refs.searchAll({ nameContains: 'mistral', sortBy: 'name' });
    expect(names(all)).toEqual([
      'TheBloke/Mistral-7B-Instruct-v0.2-GGUF',
      'mistralai/Mistral-7B-Instruct-v0.2',
    ]);
    const stats = await refs.statistics('image_generation');
    expect(stats.total_models).toBe(8);
  });
});
