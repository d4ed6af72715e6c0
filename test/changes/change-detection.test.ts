import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CategoryChange } from '../../src/index.js';
import { createStandInPrimary, FIXTURE_V2 } from '../../src/testing.js';
import { setup } from '../helpers/manager.js';

// The server's clock starts a minute behind and each write happens one second after the last:
// every write looks settled to the client, as in a steady state. `step: 0` freezes it.
function standInWithClock(step = 1_000) {
  let serverNow = Date.now() - 60_000;
  const standIn = createStandInPrimary({ now: () => (serverNow += step) });
  return { standIn, tick: (ms: number) => (serverNow += ms) };
}

async function watched(categories: readonly ('image_generation' | 'clip' | 'text_generation')[]) {
  const { standIn, tick } = standInWithClock();
  const { refs } = setup({}, standIn);
  for (const category of categories) await refs.getCategory(category);
  const changes: CategoryChange[] = [];
  refs.on('change', (change) => changes.push(change));
  await refs.checkForUpdates(); // learns the change tokens
  const mark = standIn.requests.length;
  const since = () => standIn.requests.slice(mark).map((r) => new URL(r.url).pathname);
  return { refs, standIn, tick, changes, since };
}

/** What a brand-new manager downloads from the same stand-in: the ground truth. */
async function fullDownload(standIn: ReturnType<typeof createStandInPrimary>, category: 'clip') {
  const { refs } = setup({}, standIn);
  return refs.getCategory(category);
}

const ALBEDO = FIXTURE_V2.image_generation['AlbedoBase XL (SDXL)'] as { name: string };

afterEach(() => {
  vi.useRealTimers();
});

