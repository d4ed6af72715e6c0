// The server's sort rule (query.py `_resolve_field_value` and `_execute_with_sources`): a path that
// cannot be followed on a record being sorted, or values Python cannot compare, make the server
// answer 400 (500 on /v2/search); local search throws InvalidSearchParamsError for both, decided by
// the records actually sorted (after the filters and the de-duplication).
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type InvalidSearchParamsError,
  isInvalidSearchParamsError,
  searchRecords,
} from '../../src/index.js';
import { optionalFields } from '../../src/query/fields.js';
import { searchAcrossCategories } from '../../src/query/search.js';
import type { ModelLicensing } from '../../src/schemas/licensing.js';
import type {
  FinetuneSeries,
  ModelClassification,
  RecordConfig,
  RecordMetadata,
} from '../../src/schemas/shared.js';
import type {
  TextContextWindow,
  TextGuidanceSummary,
} from '../../src/schemas/text-capabilities.js';
import { parseCategoryRecords } from '../../src/schemas.js';

function refused(run: () => unknown): InvalidSearchParamsError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(isInvalidSearchParamsError(caught)).toBe(true);
  const error = caught as InvalidSearchParamsError;
  expect(error.issues.map((i) => i.param)).toEqual(['sortBy']);
  return error;
}

const image = parseCategoryRecords('image_generation', {
  a: { name: 'a', baseline: 'x', nsfw: false, requirements: { clip_skip: 2 } },
  b: { name: 'b', baseline: 'x', nsfw: false, requirements: { clip_skip: 1 } },
  c: { name: 'c', baseline: 'y', nsfw: true, requirements: { min_steps: 3 } },
  d: { name: 'd', baseline: 'y', nsfw: true },
}).records;

const names = (page: { results: readonly { name: string }[] }) => page.results.map((r) => r.name);

describe('a path the server cannot follow on a record being sorted', () => {
  it('a dict without the key, or null on the way: refused, naming the record and what it found', () => {
    const error = refused(() =>
      searchRecords('image_generation', image, { sortBy: 'requirements__clip_skip' }),
    );
    expect(error.message).toMatch(
      /"requirements__clip_skip" cannot be followed on "c": no "clip_skip" in requirements \(an object\)/,
    );
    expect(error.message).toMatch(/the server refuses such a sort \(400\)/);
    const onlyD = refused(() =>
      searchRecords('image_generation', image, {
        sortBy: 'requirements__clip_skip',
        nsfw: true,
        nameContains: 'd',
      }),
    );
    expect(onlyD.message).toMatch(
      /cannot be followed on "d": no "clip_skip" in requirements \(null\)/,
    );
  });

  it('is decided by the records actually sorted: filtered out, or none at all, is a valid answer', () => {
    const page = searchRecords('image_generation', image, {
      sortBy: 'requirements__clip_skip',
      nsfw: false,
    });
    expect(names(page)).toEqual(['b', 'a']);
    expect(
      names(
        searchRecords('image_generation', image, {
          sortBy: 'requirements__clip_skip',
          nsfw: false,
          sortDesc: true,
        }),
      ),
    ).toEqual(['a', 'b']);
    // The server checks only the first segment before sorting: no record, no refusal.
    for (const sortBy of ['config__nonexistent', 'name__x', 'config__download__0']) {
      const none = searchRecords('image_generation', image, {
        sortBy: sortBy as never,
        baseline: 'no such baseline',
      });
      expect(none).toMatchObject({ results: [], total: 0, hasMore: false });
    }
  });

  it('a field the model does not have (config__nonexistent): refused', () => {
    const error = refused(() =>
      searchRecords('image_generation', image, { sortBy: 'config__nonexistent' as never }),
    );
    expect(error.message).toMatch(/on "a": no "nonexistent" in config \(an object\)/);
  });

  it('an optional field the record leaves out reads as null, as the server model fills it; a null leaf sorts last', () => {
    const page = searchRecords('image_generation', image, { sortBy: 'metadata__updated_at' });
    expect(names(page)).toEqual(['a', 'b', 'c', 'd']);
    const series = parseCategoryRecords('clip', {
      x: { name: 'x', finetune_series: { name: 's', version: null } },
      w: { name: 'w', finetune_series: { name: 's' } },
      y: { name: 'y', finetune_series: { name: 's', version: '2' } },
    }).records;
    expect(names(searchRecords('clip', series, { sortBy: 'finetune_series__version' }))).toEqual([
      'y',
      'x',
      'w',
    ]);
    expect(
      names(searchRecords('clip', series, { sortBy: 'finetune_series__version', sortDesc: true })),
    ).toEqual(['x', 'w', 'y']);
  });

  it('a key the record holds is followed, even one this client does not declare (a newer server does)', () => {
    const newer = parseCategoryRecords('clip', {
      a: { name: 'a', config: { download: [], future_field: 2 } },
      b: { name: 'b', config: { download: [], future_field: 1 } },
    }).records;
    expect(
      names(searchRecords('clip', newer, { sortBy: 'config__future_field' as never })),
    ).toEqual(['b', 'a']);
  });

  it('a path through a scalar or a list is refused (no attributes there)', () => {
    expect(
      refused(() =>
        searchRecords('image_generation', image, { sortBy: 'config__download__0' as never }),
      ).message,
    ).toMatch(/on "a": no "0" in config__download \(an array of 0\);/);
    expect(
      refused(() => searchRecords('image_generation', image, { sortBy: 'name__x' as never }))
        .message,
    ).toMatch(/on "a": no "x" in name \("a"\);/);
  });

  it('the same rule in cross-category search (the server answers 500 there)', () => {
    const clip = parseCategoryRecords('clip', {
      v: { name: 'v', finetune_series: { name: 's' } },
    }).records;
    expect(() =>
      searchAcrossCategories(
        { clip, image_generation: image },
        { sortBy: 'finetune_series__name' },
      ),
    ).toThrow(/no "name" in finetune_series \(null\)/);
    expect(
      names(
        searchAcrossCategories(
          { clip, image_generation: image },
          { sortBy: 'finetune_series__name', nameContains: 'v' },
        ),
      ),
    ).toEqual(['v']);
  });
});

