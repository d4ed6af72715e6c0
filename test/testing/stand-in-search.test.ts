// The stand-in PRIMARY answers the search routes as the service does: the API client's search
// against it gives what the manager's local search gives on the same data, and bad parameters are
// refused with the service's statuses and bodies.
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/api.js';
import {
  type Category,
  isApiError,
  isInvalidSearchParamsError,
  type SearchAllParams,
  type SearchParams,
} from '../../src/index.js';
import { createStandInPrimary, type ServerGeneration } from '../../src/testing.js';
import { setup } from '../helpers/manager.js';

function pair(generation: ServerGeneration) {
  const { refs, standIn } = setup({}, createStandInPrimary({ generation }));
  const api = createApiClient({ baseUrl: standIn.primaryUrl, fetch: standIn.fetch, retry: 0 });
  return { refs, standIn, api };
}

const names = (records: readonly { name: string }[]) => records.map((r) => r.name);

type Case = [ServerGeneration, Category, SearchParams];
const CASES: readonly Case[] = [
  ['7.6', 'clip', {}],
  ['7.6', 'image_generation', { nsfw: false, sortBy: 'name', sortDesc: true }],
  ['7.6', 'image_generation', { tagsAny: ['anime', 'cg'], tagsNone: ['retro'] }],
  ['7.6', 'image_generation', { baseline: 'stable_diffusion_xl', sortBy: 'size_on_disk_bytes' }],
  // Pony Grimdark has no size: null sorts first descending, last ascending.
  ['7.6', 'image_generation', { sortBy: 'size_on_disk_bytes', sortDesc: true, limit: 3 }],
  ['7.6', 'image_generation', { sortBy: 'metadata__created_at', offset: 2, limit: 3 }],
  ['7.6', 'text_generation', { sortBy: 'parameters', sortDesc: true, offset: 1 }],
  ['7.6', 'text_generation', { quantized: true, nameContains: 'B' }],
  ['7.6', 'image_generation', { source: 'any', nsfw: true, tagsAll: ['furry'] }],
  ['8.x', 'image_generation', { commercialUse: 'allowed', sortBy: 'name' }],
  ['8.x', 'image_generation', { redistribution: 'unknown', limit: 2 }],
  ['8.x', 'text_generation', { licenseId: 'Apache-2.0' }],
  ['8.x', 'image_generation', { commercialUse: 'prohibited', nsfw: true }],
];

describe('the API client against the stand-in PRIMARY: search', () => {
  it.each(CASES)('%s %s %j: the records and order of manager.search', async (g, c, params) => {
    const { refs, api, standIn } = pair(g);
    const remote = await api.v2.search(c, params);
    const local = await refs.search(c, params);
    expect(standIn.requests.some((r) => new URL(r.url).pathname.endsWith(`/${c}/search`))).toBe(
      true,
    );
    expect(local.results.length).toBeGreaterThan(0);
    expect(names(remote.results)).toEqual(names(local.results));
    expect(remote.results).toEqual(local.results);
    expect(remote.issues).toEqual([]);
    expect({ ...remote, results: [], issues: [] }).toEqual({ ...local, results: [], issues: [] });
  });

  it('sorts as the service: a descending sort is not the ascending one reversed (ties, nulls)', async () => {
    const { api } = pair('7.6');
    const up = await api.v2.search('image_generation', { sortBy: 'size_on_disk_bytes' });
    const down = await api.v2.search('image_generation', {
      sortBy: 'size_on_disk_bytes',
      sortDesc: true,
    });
    expect(names(up.results).at(-1)).toBe('Pony Grimdark');
    expect(names(down.results)[0]).toBe('Pony Grimdark');
  });

  it.each([
    ['7.6', { sortBy: 'name' }],
    ['7.6', { nsfw: false, tagsAny: ['anime', 'assistant'], offset: 1, limit: 3 }],
    ['7.6', { nameContains: 'mistral', sortBy: 'size_on_disk_bytes', sortDesc: true }],
    ['8.x', { commercialUse: 'allowed', sortBy: 'name' }],
  ] as [ServerGeneration, SearchAllParams][])(
    'searchAll %s %j: as manager.searchAll',
    async (g, params) => {
      const { refs, api } = pair(g);
      const remote = await api.v2.searchAll(params);
      const local = await refs.searchAll(params);
      expect(local.results.length).toBeGreaterThan(0);
      expect(remote.results).toEqual(local.results);
      expect([remote.total, remote.hasMore]).toEqual([local.total, local.hasMore]);
    },
  );

  it('searchPages and searchAllPages walk every page, in the order of one local search', async () => {
    const { refs, api, standIn } = pair('8.x');
    const params = { sortBy: 'name', limit: 2 } as const;
    const pages = [];
    for await (const page of api.v2.searchPages('image_generation', params)) pages.push(page);
    const whole = await refs.search('image_generation', { ...params, limit: 500 });
    expect(whole.total).toBe(9);
    expect(pages.map((p) => p.results.length)).toEqual([2, 2, 2, 2, 1]);
    expect(pages.flatMap((p) => p.results)).toEqual(whole.results);
    const searches = standIn.requests.filter((r) => r.url.includes('/image_generation/search'));
    expect(searches.map((r) => new URL(r.url).searchParams.get('offset'))).toEqual([
      '0',
      '2',
      '4',
      '6',
      '8',
    ]);
    expect(searches.every((r) => r.family === 'v2')).toBe(true);

    const all = [];
    for await (const page of api.v2.searchAllPages({ sortBy: 'name', limit: 7 }))
      all.push(...page.results);
    const local = await refs.searchAll({ sortBy: 'name', limit: 500 });
    expect(all.length).toBe(local.total);
    expect(all).toEqual(local.results);
  });

  it("searches the stand-in's current data: a write shows at once", async () => {
    const { api, standIn } = pair('7.6');
    const before = await api.v2.search('image_generation', { nameContains: 'brand new' });
    expect(before.total).toBe(0);
    standIn.data.create('image_generation', {
      name: 'Brand New XL',
      baseline: 'stable_diffusion_xl',
      nsfw: false,
      config: { download: [] },
    });
    const after = await api.v2.search('image_generation', { nameContains: 'brand new' });
    expect(names(after.results)).toEqual(['Brand New XL']);
  });
});

