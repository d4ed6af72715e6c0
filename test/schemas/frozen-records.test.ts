// Issue 14 item 13: every record the SDK hands out is deep-frozen, whichever way it arrived
// (v2, GitHub legacy conversion, stored snapshot, one-model delta, provider, API client), so no
// caller can change what search() and statistics() answer for every other caller.
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/api.js';
import { CATEGORIES, memoryStorage, staticProvider } from '../../src/index.js';
import { parseCategoryRecords, parseRecord } from '../../src/schemas.js';
import { createStandInPrimary, FIXTURE_V2 } from '../../src/testing.js';
import { setup } from '../helpers/manager.js';

/** Every object and array reachable from `value` that is not frozen, by path. */
function unfrozen(value: unknown, path = '(record)'): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const here = Object.isFrozen(value) ? [] : [path];
  return here.concat(
    Object.entries(value).flatMap(([key, child]) => unfrozen(child, `${path}.${key}`)),
  );
}

function expectDeepFrozen(records: Readonly<Record<string, unknown>>): void {
  expect(Object.keys(records).length).toBeGreaterThan(0);
  for (const record of Object.values(records)) expect(unfrozen(record)).toEqual([]);
}

describe('records are deep-frozen', () => {
  it('parseCategoryRecords freezes every record of every category, and everything inside it, without changing it', () => {
    for (const category of CATEGORIES) {
      const raw = structuredClone(FIXTURE_V2[category]);
      const before = JSON.stringify(parseCategoryRecords(category, structuredClone(raw)).records);
      const { records } = parseCategoryRecords(category, raw);
      if (Object.keys(records).length === 0) continue;
      expectDeepFrozen(records);
      expect(JSON.stringify(records)).toBe(before);
    }
  });

  it('parseRecord freezes unknown fields a newer server sends, however they nest', () => {
    const parsed = parseRecord('clip', {
      name: 'ViT-L/14',
      future: { list: [{ deep: { deeper: [1, { x: 'y' }] } }] },
    });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(unfrozen(parsed.record)).toEqual([]);
  });

  it('a caller changing a record throws, and search() and statistics() answer the same for everyone', async () => {
    const { refs } = setup();
    const models = await refs.getCategory('image_generation');
    const before = await refs.search('image_generation', { nsfw: false });
    const stats = await refs.statistics('image_generation');
    const [record] = Object.values(models);
    if (!record) throw new Error('the fixture has image models');
    const writable = record as unknown as {
      nsfw: boolean;
      tags: string[];
      config: { download: { file_url: string }[] };
    };
    expect(() => {
      writable.nsfw = !writable.nsfw;
    }).toThrow(TypeError);
    expect(() => writable.tags.push('mine')).toThrow(TypeError);
    expect(() => {
      const [file] = writable.config.download;
      if (file) file.file_url = 'https://evil.example/x';
      else throw new TypeError('no download entry to change');
    }).toThrow(TypeError);
    expect(() => {
      (models as Record<string, unknown>).injected = record;
    }).toThrow(TypeError);
    expect(await refs.search('image_generation', { nsfw: false })).toEqual(before);
    // computed_at is the clock's second, which may tick between the two calls.
    expect(await refs.statistics('image_generation')).toEqual({
      ...stats,
      computed_at: expect.any(Number),
    });
    expectDeepFrozen(await refs.refresh('image_generation'));
    await refs.close();
  });

  it('records converted from GitHub legacy files are deep-frozen', async () => {
    const standIn = createStandInPrimary();
    standIn.setFault('primary', 'refuse');
    const { refs } = setup({}, standIn);
    expectDeepFrozen(await refs.getCategory('image_generation'));
    expectDeepFrozen(await refs.getCategory('text_generation'));
    expect(refs.status().categories.image_generation?.origin).toBe('github');
    await refs.close();
  });

  it('records read back from storage at start are deep-frozen', async () => {
    const storage = memoryStorage();
    const first = setup({ storage });
    await first.refs.getCategory('clip');
    await first.refs.close();
    const down = createStandInPrimary();
    down.setFault('primary', 'refuse');
    down.setFault('github', 'refuse');
    const { refs } = setup({ storage }, down);
    expectDeepFrozen(await refs.getCategory('clip'));
    await refs.close();
  });

  it('a record fetched alone by a one-model delta is deep-frozen', async () => {
    let serverNow = Date.now() - 60_000;
    const standIn = createStandInPrimary({ now: () => (serverNow += 1_000) });
    const { refs } = setup({}, standIn);
    await refs.getCategory('image_generation');
    await refs.checkForUpdates();
    const albedo = FIXTURE_V2.image_generation['AlbedoBase XL (SDXL)'] as { name: string };
    standIn.data.update('image_generation', { ...albedo, description: 'changed by the delta' });
    const [change] = await refs.checkForUpdates();
    expect(change?.via).toBe('delta');
    const record = await refs.getModel('image_generation', 'AlbedoBase XL (SDXL)');
    expect(record.description).toBe('changed by the delta');
    expect(unfrozen(record)).toEqual([]);
    await refs.close();
  });

  it("a provider's records are deep-frozen, and the provider's own objects are not touched", async () => {
    const mine = { name: 'My Model', nested: { list: [{ a: 1 }] } };
    const { refs } = setup();
    refs.registerProvider(staticProvider('in-house', { clip: { 'My Model': mine } }));
    const records = await refs.getCategory('clip', { source: 'in-house' });
    expectDeepFrozen(records);
    expect(Object.isFrozen(mine.nested)).toBe(false);
    await refs.close();
  });

  it("the API client's records are deep-frozen", async () => {
    const standIn = createStandInPrimary();
    const api = createApiClient({ baseUrl: standIn.primaryUrl, fetch: standIn.fetch });
    expectDeepFrozen((await api.v2.getCategory('image_generation')).records);
    const one = await api.v2.getModel('image_generation', 'AlbedoBase XL (SDXL)');
    expect(unfrozen(one)).toEqual([]);
  });
});
