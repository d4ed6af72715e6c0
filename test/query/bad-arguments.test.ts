// Issue 14 items 14 and 19: bad call arguments to the search functions, the query builder and the
// errors' own constructors come out as typed errors, never as a TypeError or a silently wrong
// answer; names inherited from Object.prototype are never fields.
import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  computeCategoryStatistics,
  createQuery,
  isInvalidOptionsError,
  isInvalidSearchParamsError,
  isModelReferenceError,
  isUnknownCategoryError,
  ModelNotFoundError,
  ModelQuery,
  type SearchParams,
  searchRecords,
  UnknownCategoryError,
} from '../../src/index.js';
import { searchAcrossCategories } from '../../src/query/search.js';
import { toSearchQuery, validateSearchParams } from '../../src/query/search-params.js';
import { FIXTURE_V2 } from '../../src/testing.js';
import { setup } from '../helpers/manager.js';

const PROTOTYPE_NAMES = [
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__proto__',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
];

function circular(): Record<string, unknown> {
  const value: Record<string, unknown> = { nsfw: false };
  value.self = value;
  return value;
}

/** The error `call` throws (or its promise rejects with). */
async function thrown(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

const images = () => createQuery('image_generation', FIXTURE_V2.image_generation as never);
const texts = () => createQuery('text_generation', FIXTURE_V2.text_generation as never);

describe('search parameters', () => {
  it('params that are not an object (null, a number, a string, a list, BigInt, a symbol) are an InvalidSearchParamsError', () => {
    for (const params of [null, 5, 'nsfw', [], 5n, Symbol('p'), () => ({})]) {
      for (const scope of ['clip', 'all'] as const) {
        const error = (() => {
          try {
            validateSearchParams(scope, params as SearchParams);
          } catch (e) {
            return e;
          }
        })();
        expect(isInvalidSearchParamsError(error)).toBe(true);
        expect((error as Error).message).toMatch(/expected an object of search parameters/);
      }
    }
  });

  it(`sortBy never takes a name inherited from Object.prototype (${PROTOTYPE_NAMES.length} names, every category and 'all')`, () => {
    for (const scope of [...CATEGORIES, 'all'] as const)
      for (const sortBy of PROTOTYPE_NAMES)
        for (const spelled of [sortBy, `${sortBy}__x`]) {
          expect(() => validateSearchParams(scope, { sortBy: spelled as never })).toThrow(
            /is not a field of/,
          );
        }
    // A declared field still sorts.
    expect(validateSearchParams('image_generation', { sortBy: 'name' }).sortPath).toEqual(['name']);
  });

  it('circular, BigInt and symbol values, and a getter that throws, are typed errors', () => {
    const getter = Object.defineProperty({}, 'nsfw', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const cases: unknown[] = [
      circular(),
      { limit: 5n },
      { nameContains: Symbol('x') },
      { tagsAny: [circular()] },
      { sortBy: 5n },
      getter,
      { [Symbol('key')]: 1, nsfw: 'no' },
    ];
    for (const params of cases)
      expect(() => validateSearchParams('image_generation', params as SearchParams)).toThrow(
        expect.objectContaining({ code: 'INVALID_SEARCH_PARAMS' }),
      );
  });

  it('an unknown scope is an UnknownCategoryError; toSearchQuery(null) is typed', () => {
    expect(() => validateSearchParams('stable_diffusion' as never, {})).toThrow(
      UnknownCategoryError,
    );
    expect(() => toSearchQuery(null as never)).toThrow(/expected an object of search parameters/);
    expect(toSearchQuery({ tagsAny: ['a'], sortBy: 'name' }).toString()).toBe(
      'tags_any=a&sort_by=name',
    );
  });
});

describe('search functions', () => {
  it('bad records arguments are InvalidOptionsError, a bad category UnknownCategoryError', () => {
    for (const records of [null, 5, 'x', [], 5n])
      expect(isInvalidOptionsError(thrownSync(() => searchRecords('clip', records as never)))).toBe(
        true,
      );
    expect(
      isInvalidOptionsError(thrownSync(() => searchRecords('clip', { x: null } as never))),
    ).toBe(true);
    expect(
      isUnknownCategoryError(
        thrownSync(() => searchRecords(5n as never, FIXTURE_V2.clip as never)),
      ),
    ).toBe(true);
    expect(isInvalidOptionsError(thrownSync(() => searchAcrossCategories(null as never)))).toBe(
      true,
    );
    expect(
      isInvalidOptionsError(thrownSync(() => searchAcrossCategories({ clip: 'x' } as never))),
    ).toBe(true);
    expect(
      isInvalidOptionsError(thrownSync(() => computeCategoryStatistics('clip', null as never))),
    ).toBe(true);
    expect(
      isUnknownCategoryError(
        thrownSync(() => computeCategoryStatistics('x' as never, {} as never)),
      ),
    ).toBe(true);
  });

  it('records a caller built with circular lists and BigInt values sort and group without a throw', () => {
    const loop: unknown[] = [];
    loop.push(loop);
    const records = {
      a: { name: 'a', tags: loop, size_on_disk_bytes: 1n },
      b: { name: 'b', tags: loop, size_on_disk_bytes: 2n },
    };
    expect(searchRecords('lora', records as never, { sortBy: 'tags' }).total).toBe(2);
    const query = createQuery('lora', records as never);
    expect(query.distinct('size_on_disk_bytes' as never)).toEqual([1n, 2n]);
    expect(query.groupBy('tags' as never).size).toBe(1);
  });
});

function thrownSync(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('the query builder checks its arguments at run time', () => {
  const bad: [string, () => unknown][] = [
    ['where(undefined, ...)', () => images().where(undefined as never, 'eq', true as never)],
    ['where(5, ...)', () => images().where(5 as never, 'eq', true as never)],
    ["where('', ...)", () => images().where('' as never, 'eq', true as never)],
    ["where('a____b', ...)", () => images().where('metadata____x' as never, 'eq', 1 as never)],
    ['an unknown operator', () => images().where('name', 'like' as never, 'x' as never)],
    ["'in' without a list", () => images().where('name', 'in', 'x' as never)],
    ["'lt' with a symbol", () => images().where('name', 'lt', Symbol('x') as never)],
    ["'gte' with NaN", () => images().where('size_on_disk_bytes', 'gte', Number.NaN)],
    ['limit(-1)', () => images().limit(-1)],
    ['limit(1.5)', () => images().limit(1.5)],
    ['limit(NaN)', () => images().limit(Number.NaN)],
    ["limit('5')", () => images().limit('5' as never)],
    ['limit(5n)', () => images().limit(5n as never)],
    ['offset(-1)', () => images().offset(-1)],
    ['offset(null)', () => images().offset(null as never)],
    ['orderBy(undefined)', () => images().orderBy(undefined as never)],
    ["orderBy('name__')", () => images().orderBy('name__' as never)],
    ['orderBy with options null', () => images().orderBy('name', null as never)],
    ["direction 'up'", () => images().orderBy('name', { direction: 'up' as never })],
    ["nulls 'middle'", () => images().orderBy('name', { nulls: 'middle' as never })],
    ['filter(5)', () => images().filter(5 as never)],
    ['tagsAny(5)', () => images().tagsAny(5 as never)],
    ['tagsNone(undefined)', () => images().tagsNone(undefined as never)],
    ['whereSource(null)', () => images().whereSource(null as never)],
    ['distinct(undefined)', () => images().distinct(undefined as never)],
    ['groupBy({})', () => images().groupBy({} as never)],
    ["nsfw('yes')", () => images().nsfw('yes' as never)],
    ['baseline(5)', () => images().baseline(5 as never)],
    ["backend('vllm')", () => texts().backend('vllm' as never)],
    ['quantized(1)', () => texts().quantized(1 as never)],
  ];
  it.each(bad)('%s is an InvalidSearchParamsError', (_, call) => {
    const error = thrownSync(call);
    expect(isInvalidSearchParamsError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Invalid search parameters: \w+: /);
  });

  it('limit(-1) no longer drops a record silently; limit() and limit(0) still work', () => {
    const all = images().toArray().length;
    expect(images().limit().toArray()).toHaveLength(all);
    expect(images().limit(0).toArray()).toHaveLength(0);
    expect(images().offset(1).limit(all).toArray()).toHaveLength(all - 1);
  });

  it('a name inherited from Object.prototype is never a field of a record', () => {
    for (const name of PROTOTYPE_NAMES) {
      if (name.includes('__')) {
        // `__` separates nested keys: `__proto__` has empty segments, a typed error.
        const error = thrownSync(() => images().distinct(name as never));
        expect(isInvalidSearchParamsError(error)).toBe(true);
        continue;
      }
      const matching = (field: string) =>
        images()
          .where(field as never, 'ne', undefined as never)
          .count();
      expect(matching(name)).toBe(0);
      expect(matching(`config__${name}`)).toBe(0);
      expect(images().distinct(name as never)).toEqual([undefined]);
    }
  });

  it('createQuery and the ModelQuery constructor refuse what is not records', () => {
    expect(isUnknownCategoryError(thrownSync(() => createQuery(5n as never, {} as never)))).toBe(
      true,
    );
    expect(isInvalidOptionsError(thrownSync(() => createQuery('clip', null as never)))).toBe(true);
    expect(isInvalidOptionsError(thrownSync(() => new ModelQuery(null as never)))).toBe(true);
    expect(isInvalidOptionsError(thrownSync(() => new ModelQuery({} as never)))).toBe(true);
  });
});

describe('the errors themselves never throw while describing a bad value', () => {
  it('UnknownCategoryError takes BigInt, symbols, circular objects and long strings', () => {
    expect(new UnknownCategoryError(5n).message).toMatch(/^Unknown model reference category 5n\./);
    expect(new UnknownCategoryError(Symbol('x')).message).toContain('Symbol(x)');
    expect(new UnknownCategoryError(circular()).message).toContain('an object');
    expect(new UnknownCategoryError([1, 2]).message).toContain('an array of 2');
    expect(new UnknownCategoryError('x'.repeat(10_000)).message.length).toBeLessThan(400);
    expect(new UnknownCategoryError('stable_diffusion').message).toContain('"stable_diffusion"');
    expect(new ModelNotFoundError('clip', 5n as never).message).toContain('Model 5n not found');
  });

  it('through the manager: search(clip, null), searchAll(null), getCategory(5n), sortBy constructor', async () => {
    const { refs } = setup();
    const cases: (() => Promise<unknown>)[] = [
      () => refs.search('clip', null as never),
      () => refs.searchAll(null as never),
      () => refs.getCategory(5n as never),
      () => refs.getCategory(Symbol('c') as never),
      () => refs.getCategory(circular() as never),
      // @ts-expect-error: not a field (the types refuse it; the run-time check too)
      () => refs.search('image_generation', { sortBy: 'constructor' }),
      // @ts-expect-error: not a field
      () => refs.searchAll({ sortBy: 'hasOwnProperty' }),
      () => refs.search('clip', circular() as never),
    ];
    for (const call of cases) expect(isModelReferenceError(await thrown(call))).toBe(true);
    expect(isUnknownCategoryError(await thrown(() => refs.getCategory(5n as never)))).toBe(true);
    await refs.close();
  });
});
