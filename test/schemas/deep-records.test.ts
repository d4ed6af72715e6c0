// Issue 14 item 9: a record nested 100,000 levels deep is a typed failure of that record (a
// RecordIssue / `invalid-record`), never `RangeError: Maximum call stack size exceeded`, whichever
// way it arrives (v2 category, one-model delta, GitHub legacy file, stored snapshot), and nothing
// downstream (storage, export, diff, search) overflows on it.
import { describe, expect, it } from 'vitest';
import { memoryStorage, type RecordIssue } from '../../src/index.js';
import { MAX_RECORD_DEPTH, parseCategoryRecords, parseRecord } from '../../src/schemas.js';
import { createStandInPrimary, FIXTURE_V2 } from '../../src/testing.js';
import { setup } from '../helpers/manager.js';

const LEVELS = 100_000;
/** JSON text of a value nested `LEVELS` deep, alternating objects and arrays, built as text. */
const deepJson = (levels = LEVELS) => `${'{"a":['.repeat(levels / 2)}1${']}'.repeat(levels / 2)}`;

const ALBEDO = FIXTURE_V2.image_generation['AlbedoBase XL (SDXL)'] as { name: string } & Record<
  string,
  unknown
>;
/** A valid image record, except for one extra field nested 100,000 levels deep, as JSON text. */
function deepRecordJson(name: string, where: 'extra' | 'config' = 'extra'): string {
  const body = JSON.stringify({ ...ALBEDO, name }).slice(0, -1);
  if (where === 'extra') return `${body},"future_field":${deepJson()}}`;
  if (!body.includes('"config":{')) throw new Error('the fixture record has a config object');
  return `${body.replace('"config":{', `"config":{"deep":${deepJson()},`)}}`;
}

/** The image category as the PRIMARY would send it, plus `extra` records given as JSON text. */
function categoryJson(extra: Record<string, string>): string {
  const base = JSON.stringify(FIXTURE_V2.image_generation).slice(0, -1);
  const added = Object.entries(extra).map(([key, text]) => `${JSON.stringify(key)}:${text}`);
  return `${base},${added.join(',')}}`;
}

/** The stand-in's fetch, with `body` served instead for URLs ending in `path`. */
function serving(standIn: ReturnType<typeof createStandInPrimary>, path: string, body: string) {
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (new URL(url).pathname.endsWith(path))
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    return standIn.fetch(input, init);
  };
  return fetch;
}

const tooDeep = expect.objectContaining({
  path: '(record)',
  message: expect.stringContaining(`${MAX_RECORD_DEPTH} levels`),
});

