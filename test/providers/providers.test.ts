import { describe, expect, it } from 'vitest';
import {
  InvalidOptionsError,
  type ModelProvider,
  pendingProvider,
  sourceOf,
  staticProvider,
  UnknownSourceError,
} from '../../src/index.js';
import { FIXTURE_V2 } from '../../src/testing.js';
import { setup } from '../helpers/manager.js';

const ALBEDO = 'AlbedoBase XL (SDXL)';
const albedo = FIXTURE_V2.image_generation[ALBEDO] as Record<string, unknown>;

/** A beta channel with a newer Albedo (now NSFW) and one model canonical does not have. */
const beta = () =>
  staticProvider('beta', {
    image_generation: {
      [ALBEDO]: { ...albedo, description: 'beta build', nsfw: true },
      'Beta Model': { ...albedo, name: 'Beta Model', description: 'only in beta' },
    },
  });

const failing: ModelProvider = {
  id: 'broken',
  categories: ['image_generation'],
  fetchCategory: async () => {
    throw new Error('provider database is down');
  },
};

describe('provider registry', () => {
  it('lists providers in registration order and unregisters them', () => {
    const { refs } = setup();
    refs.registerProvider(beta());
    refs.registerProvider(failing);
    expect(refs.listProviders().map((p) => p.id)).toEqual(['beta', 'broken']);
    expect(refs.unregisterProvider('beta')).toBe(true);
    expect(refs.unregisterProvider('beta')).toBe(false);
    expect(refs.listProviders().map((p) => p.id)).toEqual(['broken']);
  });

  it.each(['horde', 'any', '', '  '])('rejects the id %j', (id) => {
    const { refs } = setup();
    expect(() => refs.registerProvider({ ...failing, id })).toThrow(InvalidOptionsError);
  });

  it('rejects a duplicate id unless replace is asked for', () => {
    const { refs } = setup();
    refs.registerProvider(beta());
    expect(() => refs.registerProvider(beta())).toThrow(/already registered.*replace: true/);
    refs.registerProvider(beta(), { replace: true });
    expect(refs.listProviders()).toHaveLength(1);
  });

  it('refuses an unknown source id before any request, naming the registered ones', async () => {
    const { refs, standIn } = setup();
    refs.registerProvider(beta());
    const read = refs.getCategory('image_generation', { source: 'nope' });
    await expect(read).rejects.toThrow(UnknownSourceError);
    await expect(read).rejects.toThrow(/"nope".*Sources: horde, any, beta/);
    await expect(refs.search('clip', { source: [] })).rejects.toThrow(/empty list/);
    // An origin of the fallback chain is not a source, and the error says where it belongs.
    await expect(refs.getCategory('clip', { source: 'v2' })).rejects.toThrow(
      /"v2".*origin of the fallback chain.*`chain` option/,
    );
    expect(standIn.requests).toEqual([]);
  });
});