describe('explicit nulls, as the service', () => {
  it('are left out of results (exclude_none), and match neither inpainting=true nor false', async () => {
    const { refs, api, standIn } = pair('7.6');
    standIn.data.create('image_generation', {
      name: 'Nully',
      baseline: 'stable_diffusion_xl',
      nsfw: false,
      inpainting: null,
      description: null,
      config: { download: [] },
    });
    const raw = await standIn.fetch(
      `${standIn.primaryUrl}/model_references/v2/image_generation/search?name_contains=nully`,
    );
    const [record] = (await raw.json()).results;
    expect(record).toMatchObject({ name: 'Nully', nsfw: false });
    expect(record).not.toHaveProperty('inpainting');
    expect(record).not.toHaveProperty('description');
    for (const inpainting of [true, false]) {
      const remote = await api.v2.search('image_generation', { inpainting });
      const local = await refs.search('image_generation', { inpainting });
      expect(names(remote.results)).not.toContain('Nully');
      expect(names(remote.results)).toEqual(names(local.results));
    }
  });
});

describe('the API client against the stand-in PRIMARY: refusals', () => {
  it('a sort the records cannot take: the typed error, from the service 400, as locally', async () => {
    const { refs, api } = pair('7.6');
    const params = { sortBy: 'finetune_series__name' } as SearchParams<'image_generation'>;
    const remote = await api.v2.search('image_generation', params).catch((e: unknown) => e);
    expect(isInvalidSearchParamsError(remote)).toBe(true);
    const cause = (remote as Error).cause;
    expect(isApiError(cause) && cause.status).toBe(400);
    expect(isApiError(cause) && cause.detail).toMatch(/^Unknown source: Field path/);
    const local = await refs.search('image_generation', params).catch((e: unknown) => e);
    expect(isInvalidSearchParamsError(local)).toBe(true);
  });

  it('a cross-category sort that fails: the service 500 becomes the typed error', async () => {
    const { api, standIn } = pair('7.6');
    // An object field: the types refuse it, a caller without them can send it.
    const error = await api.v2.searchAll({ sortBy: 'metadata' as never }).catch((e: unknown) => e);
    expect(isInvalidSearchParamsError(error)).toBe(true);
    const cause = (error as Error).cause;
    expect(isApiError(cause) && cause.status).toBe(500);
    // The client asked once more, unsorted, to tell the sort apart from a failing server.
    expect(standIn.requests.filter((r) => r.url.includes('/v2/search')).length).toBe(2);
  });

  it('a parameter the client refuses is never sent', async () => {
    const { api, standIn } = pair('7.6');
    const error = await api.v2
      .search('clip', { nsfw: false } as SearchParams<Category>)
      .catch((e: unknown) => e);
    expect(isInvalidSearchParamsError(error)).toBe(true);
    expect(standIn.count('v2')).toBe(0);
  });

  it('faults apply to the search routes (family v2)', async () => {
    const { api, standIn } = pair('7.6');
    standIn.setFault('v2', 'server-error', { status: 503 });
    const error = await api.v2.search('clip').catch((e: unknown) => e);
    expect(isApiError(error) && error.status).toBe(503);
    const cross = await api.v2.searchAll().catch((e: unknown) => e);
    expect(isApiError(cross) && cross.status).toBe(503);
    standIn.setFault('v2', 'ok');
    expect((await api.v2.search('clip')).total).toBe(2);
  });
});

