import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManagerClosedError, ModelReferenceManager, memoryStorage } from '../../src/index.js';
import { createStandInPrimary } from '../../src/testing.js';
import { setup } from '../helpers/manager.js';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('TTL cache', () => {
  it('serves fresh data without a request within the TTL', async () => {
    const { refs, standIn } = setup({ ttlMs: 60_000 });
    const first = await refs.getCategory('clip');
    const second = await refs.getCategory('clip');
    expect(second).toBe(first);
    expect(standIn.count('v2')).toBe(1);
    expect(refs.status().categories.clip?.fresh).toBe(true);
  });

  it('after the TTL, serves the cached records at once and refreshes in the background', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { refs, standIn } = setup({ ttlMs: 60_000 });
    const first = await refs.getCategory('esrgan');
    standIn.data.update('esrgan', { name: 'RealESRGAN_x4plus', description: 'changed' });
    vi.advanceTimersByTime(60_001);
    expect(refs.status().categories.esrgan?.fresh).toBe(false);
    const served = await refs.getCategory('esrgan');
    expect(served).toBe(first);
    await until(() => refs.status().categories.esrgan?.fresh === true);
    expect(standIn.count('v2')).toBe(2);
    const next = await refs.getCategory('esrgan');
    expect(next).not.toBe(first);
    expect(next.RealESRGAN_x4plus?.description).toBe('changed');
    // A reader holding the old object never sees it change.
    expect(first.RealESRGAN_x4plus?.description).toBe('4x upscaler.');
    expect(Object.isFrozen(next)).toBe(true);
  });

  it('with staleWhileRevalidate off, a read after the TTL waits for the refresh', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { refs, standIn } = setup({ ttlMs: 1_000, staleWhileRevalidate: false });
    await refs.getCategory('gfpgan');
    standIn.data.create('gfpgan', { name: 'GFPGAN 2' });
    vi.advanceTimersByTime(1_001);
    expect(Object.keys(await refs.getCategory('gfpgan'))).toEqual(['GFPGAN', 'GFPGAN 2']);
  });

  it('a failed background refresh keeps the last-known-good data and emits stale once', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { refs, standIn } = setup({ ttlMs: 1_000 });
    const first = await refs.getCategory('blip');
    standIn.setFault('primary', 'refuse');
    standIn.setFault('github', 'refuse');
    const stale = vi.fn();
    refs.on('stale', stale);
    vi.advanceTimersByTime(1_001);
    expect(await refs.getCategory('blip')).toBe(first);
    await until(() => stale.mock.calls.length === 1);
    expect(await refs.getCategory('blip')).toBe(first);
    expect(refs.status().categories.blip).toMatchObject({ stale: true, fresh: false });
    await refs.close();
  });
});

describe('single-flight and abort', () => {
  it('1,000 concurrent cold reads of one category cause exactly one request', async () => {
    const { refs, standIn } = setup();
    const reads = await Promise.all(
      Array.from({ length: 1_000 }, () => refs.getCategory('text_generation')),
    );
    expect(standIn.count('v2')).toBe(1);
    expect(new Set(reads).size).toBe(1);
  });

  it('an abort mid-request rejects with the abort reason and never falls through to the next source', async () => {
    const { refs, standIn } = setup({ timeoutMs: 10_000 });
    standIn.setFault('v2', 'hang');
    const controller = new AbortController();
    const read = refs.getCategory('clip', { signal: controller.signal });
    await until(() => standIn.count('v2') === 1);
    controller.abort(new Error('user cancelled'));
    await expect(read).rejects.toThrow('user cancelled');
    await flush();
    expect(standIn.count('v1')).toBe(0);
    expect(standIn.count('github')).toBe(0);
    expect(refs.status().chain.v2?.failures).toBe(0);
  });

  it('one reader aborting does not cancel the request others wait for', async () => {
    const { refs, standIn } = setup({ timeoutMs: 10_000 });
    standIn.setFault('v2', 'slow', { delayMs: 30 });
    const controller = new AbortController();
    const impatient = refs.getCategory('clip', { signal: controller.signal });
    const patient = refs.getCategory('clip');
    controller.abort(new Error('gone'));
    await expect(impatient).rejects.toThrow('gone');
    expect(Object.keys(await patient)).toHaveLength(2);
    expect(standIn.count('v2')).toBe(1);
  });

  it('an already-aborted signal rejects before any request', async () => {
    const { refs, standIn } = setup();
    await expect(
      refs.getCategory('clip', { signal: AbortSignal.abort(new Error('early')) }),
    ).rejects.toThrow('early');
    expect(standIn.count()).toBe(0);
  });
});

