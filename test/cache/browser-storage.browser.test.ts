// Runs in headless Chromium only: real IndexedDB and localStorage.
import { describe, expect, it, vi } from 'vitest';
import { storageKey } from '../../src/cache/snapshot.js';
import { indexedDbStorage, localStorageStorage, type SnapshotStorage } from '../../src/index.js';
import { setup } from '../helpers/manager.js';

let opened = 0;

/** A storage under a new name, and a way to open the same one again (as after a page reload). */
function fresh(open: (name: string) => SnapshotStorage) {
  localStorage.clear();
  const name = `hmr-test-${Date.now()}-${opened++}`;
  return { storage: open(name), reopen: () => open(name) };
}

describe.each([
  ['indexedDbStorage', () => fresh((databaseName) => indexedDbStorage({ databaseName }))],
  ['localStorageStorage', () => fresh(() => localStorageStorage())],
] as [string, () => ReturnType<typeof fresh>][])('%s in a real browser', (_name, create) => {
  it('round-trips values, overwrites, and deletes', async () => {
    const { storage, reopen } = create();
    expect(await storage.get('missing')).toBeFalsy();
    await storage.set('k', '{"v":1}');
    await storage.set('k', '{"v":2}');
    expect(await reopen().get('k')).toBe('{"v":2}');
    await storage.delete('k');
    expect(await storage.get('k')).toBeFalsy();
  });

  it('lets a new manager start offline from what the previous one stored', async () => {
    const { storage, reopen } = create();
    const { refs } = setup({ storage });
    const online = await refs.getCategory('image_generation');
    await vi.waitFor(async () =>
      expect(await storage.get(storageKey('image_generation'))).toBeTruthy(),
    );
    await refs.close();

    const { refs: restarted, standIn } = setup({ storage: reopen() });
    standIn.setFault('primary', 'refuse');
    standIn.setFault('github', 'refuse');
    const offline = await restarted.getCategory('image_generation');
    expect(Object.keys(offline)).toEqual(Object.keys(online));
    expect(restarted.status().categories.image_generation?.origin).toBe('snapshot');
    expect(standIn.requests.filter((r) => r.family === 'v2').length).toBeLessThanOrEqual(1);
    await restarted.close();
  });
});
