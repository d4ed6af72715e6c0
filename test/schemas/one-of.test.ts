// oneOf stands in for z.enum (which the core cannot afford): checked against zod's own enum.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { oneOf } from '../../src/schemas/one-of.js';

const VALUES = ['clip', 'coca'] as const;
const INPUTS: readonly unknown[] = [
  'clip',
  'coca',
  'CLIP',
  ' clip',
  '',
  'constructor',
  'toString',
  0,
  null,
  undefined,
  ['clip'],
  { clip: true },
  new String('clip'),
];

const outcome = (schema: z.ZodMiniType, input: unknown) => {
  const result = z.safeParse(schema, input);
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, messages: result.error.issues.map(({ path, message }) => ({ path, message })) };
};

describe('oneOf', () => {
  it.each(INPUTS.map((input) => [input]))('parses %j exactly as z.enum does', (input) => {
    expect(outcome(oneOf(VALUES), input)).toEqual(outcome(z.enum(VALUES), input));
  });

  it('reports the field inside an object, with its default', () => {
    const schema = z.object({ type: z._default(oneOf(VALUES), 'clip') });
    expect(schema.parse({})).toEqual({ type: 'clip' });
    expect(z.safeParse(schema, { type: 'x' }).error?.issues[0]?.path).toEqual(['type']);
  });
});