describe('values Python cannot order', () => {
  const downloads = (names: string[]) =>
    parseCategoryRecords(
      'clip',
      Object.fromEntries(
        names.map((name) => [
          name,
          {
            name,
            config: { download: [{ file_name: `${name}.pt`, file_url: `https://h/${name}` }] },
          },
        ]),
      ),
    ).records;

  it('lists of objects that differ (config__download): refused, naming two records', () => {
    const error = refused(() =>
      searchRecords('clip', downloads(['p', 'q']), { sortBy: 'config__download' }),
    );
    expect(error.message).toMatch(
      /"config__download" has values Python cannot order \(an object and an object\); the server refuses such a sort \(400\)/,
    );
  });

  it('one record, or equal objects, sort fine: the server compares only values that differ', () => {
    expect(names(searchRecords('clip', downloads(['p']), { sortBy: 'config__download' }))).toEqual([
      'p',
    ]);
    const same = parseCategoryRecords('clip', {
      a: { name: 'a', config: { download: [{ file_name: 'f', file_url: 'u' }] } },
      b: { name: 'b', config: { download: [{ file_url: 'u', file_name: 'f' }] } },
    }).records;
    expect(
      names(searchRecords('clip', same, { sortBy: 'config__download', sortDesc: true })),
    ).toEqual(['a', 'b']);
    const settings = {
      a: { name: 'a', parameters: 1, settings: { t: 1, u: 'x' } },
      b: { name: 'b', parameters: 2, settings: { u: 'x', t: 1 } },
    };
    const alike = parseCategoryRecords('text_generation', settings).records;
    expect(names(searchRecords('text_generation', alike, { sortBy: 'settings' as never }))).toEqual(
      ['a', 'b'],
    );
    const differ = parseCategoryRecords('text_generation', {
      ...settings,
      c: { name: 'c', parameters: 3, settings: { t: 2, u: 'x' } },
    }).records;
    expect(
      refused(() => searchRecords('text_generation', differ, { sortBy: 'settings' as never }))
        .message,
    ).toMatch(/cannot order \(an object and an object\)/);
  });

  it('a number and a string: refused; booleans and numbers compare', () => {
    // The mix is in a dict the records carry (settings values may be numbers, strings, booleans).
    const settings = parseCategoryRecords('text_generation', {
      a: { name: 'a', parameters: 1, settings: { temp: 0.5 } },
      b: { name: 'b', parameters: 2, settings: { temp: 'hot' } },
      c: { name: 'c', parameters: 3, settings: { temp: true } },
    }).records;
    expect(
      refused(() => searchRecords('text_generation', settings, { sortBy: 'settings__temp' }))
        .message,
    ).toMatch(/cannot order \((0\.5|true|"hot") and (0\.5|true|"hot")\)/);
    expect(
      names(
        searchRecords('text_generation', settings, {
          sortBy: 'settings__temp',
          nameContains: 'a',
        }),
      ),
    ).toEqual(['a']);
    const numeric = parseCategoryRecords('text_generation', {
      a: { name: 'a', parameters: 1, settings: { temp: 0.5 } },
      c: { name: 'c', parameters: 3, settings: { temp: true } },
      z: { name: 'z', parameters: 3, settings: { temp: 0 } },
    }).records;
    expect(names(searchRecords('text_generation', numeric, { sortBy: 'settings__temp' }))).toEqual([
      'z',
      'a',
      'c',
    ]);
  });

  it('lists compare item by item; a null against a value inside lists is refused', () => {
    const tags = parseCategoryRecords('image_generation', {
      a: { name: 'a', baseline: 'x', nsfw: false, tags: ['b', 'a'] },
      b: { name: 'b', baseline: 'x', nsfw: false, tags: ['a'] },
      c: { name: 'c', baseline: 'x', nsfw: false, tags: ['a', 'z'] },
    }).records;
    expect(names(searchRecords('image_generation', tags, { sortBy: 'tags' }))).toEqual([
      'b',
      'c',
      'a',
    ]);
    const lists = parseCategoryRecords('image_generation', {
      a: { name: 'a', baseline: 'x', nsfw: false, requirements: { samplers: ['k', 'x'] } },
      b: { name: 'b', baseline: 'x', nsfw: false, requirements: { samplers: ['k', 1] } },
    }).records;
    expect(
      refused(() => searchRecords('image_generation', lists, { sortBy: 'requirements__samplers' }))
        .message,
    ).toMatch(/cannot order \(("x"|1) and ("x"|1)\)/);
  });
});