describe('the stand-in answers bad search requests as the service', () => {
  const ask = async (path: string, generation: ServerGeneration = '7.6', method = 'GET') => {
    const standIn = createStandInPrimary({ generation });
    const response = await standIn.fetch(`${standIn.primaryUrl}/model_references/v2/${path}`, {
      method,
    });
    const text = await response.text();
    return { status: response.status, text, type: response.headers.get('content-type') };
  };
  const detailOf = (text: string) => (JSON.parse(text) as { detail: unknown }).detail;

  it('422 with a validation list for values it cannot read or out of bounds', async () => {
    const { status, text } = await ask('image_generation/search?limit=0&offset=-1&nsfw=maybe');
    expect(status).toBe(422);
    expect(detailOf(text)).toEqual([
      expect.objectContaining({ type: 'bool_parsing', loc: ['query', 'nsfw'], input: 'maybe' }),
      expect.objectContaining({ type: 'greater_than_equal', loc: ['query', 'limit'] }),
      expect.objectContaining({ type: 'greater_than_equal', loc: ['query', 'offset'] }),
    ]);
    const big = await ask('search?limit=501&sort_desc=yes');
    expect(detailOf(big.text)).toEqual([
      expect.objectContaining({ type: 'less_than_equal', loc: ['query', 'limit'] }),
    ]);
  });

  it('422 with a string for an unknown category', async () => {
    const { status, text } = await ask('nope/search');
    expect(status).toBe(422);
    expect(detailOf(text)).toMatch(/^Unknown category 'nope'\. Valid: \['blip', 'clip'/);
  });

  it.each([
    ['clip/search?nsfw=false', /^Filter not supported for this category: Field 'nsfw'/],
    ['image_generation/search?sort_by=bogus', /^Invalid sort_by field: Field 'bogus'/],
    // The service's field name is parameters_count; `parameters` is not one.
    ['text_generation/search?sort_by=parameters', /^Invalid sort_by field: Field 'parameters'/],
    ['text_generation/search?backend=bogus', /^Unknown source: Unknown backend 'bogus'/],
    ['image_generation/search?source=elsewhere', /^Unknown source: No provider registered/],
    ['search?sort_by=baseline', /^Invalid sort_by field: Field 'baseline'/],
  ])('400 for %s', async (path, message) => {
    const { status, text } = await ask(path);
    expect(status).toBe(400);
    expect(detailOf(text)).toMatch(message);
  });

  it('a bare 500 where the service has no handler: lora, a failed cross-category sort', async () => {
    for (const path of ['lora/search', 'search?sort_by=metadata']) {
      const { status, text, type } = await ask(path);
      expect([status, text, type]).toEqual([
        500,
        'Internal Server Error',
        'text/plain; charset=utf-8',
      ]);
    }
  });

  it('ignores what the service ignores: text filters elsewhere, unknown names, 8.x filters on 7.6', async () => {
    const all = JSON.parse((await ask('image_generation/search')).text);
    for (const path of [
      'image_generation/search?backend=bogus&quantized=true&exclude_backend_variations=1',
      'image_generation/search?colour=blue',
      'image_generation/search?commercial_use=bad',
    ]) {
      const { status, text } = await ask(path);
      expect(status).toBe(200);
      expect(JSON.parse(text)).toEqual(all);
    }
    // FastAPI still reads a declared parameter the handler then ignores.
    const unread = await ask('image_generation/search?quantized=maybe-not');
    expect(detailOf(unread.text)).toEqual([
      expect.objectContaining({ type: 'bool_parsing', loc: ['query', 'quantized'] }),
    ]);
    const refused = await ask('image_generation/search?commercial_use=bad', '8.x');
    expect(refused.status).toBe(422);
    expect(detailOf(refused.text)).toEqual([
      expect.objectContaining({ type: 'enum', loc: ['query', 'commercial_use'] }),
    ]);
  });

  it('serializes as the service: parameters_count, and 405 for another method', async () => {
    const { text } = await ask('text_generation/search?sort_by=parameters_count&limit=1');
    const [record] = JSON.parse(text).results;
    expect(record).toMatchObject({ name: 'gpt2', parameters_count: expect.any(Number) });
    expect(record).not.toHaveProperty('parameters');
    const post = await ask('clip/search', '7.6', 'POST');
    expect(post.status).toBe(405);
  });
});
