// Differential checking of parseRecord (the fast path, with zod as its fallback) against zod alone,
// and a seeded generator of hostile variants of a record, for test/schemas/fast-parse*.test.ts.
import { expect } from 'vitest';
import type { Category } from '../../src/index.js';
import { MAX_RECORD_DEPTH, parseRecord, parseWith } from '../../src/schemas/parse-records.js';
import { RECORD_SCHEMAS } from '../../src/schemas/record-schemas.js';
import type { Schema } from '../../src/schemas/shared.js';
import { freezeDeep } from '../../src/util/freeze-deep.js';

/** What parseRecord did before the fast path: zod's safeParse, then the depth-checked freeze. */
function zodOnly(category: Category, raw: unknown): ReturnType<typeof parseRecord> {
  const parsed = parseWith(RECORD_SCHEMAS[category] as Schema<unknown>, raw);
  if (parsed.ok && !freezeDeep(parsed.record as object, MAX_RECORD_DEPTH))
    return {
      ok: false,
      issues: [
        {
          path: '(record)',
          message: `Nested deeper than ${MAX_RECORD_DEPTH} levels; records are at most ${MAX_RECORD_DEPTH} levels deep`,
        },
      ],
    };
  return parsed as ReturnType<typeof parseRecord>;
}

/** Every object reachable in `input`, by the path it was first met at. */
function inputPaths(input: unknown): Map<object, string> {
  const paths = new Map<object, string>();
  const stack: [unknown, string][] = [[input, '$']];
  while (stack.length > 0) {
    const [value, path] = stack.pop() as [unknown, string];
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) continue;
    if (paths.has(value) || paths.size > 20_000) continue;
    paths.set(value, path);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor && 'value' in descriptor)
        stack.push([descriptor.value, `${path}.${String(key)}`]);
    }
  }
  return paths;
}

function primitive(value: unknown): unknown {
  if (typeof value === 'bigint') return `bigint:${value}`;
  if (typeof value === 'symbol') return `symbol:${String(value.description)}`;
  if (typeof value === 'number' && Object.is(value, -0)) return 'number:-0';
  if (typeof value === 'number' && Number.isNaN(value)) return 'number:NaN';
  return value;
}

/**
 * A comparable picture of a parsed value: each object's prototype, frozenness, own keys in order
 * with their descriptors' values, and, for an object kept from the input, where in the input it
 * was (so two answers that copy where the other keeps, or keep another object, differ).
 */
function picture(
  value: unknown,
  from: Map<object, string>,
  seen = new Map<object, string>(),
  path = '$',
  depth = 0,
): unknown {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null)
    return { type: typeof value, value: primitive(value) };
  // deeper than any accepted record (MAX_RECORD_DEPTH): the 100,000-level inputs end here
  if (depth > MAX_RECORD_DEPTH + 8) return 'deeper';
  const again = seen.get(value);
  if (again !== undefined) return { cycleTo: again };
  seen.set(value, path);
  const prototype = Object.getPrototypeOf(value);
  return {
    type: typeof value,
    prototype:
      prototype === null
        ? 'null'
        : prototype === Object.prototype
          ? 'Object'
          : prototype === Array.prototype
            ? 'Array'
            : 'other',
    frozen: Object.isFrozen(value),
    kept: from.get(value) ?? null,
    keys: Reflect.ownKeys(value).map((key) => {
      const descriptor = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
      return [
        typeof key === 'symbol' ? `symbol:${String(key.description)}` : key,
        descriptor.enumerable,
        'value' in descriptor
          ? picture(descriptor.value, from, seen, `${path}.${String(key)}`, depth + 1)
          : 'accessor',
      ];
    }),
  };
}

/**
 * Parses the value `make()` builds with parseRecord and with zod alone (each on its own fresh
 * copy, since parsing freezes what it keeps) and expects the same answer: both valid with the same
 * record (same keys in the same order, the same objects kept from the input, frozen alike), or
 * both invalid with the same issues. Returns whether it was valid.
 */
