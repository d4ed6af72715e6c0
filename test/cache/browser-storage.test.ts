import { describe, expect, it } from 'vitest';
import { localStorageStorage, memoryStorage } from '../../src/index.js';

/** A Web Storage object over a Map (the real one exists only in browsers). */
function webStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => {
      items.delete(key);
    },
    setItem: (key, value) => {
      items.set(key, String(value));
    },
  };
}

describe.each([
  ['memoryStorage', () => memoryStorage()],
  ['localStorageStorage', () => localStorageStorage(webStorage())],
])('%s', (_name, create) => {
  it('gets what was set, and nothing after delete', async () => {
    const storage = create();
    expect(await storage.get('k')).toBeFalsy();
    await storage.set('k', '{"v":1}');
    expect(await storage.get('k')).toBe('{"v":1}');
    await storage.delete('k');
    expect(await storage.get('k')).toBeFalsy();
  });
});
