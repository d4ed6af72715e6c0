// Issue 14 item 9: the record diff, rewritten without recursion (src/records/diff-values.ts), gives
// the same paths as the recursive one for ordinary records and never overflows on deep or
// circular values. The lead wires it into diffCategoryRecords (src/changes/diff-records.ts).
import { describe, expect, it } from 'vitest';
import { deepEqualValues, diffValues, MAX_DIFF_PATH_DEPTH } from '../../src/records/diff-values.js';

/** A small seeded generator (mulberry32), so every run compares the same values. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function value(next: () => number, depth: number): unknown {
  const kind = Math.floor(next() * (depth > 3 ? 4 : 6));
  if (kind === 0) return null;
  if (kind === 1) return Math.floor(next() * 3);
  if (kind === 2) return ['a', 'b', ''][Math.floor(next() * 3)];
  if (kind === 3) return next() < 0.5;
  const size = Math.floor(next() * 4);
  if (kind === 4) return Array.from({ length: size }, () => value(next, depth + 1));
  return Object.fromEntries(
    Array.from({ length: size }, () => [
      ['x', 'y', 'z'][Math.floor(next() * 3)],
      value(next, depth + 1),
    ]),
  );
}

/** The recursive diff of version 0.1, as the oracle for ordinary (shallow, acyclic) values. */
function recursiveDiff(a: unknown, b: unknown, path = '', out: string[] = []): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Object.is(a, b)) return out;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++)
      recursiveDiff(a[i], b[i], path ? `${path}.${i}` : String(i), out);
  } else if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      recursiveDiff(a[key], b[key], path ? `${path}.${key}` : key, out);
  } else out.push(path || '(record)');
  return out;
}

const nested = (levels: number, leaf: unknown): unknown => {
  let v = leaf;
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

describe('diffValues', () => {
  it('gives the paths the recursive diff gave, on 2,000 seeded pairs', () => {
    const next = random(14);
    for (let i = 0; i < 2_000; i++) {
      const a = value(next, 0);
      const b = next() < 0.3 ? structuredClone(a) : value(next, 0);
      expect(diffValues(a, b)).toEqual(recursiveDiff(a, b));
    }
  });

  it('names nested paths in order', () => {
    expect(diffValues({ a: 1, b: { c: [1, 2] }, d: 'x' }, { a: 2, b: { c: [1, 3, 4] } })).toEqual([
      'a',
      'b.c.1',
      'b.c.2',
      'd',
    ]);
    expect(diffValues(1, 2)).toEqual(['(record)']);
    expect(diffValues({ a: [1] }, { a: [1] })).toEqual([]);
  });

  it('compares values nested 100,000 levels deep without overflowing, and names the path at the bound', () => {
    const a = nested(100_000, 1);
    expect(diffValues(a, nested(100_000, 1))).toEqual([]);
    const paths = diffValues(a, nested(100_000, 2));
    expect(paths).toHaveLength(1);
    expect(paths[0]?.split('.')).toHaveLength(MAX_DIFF_PATH_DEPTH);
    expect(deepEqualValues(a, nested(100_000, 2))).toBe(false);
  });

  it('ends on circular values', () => {
    const a: Record<string, unknown> = { n: 1 };
    a.self = a;
    const b: Record<string, unknown> = { n: 1 };
    b.self = b;
    expect(deepEqualValues(a, b)).toBe(true);
    const paths = diffValues(a, { ...b, n: 2 });
    expect(paths[0]).toBe('n');
  });
});