export function expectSameAsZod(category: Category, make: () => unknown, label: string): boolean {
  const fastInput = make();
  const zodInput = make();
  const fast = parseRecord(category, fastInput);
  const zod = zodOnly(category, zodInput);
  expect(fast.ok, `${label}: valid`).toBe(zod.ok);
  if (fast.ok && zod.ok) {
    expect(picture(fast.record, inputPaths(fastInput)), label).toStrictEqual(
      picture(zod.record, inputPaths(zodInput)),
    );
  } else if (!fast.ok && !zod.ok) {
    expect(fast.issues, label).toStrictEqual(zod.issues);
  }
  // the input itself ends the same (frozen where it was kept, untouched elsewhere)
  expect(picture(fastInput, new Map()), `${label}: input`).toStrictEqual(
    picture(zodInput, new Map()),
  );
  return fast.ok;
}

/** A small seeded generator (mulberry32), so a failure names a seed that reproduces it. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HUGE = 'x'.repeat(1_000_000);

/** Nested `depth` levels of `{ a: … }` (or arrays), built without recursion. */
function nested(depth: number, array: boolean): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = array ? [value] : { a: value };
  return value;
}

// Values of every kind a hostile server or caller can hand over. Each is a function, so each copy
// of an input gets its own objects.
const HOSTILE: readonly (() => unknown)[] = [
  () => null,
  () => undefined,
  () => true,
  () => false,
  () => 0,
  () => -0,
  () => -1,
  () => 1.5,
  () => 2 ** 53,
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => '',
  () => ' padded ',
  () => 'https://huggingface.co/x.png',
  () => 'FIXME',
  () => HUGE,
  () => 'ckpt',
  () => 'SD 1.5',
  () => 'stable_diffusion_xl',
  () => [],
  () => [1, 'a'],
  () => ['a', ' b '],
  () => [null],
  () => [{}],
  () => [[['deep']]],
  // biome-ignore lint/suspicious/noSparseArray: a hole is one of the hostile shapes
  () => [, 'hole'],
  () => ({}),
  () => ({ file_name: 'a', file_url: 'https://x/a', sha256sum: 'FIXME' }),
  () => [{ file_name: 'a', file_url: 'https://x/a', sha256sum: 'FIXME' }],
  () => ({ download: [{ file_name: 'a', file_url: 'u' }], files: [] }),
  () => JSON.parse('{"__proto__": {"polluted": true}, "x": 1}'),
  () => ({ constructor: 'c', toString: 1, hasOwnProperty: null, valueOf: [] }),
  () => Object.create(null),
  () => Object.assign(Object.create(null), { a: 1 }),
  () => Object.create({ name: 'inherited', nsfw: true }),
  () => Object.freeze({ frozen: { inner: [1] } }),
  () => nested(10, false),
  () => nested(70, false),
  () => nested(100_000, false),
  () => nested(70, true),
  () => 1n,
  () => Symbol('s'),
  () => () => 'function',
  () => new Date(0),
  () => new Map([['a', 1]]),
  () => {
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    return circular;
  },
];

const EXTRA_KEYS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'extra',
  '0',
  'name',
];

/** Where a mutation may land: the record itself and every object or array inside it. */
function containers(value: unknown, out: object[] = [], depth = 0): object[] {
  if (typeof value !== 'object' || value === null || depth > 8 || Object.isFrozen(value))
    return out;
  out.push(value);
  for (const child of Object.values(value)) containers(child, out, depth + 1);
  return out;
}

/**
 * A hostile variant of `base` (a JSON-compatible record), from `seed`: one to three changes, each
 * replacing a field (anywhere inside) with a hostile value, deleting one, or adding an extra one
 * (`__proto__` as an own key, `constructor`, ...). The same seed builds the same variant.
 */
export function hostileVariant(base: unknown, seed: number): () => unknown {
  return () => {
    const next = random(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const record: unknown = JSON.parse(JSON.stringify(base));
    const changes = 1 + Math.floor(next() * 3);
    for (let i = 0; i < changes; i++) {
      const target = pick(containers(record)) as Record<string, unknown>;
      const keys = Object.keys(target);
      const roll = next();
      if (roll < 0.6 && keys.length > 0) target[pick(keys)] = pick(HOSTILE)();
      else if (roll < 0.75 && keys.length > 0) delete target[pick(keys)];
      else
        Object.defineProperty(target, pick(EXTRA_KEYS), {
          value: pick(HOSTILE)(),
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    return record;
  };
}

/** Values that are no record at all, and records of one field of every hostile kind. */
export function hostileRecords(): readonly (() => unknown)[] {
  return [
    ...HOSTILE,
    ...HOSTILE.map((make) => () => ({ name: make() })),
    ...HOSTILE.map((make) => () => ({ name: 'n', extra: make() })),
  ];
}
