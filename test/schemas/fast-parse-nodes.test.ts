// The fast path's compiler (src/schemas/fast-parse.ts) on every kind of zod/mini node, not only
// the ones today's record schemas use: compiled with its zod fallback, it answers as zod's own
// safeParse for every value (accepted or not, the same output, the same objects kept), so a
// schema edit that brings in another kind of node cannot make the two disagree.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { compileFastParse, ZOD_VERIFIED } from '../../src/schemas/fast-parse.js';
import type { Schema } from '../../src/schemas/shared.js';

/** zod's answer; a schema's own code may throw (String() of a null-prototype object), and that is an answer too. */
function zodAlone(schema: Schema<unknown>, value: unknown): unknown {
  try {
    const result = z.safeParse(schema, value);
    return result.success ? { ok: true, data: result.data } : { ok: false };
  } catch (error) {
    return { threw: String(error) };
  }
}

/** What parseRecord does with a schema: the fast path, and zod when it gives up. */
function fastThenZod(schema: Schema<unknown>, value: unknown): unknown {
  try {
    return { ok: true, data: compileFastParse(schema)(value) };
  } catch {
    return zodAlone(schema, value);
  }
}

const inherited = () => Object.create({ a: 'inherited' }) as object;
const VALUES: readonly (() => unknown)[] = [
  () => undefined,
  () => null,
  () => '',
  () => 'x',
  () => 0,
  () => 1.5,
  () => Number.NaN,
  () => true,
  () => [],
  () => ['x'],
  () => [1],
  () => [undefined, 'x'],
  () => ({}),
  () => ({ a: 'x' }),
  () => ({ a: undefined }),
  () => ({ a: null }),
  () => ({ a: 1 }),
  () => ({ a: ['x'] }),
  () => ({ b: 1 }),
  () => ({ a: 'x', extra: { deep: [1] }, constructor: 'c' }),
  () => JSON.parse('{"__proto__": {"p": 1}, "a": "x"}'),
  () => Object.assign(Object.create(null), { a: 'x' }),
  inherited,
  () => new Date(0),
];

const field = (schema: Schema<unknown>) => ({
  loose: z.looseObject({ a: schema }),
  plain: z.object({ a: schema }),
  strict: z.strictObject({ a: schema }),
  bare: schema,
});

const NODES: Record<string, Schema<unknown>> = {
  string: z.string(),
  boolean: z.boolean(),
  number: z.number(),
  'coerced string': z.coerce.string(),
  'coerced boolean': z.coerce.boolean(),
  int: z.int(),
  'string with a check': z.string().check(z.minLength(1)),
  optional: z.optional(z.string()),
  'exact optional': z.exactOptional(z.string()),
  nullable: z.nullable(z.string()),
  'optional nullable': z.optional(z.nullable(z.string())),
  default: z._default(z.string(), 'd'),
  'default of an object': z._default(z.looseObject({ b: z.optional(z.number()) }), { b: 1 }),
  'optional default': z.optional(z._default(z.string(), 'd')),
  'nullable default': z.nullable(z._default(z.string(), 'd')),
  'default of optional': z._default(z.optional(z.string()), 'd'),
  array: z.array(z.string()),
  'array of optional': z.array(z.optional(z.string())),
  'array with a check': z.array(z.string()).check(z.minLength(1)),
  'custom, undefined allowed': z.custom(
    (value) => value === undefined || typeof value === 'string',
  ),
  'custom, truthy': z.custom((value) => (typeof value === 'string' ? 1 : 0)),
  'pipe with a default in': z.pipe(z._default(z.string(), 'd'), z.string()),
  'pipe into a transform': z.pipe(
    z.optional(z.string()),
    z.transform((value: string | undefined) => value ?? 'none'),
  ),
  transform: z.transform((value: unknown) => String(value)),
  'transform that adds an issue': z.transform((value: unknown, context) => {
    if (value === 'x') context.issues.push({ code: 'custom', message: 'no x', input: value });
    return value;
  }),
  literal: z.literal('x'),
  union: z.union([z.string(), z.number()]),
  unknown: z.unknown(),
  codec: z.codec(z.string(), z.number(), {
    decode: (value: string) => value.length,
    encode: (value: number) => 'x'.repeat(value),
  }),
  'nested loose object': z.looseObject({ b: z._default(z.string(), 'd') }),
};

describe('compileFastParse with its zod fallback answers as zod does', () => {
  for (const [name, node] of Object.entries(NODES))
    it(`for ${name}, alone and as a required field of loose, plain and strict objects`, () => {
      for (const [shape, schema] of Object.entries(field(node)))
        for (const [index, make] of VALUES.entries()) {
          const label = `${name} ${shape} value #${index}`;
          expect(fastThenZod(schema as Schema<unknown>, make()), label).toStrictEqual(
            zodAlone(schema as Schema<unknown>, make()),
          );
        }
    });

  it('keeps what zod keeps: the input objects of unknown fields, never the input record', () => {
    const schema = z.looseObject({ a: z.string() }) as Schema<unknown>;
    const extra = { deep: [1] };
    const input = { a: 'x', extra };
    const output = compileFastParse(schema)(input) as Record<string, unknown>;
    const reference = z.safeParse(schema, input).data as Record<string, unknown>;
    expect(output).not.toBe(input);
    expect(output.extra).toBe(extra);
    expect(reference.extra).toBe(extra);
    expect(Object.keys(output)).toEqual(Object.keys(reference));
  });

  it('gives up (throws) on a value zod rejects, so zod can name the problem', () => {
    const fast = compileFastParse(z.looseObject({ a: z.string() }) as Schema<unknown>);
    for (const value of [null, [], { a: 1 }, {}]) expect(() => fast(value)).toThrow();
  });

  it('runs under the zod release it was verified against (a zod update fails here: re-run these tests, then move ZOD_VERIFIED)', () => {
    const { major, minor, patch } = (
      z.string() as unknown as { _zod: { version: Record<string, number> } }
    )._zod.version;
    expect(`${major}.${minor}.${patch}`).toBe(ZOD_VERIFIED);
  });

  it('under any other zod release answers nothing itself, so zod answers everything', () => {
    const schema = z.looseObject({ a: z.string() });
    (schema._zod as unknown as { version: object }).version = { major: 4, minor: 99, patch: 0 };
    const fast = compileFastParse(schema as Schema<unknown>);
    expect(() => fast({ a: 'x' })).toThrow();
    expect(fastThenZod(schema as Schema<unknown>, { a: 'x' })).toStrictEqual({
      ok: true,
      data: { a: 'x' },
    });
  });
});
