// The dictionary schema stands in for zod's record(string(), value) (which the core cannot afford):
// checked against zod's own record on the inputs the data and callers can send.

import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { dictionary } from '../../src/schemas/dictionary.js';
import { settingsMapSchema } from '../../src/schemas/shared.js';

class Point {
  x = 1;
}

const INPUTS: readonly [string, unknown][] = [
  ['an empty object', {}],
  ['valid values', { a: 'x', b: 'y' }],
  ['one invalid value', { a: 'x', b: 2 }],
  ['several invalid values', { a: 1, b: 'y', c: false }],
  ['a nested invalid value', { a: { inner: 3 } }],
  ['null', null],
  ['undefined', undefined],
  ['an array', ['a']],
  ['a string', 'abc'],
  ['a number', 42],
  ['a class instance', new Point()],
  ['a null-prototype object', Object.assign(Object.create(null), { a: 'x' })],
  ['a __proto__ key from JSON', JSON.parse('{"__proto__": "x", "b": "y"}')],
  ['numeric keys', { 2: 'b', 1: 'a', z: 'c' }],
];

const outcome = (schema: z.ZodMiniType, input: unknown) => {
  const result = z.safeParse(schema, input);
  return result.success
    ? { ok: true, data: result.data, prototype: Object.getPrototypeOf(result.data) }
    : {
        ok: false,
        issues: result.error.issues.map(({ code, path, message }) => ({ code, path, message })),
      };
};

describe('dictionary', () => {
  const values = z.string();
  const nested = z.looseObject({ inner: z.string() });

  it.each(INPUTS)('parses %s exactly as zod record does', (_, input) => {
    expect(outcome(dictionary(values), input)).toEqual(
      outcome(z.record(z.string(), values), input),
    );
    expect(outcome(dictionary(nested), input)).toEqual(
      outcome(z.record(z.string(), nested), input),
    );
  });

  it('keeps key order, drops __proto__, and never changes the prototype of the output', () => {
    const parsed = dictionary(values).parse(JSON.parse('{"b": "1", "__proto__": "p", "a": "2"}'));
    expect(Object.keys(parsed)).toEqual(['b', 'a']);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).p).toBeUndefined();
  });

  it('names the key of a bad value inside a record field', () => {
    const result = z.safeParse(settingsMapSchema, { ok: 1, bad: { deep: true } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['bad']]);
    expect(result.error?.issues[0]?.message).toMatch(/a number, string, boolean, or a list/);
  });
});
