// Issue 18: the served baseline catalog in the manager, kept like a category, and the bundled copy
// when the PRIMARY has none (a 7.6 server) or cannot be reached.
import { describe, expect, it } from 'vitest';
import { ModelReferenceManager, memoryStorage, selectModels } from '../../src/index.js';
import { createStandInPrimary } from '../../src/testing.js';
import { setup } from '../helpers/manager.js';

describe('baselineCatalog()', () => {
  it('an 8.x PRIMARY: its catalog, cached for the TTL, persisted and in snapshots', async () => {
    const standIn = createStandInPrimary({ generation: '8.x' });
    const storage = memoryStorage();
    const { refs } = setup({ storage, ttlMs: 60_000 }, standIn);
    const first = await refs.baselineCatalog();
    expect(first).toMatchObject({ origin: 'v2', reason: null });
    expect(Object.keys(first.catalog.baselines)).toContain('krea2_turbo');
    const requests = standIn.requests.length;
    expect((await refs.baselineCatalog()).catalog).toBe(first.catalog);
    expect(standIn.requests.length).toBe(requests); // within the TTL: from memory
    expect(await storage.get('horde-model-reference:image-baselines')).toContain('krea2_turbo');
    const snapshot = await refs.exportSnapshot();
    expect(Object.keys((snapshot.baselines as { baselines: object }).baselines)).toContain('anima');
    // A manager seeded with the snapshot serves it with no network at all.
    const seeded = new ModelReferenceManager({ primaryUrl: null, github: false, snapshot });
    expect(await seeded.baselineCatalog()).toMatchObject({ origin: 'snapshot' });
  });

  it('a 7.6 PRIMARY (404): the bundled copy, saying why, and no crash', async () => {
    const { refs } = setup({}, createStandInPrimary({ generation: '7.6' }));
    const read = await refs.baselineCatalog();
    expect(read.origin).toBe('bundled');
    expect(read.reason).toMatch(/does not serve the baseline catalog \(404/);
    expect(Object.keys(read.catalog.baselines)).toContain('stable_diffusion_xl');
  });

  it('the PRIMARY down: the stored catalog, then the bundled one, never an error', async () => {
    const up = createStandInPrimary({ generation: '8.x' });
    const storage = memoryStorage();
    await setup({ storage }, up).refs.baselineCatalog();
    const down = createStandInPrimary({ generation: '8.x' });
    down.setFault('primary', 'refuse');
    const stored = await setup({ storage }, down).refs.baselineCatalog();
    expect(stored.origin).toBe('snapshot');
    expect(stored.reason).toMatch(/connection/);
    const nothing = await setup({}, down).refs.baselineCatalog();
    expect(nothing.origin).toBe('bundled');
  });

  it('a baseline the served catalog adds is known to selectModels without a release', async () => {
    const standIn = createStandInPrimary({ generation: '8.x' });
    const { baselines } = standIn.resources.baselines as { baselines: Record<string, unknown> };
    baselines.brand_new_2027 = {
      name: 'brand_new_2027',
      display_name: 'Brand New',
      native_resolution: 1024,
      alternative_names: [],
      capabilities: {},
    };
    standIn.data.create('image_generation', {
      name: 'Next Gen',
      baseline: 'brand_new_2027',
      nsfw: false,
    });
    const { refs } = setup({}, standIn);
    const records = await refs.getCategory('image_generation');
    const names = (picked: unknown) => JSON.stringify(picked).includes('Next Gen');
    // Unknown to this release: left out...
    expect(names(selectModels(records, {}))).toBe(false);
    // ...known once the served catalog names it.
    const { catalog, origin } = await refs.baselineCatalog();
    expect(origin).toBe('v2');
    expect(names(selectModels(records, { baselineCatalog: catalog }))).toBe(true);
  });

  it('a deprecated alias finds the canonical record (control_qr_sdxl → control_qr_xl)', async () => {
    const { refs } = setup();
    expect((await refs.getModel('controlnet', 'control_qr_sdxl')).name).toBe('control_qr_xl');
  });
});
