// Validation messages that say what was expected and what was found. zod/mini carries no
// messages (every issue says "Invalid input"), only the facts: the issue's code, what it expected,
// and its path into the value, where the value found is read back (own keys only, so a hostile
// `__proto__` path reads nothing from a prototype).
import type * as z from 'zod/mini';
import { describeValue } from '../errors/describe-value.js';

const MISSING: unique symbol = Symbol();

/** What lies at `path` inside `root`, or {@link MISSING} when a step of the path is absent. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return MISSING;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

// zod's names of expected types, as a message says them.
const TYPES: Readonly<Record<string, string>> = {
  int: 'an integer',
  record: 'an object',
  object: 'an object',
  array: 'an array',
};
const typeName = (type: string) => TYPES[type] ?? type;

/** At most eight values, described and joined. */
const list = (values: readonly unknown[], joiner: string) =>
  values.slice(0, 8).map(describeValue).join(joiner) + (values.length > 8 ? ', …' : '');

/** `"a" or "b"`, or `one of "a", "b", …` for longer lists. */
const choices = (values: readonly unknown[]) =>
  values.length > 2 ? `one of ${list(values, ', ')}` : list(values, ' or ');

/** What the issue expected, in words. */
function expected(issue: z.core.$ZodIssue): string | null {
  switch (issue.code) {
    case 'invalid_type':
      return typeName(issue.expected);
    case 'invalid_value':
      return choices(issue.values);
    case 'custom': {
      const values = issue.params?.values; // oneOf's
      return Array.isArray(values) ? choices(values) : null;
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = Number(small ? issue.minimum : issue.maximum);
      const sign = `${small ? '>' : '<'}${issue.inclusive ? '=' : ''}`;
      const unit = { string: 'characters', array: 'items', set: 'items' }[issue.origin as string];
      return unit
        ? `${small ? 'at least' : 'at most'} ${issue.inclusive ? bound : bound + (small ? 1 : -1)} ${unit}`
        : `a number ${sign} ${bound}`;
    }
    case 'invalid_format':
      return issue.format === 'regex' ? `a string matching ${issue.pattern}` : `a ${issue.format}`;
    case 'not_multiple_of':
      return `a multiple of ${issue.divisor}`;
    case 'invalid_union': {
      // Each alternative's own type, when that is why it failed: `string or number`.
      const types = issue.errors.flatMap((alternative) =>
        alternative[0]?.code === 'invalid_type' && alternative[0].path.length === 0
          ? [typeName(alternative[0].expected)]
          : [],
      );
      return types.length === issue.errors.length && types.length > 0 ? types.join(' or ') : null;
    }
    default:
      return null;
  }
}

/**
 * A message for one zod issue that says what was expected and what was found in `root` (the
 * value validated): `expected boolean, got "maybe"`, `missing (expected string)`,
 * `expected "v1" or "v2", got "v3"`, `unexpected keys "extra"`. Values are shown short and
 * escaped ({@link describeValue}: strings quoted and cut, objects by kind, never their contents).
 * A message the schema set on purpose is kept, with what was found.
 *
 * @example
 * ```ts
 * const result = schema.safeParse(raw);
 * if (!result.success) result.error.issues.map((issue) => issueMessage(issue, raw));
 * ```
 */
export function issueMessage(issue: z.core.$ZodIssue, root: unknown): string {
  if (issue.code === 'unrecognized_keys')
    return `unexpected key${issue.keys.length > 1 ? 's' : ''} ${list(issue.keys, ', ')}`;
  const found = valueAt(root, issue.path);
  const got = found === MISSING ? 'missing' : `got ${describeValue(found)}`;
  // A message the schema set on purpose already says what it expects.
  if (issue.message !== 'Invalid input') return `${issue.message}, ${got}`;
  const wanted = expected(issue);
  if (found === MISSING) return wanted === null ? got : `missing (expected ${wanted})`;
  return wanted === null ? `invalid value, ${got}` : `expected ${wanted}, ${got}`;
}