describe('getAll', () => {
  it('reads every category; one that fails everywhere is reported, not fatal', async () => {
    const { refs, standIn } = setup();
    standIn.setFault('v2', 'server-error', { status: 500 });
    const { categories, errors } = await refs.getAll();
    expect(Object.keys(errors)).toEqual([
      'controlnet_annotator',
      'video_generation',
      'audio_generation',
      'lora',
      'ti',
    ]);
    expect(Object.keys(categories.image_generation ?? {})).toHaveLength(8);
    expect(Object.keys(categories)).toHaveLength(10);
  });
});

describe('snapshots and persistence', () => {
  const dead: typeof fetch = async () => {
    throw new TypeError('fetch failed');
  };

  it('exportSnapshot seeds a new manager that needs no network at all', async () => {
    const { refs } = setup();
    await refs.getCategory('image_generation');
    await refs.getCategory('text_generation');
    const snapshot = JSON.parse(JSON.stringify(await refs.exportSnapshot()));
    expect(snapshot.categories.map((c: { category: string }) => c.category)).toEqual([
      'image_generation',
      'text_generation',
    ]);
    const offline = new ModelReferenceManager({ snapshot, fetch: dead, github: false });
    const text = await offline.getCategory('text_generation');
    expect(Object.keys(text)).toHaveLength(7);
    expect(offline.status().categories.text_generation).toMatchObject({
      origin: 'snapshot',
      url: expect.stringContaining('/v2/text_generation'),
    });
    await offline.close();
  });

  it('a persisted warm start serves the stored data with the network down, then refreshes', async () => {
    const storage = memoryStorage();
    const { refs } = setup({ storage });
    await refs.getCategory('controlnet');
    await flush();
    const standIn = createStandInPrimary();
    standIn.setFault('primary', 'refuse');
    standIn.setFault('github', 'refuse');
    const { refs: restarted } = setup({ storage }, standIn);
    const records = await restarted.getCategory('controlnet');
    expect(Object.keys(records)).toEqual(['control_canny', 'control_qr_xl']);
    expect(restarted.status().categories.controlnet?.origin).toBe('snapshot');
    await until(() => standIn.count() > 0);
    await restarted.close();
  });

  it('a corrupt stored snapshot is ignored, not fatal', async () => {
    const storage = memoryStorage();
    await storage.set('horde-model-reference:clip', '{"category": "clip", "records": tru');
    const { refs } = setup({ storage });
    expect(Object.keys(await refs.getCategory('clip'))).toHaveLength(2);
    expect(refs.status().categories.clip?.origin).toBe('v2');
  });

  it('close() stops background refreshes, and later reads are refused before any request', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { refs, standIn } = setup({ ttlMs: 1_000 });
    await refs.getCategory('clip');
    await refs.close();
    vi.advanceTimersByTime(1_001);
    await expect(refs.getCategory('clip')).rejects.toThrow(ManagerClosedError);
    await flush();
    expect(standIn.count('v2')).toBe(1);
  });
});

describe('writes to storage', () => {
  it('an unchanged refresh writes nothing; a change writes once', async () => {
    const inner = memoryStorage();
    const writes: string[] = [];
    const storage = {
      ...inner,
      set: (key: string, value: string) => {
        writes.push(key);
        return inner.set(key, value);
      },
    };
    const { refs, standIn } = setup({ storage });
    await refs.getCategory('clip');
    await refs.refresh('clip');
    await refs.refresh('clip');
    await refs.close();
    expect(writes).toEqual(['horde-model-reference:clip']);

    const { refs: again } = setup({ storage: { ...inner, set: storage.set } }, standIn);
    standIn.data.delete('clip', 'ViT-L/14');
    await again.refresh('clip');
    await again.close();
    expect(writes).toHaveLength(2);
  });
});

describe('storage keys of 0.1', () => {
  it('a category stored under 0.1’s key is served at start, then moved to the current key', async () => {
    const storage = memoryStorage();
    const first = setup({ storage }).refs;
    await first.getCategory('clip');
    await first.close();
    const stored = (await storage.get('horde-model-reference:clip')) as string;
    await storage.delete('horde-model-reference:clip');
    await storage.set('horde-model-reference:v1:clip', stored);
    const down = createStandInPrimary();
    down.setFault('primary', 'refuse');
    down.setFault('github', 'refuse');
    const offline = setup({ storage }, down).refs;
    expect(Object.keys(await offline.getCategory('clip'))).toHaveLength(2);
    await offline.close();
    const { refs } = setup({ storage, staleWhileRevalidate: false, ttlMs: 0 });
    await refs.getCategory('clip');
    await refs.close();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await storage.get('horde-model-reference:clip')).toBeTruthy();
    expect(await storage.get('horde-model-reference:v1:clip')).toBeUndefined();
  });
});