describe('records nested 100,000 levels deep', () => {
  it('parseRecord and parseCategoryRecords report them as an invalid record, keeping the others', () => {
    const deep = JSON.parse(deepRecordJson('Deep'));
    const parsed = parseRecord('image_generation', deep);
    expect(parsed).toEqual({ ok: false, issues: [tooDeep] });
    const inConfig = parseRecord('image_generation', JSON.parse(deepRecordJson('D', 'config')));
    expect(inConfig).toEqual({ ok: false, issues: [tooDeep] });
    const { records, issues } = parseCategoryRecords(
      'image_generation',
      JSON.parse(categoryJson({ Deep: deepRecordJson('Deep') })),
    );
    expect(Object.keys(records).sort()).toEqual(Object.keys(FIXTURE_V2.image_generation).sort());
    expect(issues).toEqual([
      expect.objectContaining({ key: 'Deep', name: 'Deep', issues: [tooDeep] }),
    ]);
  });

  it(`a record exactly ${MAX_RECORD_DEPTH} levels deep is accepted, one more is not`, () => {
    // The record is level 1, so its field may hold MAX_RECORD_DEPTH - 1 levels.
    const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    const at = (levels: number) =>
      parseRecord('clip', JSON.parse(`{"name":"x","f":${nested(levels)}}`)).ok;
    expect(at(MAX_RECORD_DEPTH - 1)).toBe(true);
    expect(at(MAX_RECORD_DEPTH)).toBe(false);
  });

  it('through the manager: the category is served without it, invalid-record names it, storage and export work', async () => {
    const standIn = createStandInPrimary();
    const body = categoryJson({
      Deep: deepRecordJson('Deep'),
      DeepConfig: deepRecordJson('DeepConfig', 'config'),
    });
    const storage = memoryStorage();
    const { refs } = setup(
      { storage, fetch: serving(standIn, '/v2/image_generation', body) },
      standIn,
    );
    const invalid: RecordIssue[] = [];
    const errors: Error[] = [];
    refs.on('invalid-record', (issue) => invalid.push(issue));
    refs.on('error', ({ error }) => errors.push(error));
    const records = await refs.getCategory('image_generation');
    expect(Object.keys(records).sort()).toEqual(Object.keys(FIXTURE_V2.image_generation).sort());
    expect(invalid.map((i) => i.name).sort()).toEqual(['Deep', 'DeepConfig']);
    expect(invalid[0]?.issues).toEqual([tooDeep]);
    expect((await refs.search('image_generation', { sortBy: 'name' })).total).toBe(
      Object.keys(records).length,
    );
    expect(JSON.stringify(await refs.exportSnapshot()).length).toBeGreaterThan(0);
    await refs.close();
    expect(errors).toEqual([]);
    expect(await storage.get('horde-model-reference:image_generation')).toContain(
      'AlbedoBase XL (SDXL)',
    );
  });

  it('through a one-model delta: checkForUpdates does not throw, and the old record stays', async () => {
    let serverNow = Date.now() - 60_000;
    const standIn = createStandInPrimary({ now: () => (serverNow += 1_000) });
    const name = 'AlbedoBase XL (SDXL)';
    let deep = false;
    const inner = serving(standIn, `/model/${encodeURIComponent(name)}`, deepRecordJson(name));
    const fetch: typeof globalThis.fetch = (input, init) =>
      deep ? inner(input, init) : standIn.fetch(input, init);
    const { refs } = setup({ fetch }, standIn);
    await refs.getCategory('image_generation');
    await refs.checkForUpdates();
    standIn.data.update('image_generation', { ...ALBEDO, description: 'changed' });
    deep = true;
    await expect(refs.checkForUpdates()).resolves.toBeInstanceOf(Array);
    const record = await refs.getModel('image_generation', name);
    expect(record).not.toHaveProperty('future_field');
    await refs.close();
  });

  it('through a GitHub legacy file: the category is converted and served, no stack overflow', async () => {
    const standIn = createStandInPrimary();
    standIn.setFault('primary', 'refuse');
    const file = `${standIn.githubRawUrl}/Haidra-Org/AI-Horde-image-model-reference/refs/heads/main/stable_diffusion.json`;
    const legacy = await (await standIn.fetch(file)).text();
    const deep = `"Deep":{"name":"Deep","baseline":"stable_diffusion_xl","type":"ckpt","future":${deepJson()}}`;
    const body = `${legacy.trimEnd().slice(0, -1)},${deep}}`;
    const { refs } = setup({ fetch: serving(standIn, '/stable_diffusion.json', body) }, standIn);
    const records = await refs.getCategory('image_generation');
    expect(Object.keys(records)).toContain('AlbedoBase XL (SDXL)');
    // The legacy converter keeps only the fields it knows: the deep one never reaches a record.
    expect(records.Deep).toBeDefined();
    expect(records.Deep).not.toHaveProperty('future');
    expect(refs.status().categories.image_generation?.origin).toBe('github');
    await refs.close();
  });

  it('through a stored snapshot: the start reads the good records and drops the deep one', async () => {
    const storage = memoryStorage();
    const first = setup({ storage });
    await first.refs.getCategory('image_generation');
    await first.refs.close();
    const key = 'horde-model-reference:image_generation';
    const stored = (await storage.get(key)) ?? '';
    const at = stored.indexOf('"records":{') + '"records":{'.length;
    await storage.set(
      key,
      `${stored.slice(0, at)}"Deep":${deepRecordJson('Deep')},${stored.slice(at)}`,
    );
    const down = createStandInPrimary();
    down.setFault('primary', 'refuse');
    down.setFault('github', 'refuse');
    const { refs } = setup({ storage }, down);
    const records = await refs.getCategory('image_generation');
    expect(Object.keys(records)).toContain('AlbedoBase XL (SDXL)');
    expect(Object.keys(records)).not.toContain('Deep');
    await refs.close();
  });
});
