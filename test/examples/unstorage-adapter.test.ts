import { describe, expect, it } from 'vitest';
import { fromUnstorage, type UnstorageLike } from '../../examples/unstorage-adapter.js';
import { createStandInPrimary } from '../../src/testing.js';
import { setup } from '../helpers/manager.js';

/** An in-memory store that behaves like unstorage: it parses JSON strings on read. */
function fakeUnstorage(): UnstorageLike & { keys(): string[] } {
  const items = new Map<string, string>();
  return {
    getItem: async (key) => {
      const raw = items.get(key);
      if (raw === undefined) return null;
      try {
        return JSON.parse(raw);
      } catch {
        return raw;
      }
    },
    setItem: async (key, value) => {
      items.set(key, value);
    },
    removeItem: async (key) => {
      items.delete(key);
    },
    keys: () => [...items.keys()],
  };
}

describe('examples/unstorage-adapter', () => {
  it('persists through an unstorage-shaped store and warm-starts a manager offline', async () => {
    const store = fakeUnstorage();
    const { refs } = setup({ storage: fromUnstorage(store) });
    await refs.getCategory('clip');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.keys()).toEqual(['horde-model-reference:clip']);
    const down = createStandInPrimary();
    down.setFault('primary', 'refuse');
    down.setFault('github', 'refuse');
    const { refs: restarted } = setup({ storage: fromUnstorage(store) }, down);
    expect(Object.keys(await restarted.getCategory('clip'))).toEqual(['ViT-L/14', 'coca_ViT-L-14']);
    expect(restarted.status().categories.clip?.origin).toBe('snapshot');
    await restarted.close();
  });
});