describe('the optional fields of the model-held objects', () => {
  // The keys of the record type a record may leave out (the server's model reads them as None), and
  // nothing else: a type error here means the table in src/query/fields.ts no longer matches the
  // records. Required fields are always there in a parsed record.
  type OptionalKeys<T> = {
    [K in keyof T]-?: undefined extends T[K] ? K : null extends T[K] ? K : never;
  }[keyof T] &
    string;
  const optional =
    <T>() =>
    <const K extends readonly OptionalKeys<T>[]>(
      keys: K & ([Exclude<OptionalKeys<T>, K[number]>] extends [never] ? unknown : never),
    ): readonly string[] =>
      [...keys].sort();
  it.each([
    ['config', optional<RecordConfig>()(['embedded_component_hashes'])],
    [
      'metadata',
      optional<RecordMetadata>()(['created_at', 'updated_at', 'created_by', 'updated_by']),
    ],
    [
      'finetune_series',
      optional<FinetuneSeries>()(['version', 'author', 'description', 'homepage']),
    ],
    ['model_classification', optional<ModelClassification>()([])],
    [
      'licensing',
      optional<ModelLicensing>()(['attribution', 'reviewed_by', 'reviewed_at', 'notes']),
    ],
    ['context_window', optional<TextContextWindow>()(['qualification'])],
    ['guidance', optional<TextGuidanceSummary>()(['primary_profile_id'])],
  ])('%s', (field, keys) => {
    expect([...(optionalFields(field) ?? [])].sort()).toEqual(keys);
  });

  it('a required field a record somehow lacks is not read as null (the server always has it)', () => {
    const broken = {
      a: { name: 'a', model_classification: { domain: 'image', purpose: 'generation' } },
      b: { name: 'b', model_classification: { purpose: 'generation' } },
    };
    expect(
      refused(() =>
        searchRecords('clip', broken as never, { sortBy: 'model_classification__domain' }),
      ).message,
    ).toMatch(/on "b": no "domain" in model_classification \(an object\)/);
  });

  it('maps and non-objects have none (a dict answers only the keys it holds)', () => {
    for (const field of ['requirements', 'settings', 'interaction_modes', 'name', 'constructor'])
      expect(optionalFields(field)).toBeUndefined();
    expectTypeOf(optionalFields).returns.toEqualTypeOf<readonly string[] | undefined>();
  });
});