describe('reading with sources', () => {
  it('the first source listed wins a name collision; provenance is kept beside the records', async () => {
    const { refs } = setup();
    refs.registerProvider(beta());
    const betaFirst = await refs.getCategory('image_generation', { source: ['beta', 'horde'] });
    expect(betaFirst[ALBEDO]?.description).toBe('beta build');
    expect(sourceOf(betaFirst[ALBEDO] as object)).toBe('beta');
    expect(sourceOf(betaFirst['Ghibli Style'] as object)).toBe('horde');
    expect(Object.keys(betaFirst)).toHaveLength(9);

    const any = await refs.getCategory('image_generation', { source: 'any' });
    expect(any[ALBEDO]?.description).toBe(albedo.description);
    expect(sourceOf(any[ALBEDO] as object)).toBe('horde');
    expect(any['Beta Model']?.description).toBe('only in beta');
    expect(Object.keys(any[ALBEDO] as object)).not.toContain('source');

    const only = await refs.getCategory('image_generation', { source: 'beta' });
    expect(Object.keys(only)).toEqual([ALBEDO, 'Beta Model']);
  });

  it('search filters first and then keeps the first record of each name, as the server does', async () => {
    const { refs } = setup();
    refs.registerProvider(beta());
    // Canonical Albedo is SFW, beta's is NSFW: with nsfw=true only beta's survives the filter.
    const nsfw = await refs.search('image_generation', {
      source: 'any',
      nsfw: true,
      sortBy: 'name',
    });
    expect(nsfw.results.map((r) => [r.name, r.description])).toEqual([
      [ALBEDO, 'beta build'],
      [
        'Juggernaut Lightning',
        (FIXTURE_V2.image_generation['Juggernaut Lightning'] as { description: string })
          .description,
      ],
      [
        'Pony Grimdark',
        (FIXTURE_V2.image_generation['Pony Grimdark'] as { description: string }).description,
      ],
      [
        'Realistic Vision Inpainting',
        (FIXTURE_V2.image_generation['Realistic Vision Inpainting'] as { description: string })
          .description,
      ],
    ]);
    const sfw = await refs.search('image_generation', {
      source: 'any',
      nsfw: false,
      nameContains: 'albedo',
    });
    expect(sfw.results.map((r) => r.description)).toEqual([albedo.description]);
    const all = await refs.searchAll({ source: ['beta', 'horde'], nameContains: 'beta' });
    expect(all.results.map((r) => r.name)).toEqual(['Beta Model']);
  });

  it('a failing provider never breaks canonical reads; its failure is its status and an event', async () => {
    const { refs } = setup();
    refs.registerProvider(failing);
    const errors: { source?: string; error: Error }[] = [];
    refs.on('error', (e) => errors.push(e));
    const records = await refs.getCategory('image_generation', { source: 'any' });
    expect(Object.keys(records)).toHaveLength(8);
    const q = await refs.query('image_generation', { source: 'any' });
    expect(q.sourceStatus()).toEqual([
      { source: 'horde', state: 'ok', records: 8 },
      { source: 'broken', state: 'error', records: 0, error: 'provider database is down' },
    ]);
    expect(errors.map((e) => [e.source, e.error.message])).toContainEqual([
      'broken',
      'provider database is down',
    ]);
  });

  it('a slow provider is cut off at its own timeout, even if it ignores its signal', async () => {
    const { refs } = setup();
    refs.registerProvider({
      id: 'slow',
      categories: ['clip'],
      timeoutMs: 50,
      fetchCategory: () => new Promise(() => {}),
    });
    const q = await refs.query('clip', { source: ['slow', 'horde'] });
    expect(q.count()).toBe(2);
    expect(q.sourceStatus()[0]).toEqual({
      source: 'slow',
      state: 'error',
      records: 0,
      error: 'provider "slow" gave no answer within 50 ms',
    });
  });

  it('reports invalid provider records and serves the rest', async () => {
    const { refs } = setup();
    const invalid: string[] = [];
    refs.on('invalid-record', (issue) => invalid.push(issue.key));
    refs.registerProvider(
      staticProvider('mixed', { clip: { good: { name: 'good' }, bad: { name: 42 } } }),
    );
    const records = await refs.getCategory('clip', { source: 'mixed' });
    expect(Object.keys(records)).toEqual(['good']);
    expect(invalid).toEqual(['bad']);
  });

  it('the query builder knows sources: whereSource, groupBySource, duplicateNames, sourceStatus', async () => {
    const { refs } = setup();
    refs.registerProvider(beta());
    const q = await refs.query('image_generation', { source: ['beta', 'horde'] });
    expect(
      q
        .whereSource('beta')
        .toArray()
        .map((r) => r.name),
    ).toEqual([ALBEDO, 'Beta Model']);
    expect([...q.groupBySource().keys()]).toEqual(['beta', 'horde']);
    expect(q.groupBySource().get('horde')).toHaveLength(7);
    expect(q.duplicateNames()).toEqual([ALBEDO]);
    expect(q.sourceStatus().map((s) => [s.source, s.state, s.records])).toEqual([
      ['beta', 'ok', 2],
      ['horde', 'ok', 8],
    ]);
  });

  it('reports a canonical failure in the status while last-known-good data is served', async () => {
    const { refs, standIn } = setup({ ttlMs: 0, staleWhileRevalidate: false });
    await refs.getCategory('clip');
    standIn.setFault('primary', 'refuse');
    standIn.setFault('github', 'refuse');
    const q = await refs.query('clip');
    expect(q.count()).toBe(2);
    expect(q.sourceStatus()).toEqual([
      expect.objectContaining({ source: 'horde', state: 'error', records: 2 }),
    ]);
  });
});

describe('pendingProvider', () => {
  it('reads the pending route with its key, sent to the PRIMARY origin only', async () => {
    const { refs, standIn } = setup();
    standIn.setFault('v2', 'server-error', { status: 503 }); // canonical comes from v1/GitHub
    standIn.data.setPending('image_generation', {
      'Fresh Upload': { ...albedo, name: 'Fresh Upload' },
    });
    refs.registerProvider(pendingProvider({ apiKey: 'reader-key' }));
    const records = await refs.getCategory('image_generation', { source: ['pending', 'horde'] });
    expect(sourceOf(records['Fresh Upload'] as object)).toBe('pending');
    const pending = standIn.requests.filter((r) => r.family === 'pending');
    expect(pending.map((r) => r.headers.apikey)).toEqual(['reader-key']);
    const elsewhere = standIn.requests.filter((r) => r.family !== 'pending');
    expect(elsewhere.length).toBeGreaterThan(0);
    expect(elsewhere.every((r) => r.headers.apikey === undefined)).toBe(true);
  });

  it('turns a refused key (403) into the provider status, with canonical data still served', async () => {
    const { refs, standIn } = setup();
    standIn.setFault('pending', 'client-error', { status: 403 });
    refs.registerProvider(pendingProvider({ apiKey: 'not-a-reader' }));
    const q = await refs.query('clip', { source: 'any' });
    expect(q.count()).toBe(2);
    expect(q.sourceStatus()[1]).toEqual(
      expect.objectContaining({
        source: 'pending',
        state: 'error',
        error: expect.stringMatching(/403/),
      }),
    );
  });

  it('needs a key and a PRIMARY', async () => {
    expect(() => pendingProvider({ apiKey: '' })).toThrow(InvalidOptionsError);
    const provider = pendingProvider({ apiKey: 'k' });
    const options = { signal: new AbortController().signal, primaryUrl: null, fetch: undefined };
    await expect(provider.fetchCategory('clip', options)).rejects.toThrow(/needs a PRIMARY/);
  });
});

describe('provider records and prototypes', () => {
  it('a provider record named __proto__ stays a plain key of a null-prototype object', async () => {
    const { refs } = setup();
    refs.registerProvider(
      staticProvider('odd', { clip: JSON.parse('{"__proto__": {"name": "__proto__"}}') }),
    );
    const records = await refs.getCategory('clip', { source: ['odd', 'horde'] });
    expect(Object.getPrototypeOf(records)).toBeNull();
    expect(Object.hasOwn(records, '__proto__')).toBe(true);
    const [odd] = Object.values(records).filter((r) => r.name === '__proto__');
    expect(sourceOf(odd as object)).toBe('odd');
    expect(({} as Record<string, unknown>).name).toBeUndefined();
  });
});
