import { describe, expect, it } from 'vitest';
import { sortedPrefix } from '../../src/query/sorted-prefix.js';

// A small deterministic generator, so a failure reproduces.
function* numbers(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    yield state;
  }
}

describe('sortedPrefix', () => {
  it('equals the first items of a stable full sort, ties in input order', () => {
    const random = numbers(7);
    for (let round = 0; round < 50; round++) {
      const size = 50 + (random.next().value % 500);
      // Few distinct keys: many ties, so stability is exercised.
      const items = Array.from({ length: size }, (_, index) => ({
        key: random.next().value % 10,
        index,
      }));
      const count = 1 + (random.next().value % 40);
      const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
      expect(sortedPrefix(items, count, byKey)).toEqual([...items].sort(byKey).slice(0, count));
    }
  });

  it('handles a count of zero, and more than there are items', () => {
    const byValue = (a: number, b: number) => a - b;
    expect(sortedPrefix([3, 1, 2], 0, byValue)).toEqual([]);
    expect(sortedPrefix([3, 1, 2], 10, byValue)).toEqual([1, 2, 3]);
  });
});
