// A fast path for the record schemas: the same zod/mini schemas, walked without zod's per-field
// bookkeeping (a payload object and an issues array for every field of every record, absent ones
// included, which made validating the real catalogue cost 2.5× its JSON.parse). It answers only
// for a value zod accepts, and gives up (throws) at the first thing off: the caller then runs the
// zod schema, which names the problem. Each kind of node below does what zod does to a value it
// accepts: the same output, the same key order, the same objects kept from the input. Other
// kinds, nodes with checks, coercion or exact optionality, and every value while zod is set to
// memoize (z.config({ memoizer })), are parsed by zod itself. It mirrors zod's internals, so it
// answers only under the zod release it was verified against (ZOD_VERIFIED); under any other,
// zod answers every record (the same answers, at zod's speed). test/schemas/fast-parse*.test.ts
// hold it to zod's own output, issues and frozen records: on the real catalogue, on fuzzed and
// hostile values, and on every kind of zod/mini node; updating zod means re-running them and
// moving ZOD_VERIFIED. record-validation.ts loads this module on the first parse, outside the core
// bundle's initial load.
import * as z from 'zod/mini';
import type { Schema } from './shared.js';

/** The zod release (major.minor.patch) the fast path was verified against. */
export const ZOD_VERIFIED = '4.6.7';

/** A compiled schema: what zod's parse returns for `value`; it throws when zod would not accept it. */
export type FastParse = (value: unknown) => unknown;

// Thrown, and compared with, as a value no input can hold.
const giveUp = (): never => {
  throw giveUp;
};

// The parts of zod's schema internals (`schema._zod`, the surface zod/v4/core documents for
// library authors) the compiler reads.
interface Node {
  _zod: {
    def: {
      type: string;
      checks?: unknown[];
      check?: string;
      innerType: Schema<unknown>;
      in: Schema<unknown>;
      out: Schema<unknown>;
      element: Schema<unknown>;
      shape: Record<string, Schema<unknown>>;
      catchall?: Schema<unknown>;
      transform: (value: unknown, payload: { value: unknown; issues: unknown[] }) => unknown;
      fn: (value: unknown) => unknown;
      defaultValue: unknown;
      coerce?: boolean;
    };
    optin?: string;
    optout?: string;
    traits: Set<string>;
    version: { major: number; minor: number; patch: number };
    run: (
      payload: { value: unknown; issues: unknown[] },
      context: { async: false },
    ) => { value: unknown; issues: unknown[] };
  };
}

/**
 * Compiles `schema` into its fast path (once per schema: reading zod's definitions on every value
 * measured slower than zod). The record schemas are trees; a schema that refers back to itself
 * (z.lazy) is left to zod.
 */
export function compileFastParse(schema: Schema<unknown>): FastParse {
  const { def, version } = (schema as unknown as Node)._zod;
  // another zod release: nothing answers here, zod answers everything
  if (`${version.major}.${version.minor}.${version.patch}` !== ZOD_VERIFIED) return giveUp;
  const { type, innerType, catchall, transform } = def;
  // exact optionality hands undefined to the inner schema: left to zod
  const plain =
    !def.checks?.length &&
    (!def.check || type === 'custom') &&
    !def.coerce &&
    !(schema as unknown as Node)._zod.traits.has('$ZodExactOptional');
  if (plain) {
    if (type === 'custom') return (value) => (def.fn(value) === true ? value : giveUp());
    if (type === 'string' || type === 'boolean')
      return (value) => (typeof value === type ? value : giveUp());
    // optional: undefined stays undefined unless the inner schema fills in a default; nullable:
    // null stays null
    if (type === 'optional' || type === 'nullable') {
      const parse = compileFastParse(innerType);
      const kept =
        type === 'nullable'
          ? null
          : (innerType._zod.optin as string) !== 'defaulted'
            ? undefined
            : giveUp;
      return (value) => (value === kept ? value : parse(value));
    }
    // the default (a new one on each read) for undefined, in or out
    if (type === 'default') {
      const parse = compileFastParse(innerType);
      return (value) => {
        const output = value === undefined ? value : parse(value);
        return output === undefined ? def.defaultValue : output;
      };
    }
    // a new array
    if (type === 'array') {
      const parse = compileFastParse(def.element);
      return (value) => {
        if (!Array.isArray(value)) giveUp();
        const output: unknown[] = [];
        for (let i = 0; i < (value as unknown[]).length; i++)
          output.push(parse((value as unknown[])[i]));
        return output;
      };
    }
    // a codec is a pipe with a transform of its own: left to zod
    if (type === 'pipe' && !transform) {
      const first = compileFastParse(def.in);
      const then = compileFastParse(def.out);
      return (value) => then(first(value));
    }
    // a loose or plain object; a strict one (catchall never) is left to zod
    if (type === 'object' && (!catchall || catchall._zod.def.type === 'unknown'))
      return object(def.shape, !!catchall);
  }
  // what z.parse does, without building the ZodError it throws (the caller only gives up)
  return (value) => {
    const result = (schema as unknown as Node)._zod.run({ value, issues: [] }, { async: false });
    return result.issues.length ? giveUp() : result.value;
  };
}

/**
 * A new object with the shape's keys in the shape's order (a key absent from the input stays
 * absent unless its schema fills it in, as zod decides from the schema's optin and optout), then,
 * for a loose object, the input's other keys in its order, `__proto__` never copied.
 */
function object(shape: Record<string, Schema<unknown>>, loose: boolean): FastParse {
  // zod never writes a shape's `__proto__` key into its output either
  const keys = Object.keys(shape).filter((key) => key !== '__proto__');
  const fields = keys.map((key) => {
    const field = shape[key] as Schema<unknown>;
    const { optin, optout } = field._zod as { optin?: string; optout?: string };
    return [key, compileFastParse(field), optin, optout] as const;
  });
  return (value) => {
    // memoizing zod allocates its output objects another way: zod answers
    if (z.config().memoizer || typeof value !== 'object' || value === null || Array.isArray(value))
      giveUp();
    const input = value as Record<string, unknown>;
    const output: Record<string, unknown> = {};
    for (const [key, parse, optin, optout] of fields) {
      const present = key in input;
      if (!(present || optin)) giveUp();
      if (present || optin !== 'optional' || optout !== 'optional') {
        const result = parse(input[key]);
        if (result !== undefined || present || (optin === 'defaulted' && !optout))
          output[key] = result;
      }
    }
    if (loose)
      for (const key in input)
        if (!Object.hasOwn(shape, key) && key !== '__proto__') output[key] = input[key];
    return output;
  };
}
