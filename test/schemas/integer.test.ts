// The integer schema stands in for zod's int() with gte/lte checks (which the core cannot afford):
// checked against zod's own on the values the data and callers can send, alone and as a field.

import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { integer } from '../../src/schemas/integer.js';
import { issueMessage } from '../../src/schemas/issue-message.js';

const VALUES: readonly unknown[] = [
  0,
  1,
  2,
  500,
  501,
  -1,
  -0,
  1.5,
  1e-9,
  2 ** 53 - 1,
  2 ** 53,
  -(2 ** 53),
  1e20,
  -1e20,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  '3',
  null,
  undefined,
  true,
  {},
  [],
  10n,
];

const PAIRS: readonly [string, z.ZodMiniType, z.ZodMiniType][] = [
  ['int()', z.int(), integer()],
  ['int() >= 0', z.int().check(z.gte(0)), integer(0)],
  ['int() >= 1', z.int().check(z.gte(1)), integer(1)],
  ['int() from 1 to 500', z.int().check(z.gte(1), z.lte(500)), integer(1, 500)],
];

const WRAPS: readonly [string, (schema: z.ZodMiniType) => z.ZodMiniType][] = [
  ['alone', (schema) => schema],
  ['optional', (schema) => z.optional(schema)],
  ['a loose object field', (schema) => z.looseObject({ x: schema })],
  ['an optional nullable field', (schema) => z.looseObject({ x: z.optional(z.nullable(schema)) })],
  ['a defaulted field', (schema) => z.looseObject({ x: z._default(schema, 7) })],
];

const outcome = (schema: z.ZodMiniType, input: unknown) => {
  const result = schema.safeParse(input, { reportInput: true });
  return result.success
    ? { ok: true, data: result.data }
    : {
        ok: false,
        issues: result.error.issues,
        messages: result.error.issues.map((issue) => issueMessage(issue, input)),
      };
};

describe('integer', () => {
  for (const [name, zod, ours] of PAIRS)
    for (const [where, wrap] of WRAPS)
      it(`answers as zod's ${name}, ${where}`, () => {
        for (const value of VALUES)
          for (const input of [value, { x: value }, {}])
            expect(outcome(wrap(ours), input)).toEqual(outcome(wrap(zod), input));
      });

  it('says what was wrong', () => {
    expect(outcome(integer(1, 500), 1.5)).toMatchObject({
      messages: ['expected an integer, got 1.5'],
    });
    expect(outcome(integer(1, 500), 0)).toMatchObject({
      messages: ['expected a number >= 1, got 0'],
    });
    expect(outcome(integer(1, 500), 1e20).issues).toHaveLength(2);
  });
});
