// Promises: failing over to GitHub never reports changes that did not happen nor drops models
// the PRIMARY has; a restart never serves data of any age as if it were current.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ManagerEvents, ModelReferenceManager, memoryStorage } from '../../src/index.js';
import { createStandInPrimary, FIXTURE_V2 } from '../../src/testing.js';
import { setup } from '../helpers/manager.js';

afterEach(() => {
  vi.useRealTimers();
});

const HOUR = 3_600_000;

describe('a lower origin does not replace younger data of a higher one', () => {
  it('the PRIMARY dies: its data is served, stale with the reason; no change, no model dropped', async () => {
    const { refs, standIn } = setup();
    // A model created on the PRIMARY that GitHub (synced earlier) does not have.
    standIn.data.create('image_generation', {
      name: 'Fresh On Primary',
      baseline: 'flux_1',
      nsfw: false,
    });
    await refs.getCategory('image_generation');
    const changes: ManagerEvents['change'][] = [];
    refs.on('change', (change) => changes.push(change));
    standIn.setFault('primary', 'refuse');
    await expect(refs.refresh('image_generation')).rejects.toThrow(/github: skipped/);
    const served = await refs.getCategory('image_generation');
    expect(Object.hasOwn(served, 'Fresh On Primary')).toBe(true);
    expect(changes).toEqual([]);
    expect(standIn.count('github')).toBe(0);
    expect(refs.status().categories.image_generation).toMatchObject({ origin: 'v2', stale: true });
    expect(refs.status().categories.image_generation?.lastError).toMatch(
      /github: skipped \(the data held came from v2 .* within maxStalenessMs/,
    );
  });

  it('a category that has nothing better is still read from GitHub', async () => {
    const { refs, standIn } = setup();
    standIn.setFault('primary', 'refuse');
    expect(Object.keys(await refs.getCategory('clip'))).toHaveLength(2);
    expect(refs.status().categories.clip?.origin).toBe('github');
  });

  it('past maxStalenessMs GitHub replaces it, and the diff has no v2-only fields', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const standIn = createStandInPrimary();
    // The PRIMARY stamps what it writes; GitHub's legacy data cannot carry the stamps.
    const [name] = Object.keys(FIXTURE_V2.clip) as [string];
    const record = FIXTURE_V2.clip[name] as { name: string; metadata?: object };
    standIn.data.update('clip', {
      ...record,
      metadata: { ...record.metadata, created_at: 1_700_000_000, updated_at: 1_700_000_500 },
    });
    const { refs } = setup({ maxStalenessMs: HOUR }, standIn);
    await refs.getCategory('clip');
    const changes: ManagerEvents['change'][] = [];
    refs.on('change', (change) => changes.push(change));
    standIn.setFault('primary', 'refuse');
    vi.advanceTimersByTime(HOUR + 1);
    await refs.refresh('clip');
    expect(refs.status().categories.clip?.origin).toBe('github');
    for (const change of changes)
      for (const { fields } of change.changed)
        expect(fields.filter((f) => /created_at|updated_at/.test(f))).toEqual([]);
  });
});

describe('a restart never serves old data as current', () => {
  const oldSnapshot = async (ageMs: number) => {
    const storage = memoryStorage();
    const first = setup({ storage }).refs;
    await first.getCategory('clip');
    await first.close();
    const key = 'horde-model-reference:clip';
    const stored = JSON.parse((await storage.get(key)) ?? '');
    await storage.set(key, JSON.stringify({ ...stored, fetchedAt: Date.now() - ageMs }));
    return storage;
  };

  it('a 72-hour-old snapshot with the network up: the first read waits for the network', async () => {
    const storage = await oldSnapshot(72 * HOUR);
    const { refs, standIn } = setup({ storage });
    await refs.getCategory('clip');
    expect(standIn.count('v2')).toBe(1);
    expect(refs.status().categories.clip).toMatchObject({ origin: 'v2', old: false, stale: false });
  });

  it('with the network down, the old snapshot is served, said to be old and stale', async () => {
    const storage = await oldSnapshot(72 * HOUR);
    const down = createStandInPrimary();
    down.setFault('primary', 'refuse');
    down.setFault('github', 'refuse');
    const { refs } = setup({ storage }, down);
    expect(Object.keys(await refs.getCategory('clip'))).toHaveLength(2);
    expect(refs.status().categories.clip).toMatchObject({
      origin: 'snapshot',
      old: true,
      stale: true,
    });
  });

  it('a young snapshot is served at once, refreshed behind', async () => {
    const storage = await oldSnapshot(HOUR);
    const { refs } = setup({ storage });
    await refs.getCategory('clip');
    expect(refs.status().categories.clip).toMatchObject({ origin: 'snapshot', old: false });
  });

  it('a snapshot from the future (a clock that was ahead) is brought back to now', async () => {
    const storage = await oldSnapshot(-72 * HOUR);
    const { refs } = setup({ storage, staleWhileRevalidate: false });
    const before = Date.now();
    await refs.getCategory('clip');
    expect(refs.status().categories.clip?.fetchedAt).toBeLessThanOrEqual(Date.now());
    const seeded = new ModelReferenceManager({
      primaryUrl: null,
      github: false,
      snapshot: {
        format: 'horde-model-reference/snapshot',
        version: 1,
        createdAt: before,
        categories: [
          {
            category: 'clip',
            origin: 'v2',
            url: '',
            fetchedAt: before + 72 * HOUR,
            hash: '',
            records: FIXTURE_V2.clip,
          },
        ],
      },
    });
    expect(seeded.status().categories.clip?.fetchedAt).toBeLessThanOrEqual(Date.now());
    expect(seeded.status().categories.clip?.ageMs).toBeGreaterThanOrEqual(0);
  });
});
