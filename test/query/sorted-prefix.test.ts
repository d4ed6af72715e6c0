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
      const keyOf = (item: { key: number }) => item.key;
      const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
      expect(sortedPrefix(items, count, keyOf, (a, b) => a - b)).toEqual(
        [...items].sort(byKey).slice(0, count),
      );
    }
  });

  it('reads each key once', () => {
    const items = Array.from({ length: 1_000 }, (_, index) => (index * 7_919) % 1_000);
    let reads = 0;
    const keyOf = (value: number) => {
      reads++;
      return value;
    };
    expect(sortedPrefix(items, 5, keyOf, (a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
    expect(reads).toBe(items.length);
  });

  it('handles a count of zero, and more than there are items', () => {
    const same = (value: number) => value;
    const byValue = (a: number, b: number) => a - b;
    expect(sortedPrefix([3, 1, 2], 0, same, byValue)).toEqual([]);
    expect(sortedPrefix([3, 1, 2], 10, same, byValue)).toEqual([1, 2, 3]);
  });
});