describe('checkForUpdates', () => {
  it('costs one last_updated request per poll and no download while nothing changes', async () => {
    const { refs, since, changes } = await watched(['image_generation', 'clip', 'text_generation']);
    for (let i = 0; i < 100; i++) expect(await refs.checkForUpdates()).toEqual([]);
    const paths = since();
    expect(paths).toHaveLength(100);
    expect(new Set(paths)).toEqual(new Set(['/api/model_references/v2/metadata/last_updated']));
    expect(changes).toEqual([]);
  });

  it('keeps unchanged data fresh, so reads are not re-downloaded after the TTL', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { standIn } = standInWithClock();
    const { refs } = setup({ ttlMs: 60_000 }, standIn);
    await refs.getCategory('clip');
    vi.advanceTimersByTime(59_000);
    await refs.checkForUpdates();
    vi.advanceTimersByTime(30_000);
    expect(refs.status().categories.clip?.fresh).toBe(true);
    await refs.getCategory('clip');
    expect(standIn.count('v2')).toBe(1);
  });

  it('applies one update by fetching that model only, and announces the changed fields', async () => {
    const { refs, standIn, since, changes } = await watched(['image_generation', 'clip']);
    standIn.data.update('image_generation', { ...ALBEDO, description: 'Retrained.', nsfw: true });
    const returned = await refs.checkForUpdates();
    expect(since()).toEqual([
      '/api/model_references/v2/metadata/last_updated',
      '/api/model_references/v2/metadata/metadata',
      `/api/model_references/v2/image_generation/model/${encodeURIComponent('AlbedoBase XL (SDXL)')}`,
    ]);
    const expected = {
      category: 'image_generation',
      via: 'delta',
      added: [],
      removed: [],
      changed: [{ name: 'AlbedoBase XL (SDXL)', fields: ['description', 'nsfw'] }],
    };
    expect(changes).toEqual([expected]);
    expect(returned).toEqual([expected]);
    const records = await refs.getCategory('image_generation');
    expect(records['AlbedoBase XL (SDXL)']?.description).toBe('Retrained.');
  });

  it('announces a change only after the new records are swapped in', async () => {
    const { refs, standIn } = await watched(['image_generation']);
    let seen: unknown;
    refs.on('change', () => {
      void refs.getModel('image_generation', 'AlbedoBase XL (SDXL)').then((r) => {
        seen = r.description;
      });
    });
    standIn.data.update('image_generation', { ...ALBEDO, description: 'Swapped.' });
    await refs.checkForUpdates();
    await vi.waitFor(() => expect(seen).toBe('Swapped.'));
  });

  it.each([
    [
      'create',
      (s: ReturnType<typeof createStandInPrimary>) =>
        s.data.create('clip', { name: 'ViT-B-32', description: 'new', nsfw: false }),
    ],
    [
      'update',
      (s: ReturnType<typeof createStandInPrimary>) =>
        s.data.update('clip', {
          ...(FIXTURE_V2.clip['ViT-L/14'] as { name: string }),
          name: 'ViT-L/14',
        }),
    ],
    ['delete', (s: ReturnType<typeof createStandInPrimary>) => s.data.delete('clip', 'ViT-L/14')],
  ])('a %s ends with exactly the records (and order) of a full download', async (_, write) => {
    const { refs, standIn, changes } = await watched(['clip']);
    write(standIn);
    await refs.checkForUpdates();
    const patched = await refs.getCategory('clip');
    const truth = await fullDownload(standIn, 'clip');
    expect(patched).toEqual(truth);
    expect(Object.keys(patched)).toEqual(Object.keys(truth));
    expect(changes.length).toBeLessThanOrEqual(1);
  });

  it('applies a delete without any request beyond the metadata', async () => {
    const { refs, standIn, since, changes } = await watched(['image_generation']);
    standIn.data.delete('image_generation', 'Ghibli Style');
    await refs.checkForUpdates();
    expect(since()).toEqual([
      '/api/model_references/v2/metadata/last_updated',
      '/api/model_references/v2/metadata/metadata',
    ]);
    expect(changes).toEqual([
      {
        category: 'image_generation',
        via: 'delta',
        added: [],
        removed: ['Ghibli Style'],
        changed: [],
      },
    ]);
    expect(await refs.findModel('image_generation', 'Ghibli Style')).toBeUndefined();
  });

  it('downloads the category for a name the model route cannot address (contains "/")', async () => {
    const { refs, standIn, since, changes } = await watched(['text_generation']);
    standIn.data.create('text_generation', {
      name: 'acme/Tiny-1B',
      baseline: 'acme/Tiny-1B',
      parameters: 1_000_000_000,
      nsfw: false,
    });
    await refs.checkForUpdates();
    expect(since().filter((p) => p.includes('/model/'))).toEqual([]);
    expect(standIn.count('v2')).toBe(2);
    expect(changes).toEqual([
      {
        category: 'text_generation',
        via: 'download',
        added: ['acme/Tiny-1B'],
        removed: [],
        changed: [],
      },
    ]);
  });

  it('downloads the category when several writes happened since the last check', async () => {
    const { refs, standIn, since, changes } = await watched(['image_generation']);
    standIn.data.delete('image_generation', 'Ghibli Style');
    standIn.data.update('image_generation', { ...ALBEDO, version: '3.0' });
    await refs.checkForUpdates();
    expect(since().filter((p) => p.includes('/model/'))).toEqual([]);
    expect(standIn.count('v2')).toBe(2);
    expect(changes).toEqual([
      {
        category: 'image_generation',
        via: 'download',
        added: [],
        removed: ['Ghibli Style'],
        changed: [{ name: 'AlbedoBase XL (SDXL)', fields: ['version'] }],
      },
    ]);
  });

  it('catches a second write within the same second as the last one it saw', async () => {
    const { standIn, tick } = standInWithClock(0);
    tick(60_000); // the server's clock now matches ours, and stands still: one second for all
    const { refs } = setup({}, standIn);
    await refs.getCategory('clip');
    standIn.data.delete('clip', 'ViT-L/14');
    await refs.checkForUpdates();
    standIn.data.create('clip', { name: 'ViT-B-32', description: 'same second', nsfw: false });
    const [change] = await refs.checkForUpdates();
    expect(change?.added).toEqual(['ViT-B-32']);
  });

  it('without metadata (REPLICA 503), downloads and compares by content hash', async () => {
    const { refs, standIn, since, changes } = await watched(['clip']);
    standIn.setFault('metadata', 'server-error', { status: 503 });
    expect(await refs.checkForUpdates()).toEqual([]);
    expect(since().filter((p) => p.endsWith('/v2/clip'))).toHaveLength(1);
    standIn.data.delete('clip', 'ViT-L/14');
    const [change] = await refs.checkForUpdates();
    expect(change).toEqual({
      category: 'clip',
      via: 'download',
      added: [],
      removed: ['ViT-L/14'],
      changed: [],
    });
    expect(changes).toHaveLength(1);
  });

  it('checks nothing before any category is loaded', async () => {
    const { refs, standIn } = setup();
    expect(await refs.checkForUpdates()).toEqual([]);
    expect(standIn.requests).toEqual([]);
  });
});

describe('watch', () => {
  it('polls with jitter until stopped, and leaves no timer behind', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { refs, since } = await watched(['clip']);
    const stop = refs.watch({ intervalMs: 1_000 });
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1_100);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(since()).toHaveLength(2);
    stop();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(since()).toHaveLength(2);
  });

  it.each([
    ['its signal aborts', 'signal'],
    ['the manager closes', 'close'],
  ])('stops when %s', async (_, how) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { refs } = await watched(['clip']);
    const controller = new AbortController();
    refs.watch({ intervalMs: 1_000, signal: controller.signal });
    expect(vi.getTimerCount()).toBe(1);
    if (how === 'signal') controller.abort();
    else await refs.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects an interval that would flood the server', () => {
    const { refs } = setup();
    expect(() => refs.watch({ intervalMs: 5 })).toThrow(/intervalMs.*>= 100/);
  });
});

describe('sharing a check', () => {
  it('concurrent callers share one check; one caller aborting does not end the others', async () => {
    const { refs, since } = await watched(['clip']);
    const controller = new AbortController();
    const first = refs.checkForUpdates({ signal: controller.signal });
    const second = refs.checkForUpdates();
    controller.abort(new Error('first caller gave up'));
    await expect(first).rejects.toThrow('first caller gave up');
    expect(await second).toEqual([]);
    expect(since()).toEqual(['/api/model_references/v2/metadata/last_updated']);
  });
});
