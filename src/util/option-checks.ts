import { describeValue } from '../errors/describe-value.js';
import { InvalidOptionsError } from '../errors/invalid-options-error.js';

/** The longest delay `setTimeout` can hold (about 24.8 days); longer ones fire at once. */
export const MAX_TIMER_MS: number = 2 ** 31 - 1;

/**
 * Throws the {@link InvalidOptionsError} for `path`: `expected <expected>, got <value>` (a secret
 * is shown by its type only).
 *
 * @throws {InvalidOptionsError} always.
 */
export function rejectOption(
  path: string,
  expected: string,
  value: unknown,
  secret = false,
): never {
  throw new InvalidOptionsError(
    path,
    `expected ${expected}, got ${secret ? `a ${typeof value} (not shown)` : describeValue(value)}`,
  );
}

/** `value` as a plain object (or `{}` when undefined). */
export function checkObject(path: string, value: unknown): Readonly<Record<string, unknown>> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return rejectOption(path, 'an object', value);
  return value as Record<string, unknown>;
}

/**
 * Rejects keys that are not options, suggesting the right name for ones people reach for.
 *
 * @throws {InvalidOptionsError} for the first unknown key.
 */
export function checkKeys(
  path: string,
  value: Readonly<Record<string, unknown>>,
  known: readonly string[],
  renamed: Readonly<Record<string, string>> = {},
): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const at = path ? `${path}.${key}` : key;
    const hint = Object.hasOwn(renamed, key) ? renamed[key] : undefined;
    throw new InvalidOptionsError(
      at,
      hint
        ? `unknown option; did you mean ${hint}?`
        : `unknown option; valid options: ${known.join(', ')}`,
    );
  }
}

/** An integer within `[min, max]`, or `fallback` when undefined. */
export function checkInteger(
  path: string,
  value: unknown,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    return rejectOption(path, `an integer from ${min} to ${max}`, value);
  return value;
}

/**
 * A number of milliseconds within `[min, max]` (by default at most what a timer can hold), or
 * `fallback` when undefined.
 */
export function checkDuration(
  path: string,
  value: unknown,
  fallback: number,
  min = 0,
  max: number = MAX_TIMER_MS,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    const kind = min === 0 ? 'a non-negative number' : min <= 1 ? 'a positive number' : 'a number';
    return rejectOption(
      path,
      `${kind} of milliseconds ${min > 1 ? `>= ${min} ` : ''}(at most ${max})`,
      value,
    );
  }
  return value;
}

/** A boolean, or `fallback` when undefined. */
export function checkBoolean(path: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') return rejectOption(path, 'true or false', value);
  return value;
}

/** A function, or `undefined`. */
export function checkFunction<F>(path: string, value: unknown): F | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'function') return rejectOption(path, 'a function', value);
  return value as F;
}

/**
 * An absolute http(s) URL without credentials (a password in a URL would be reported with it, and
 * `fetch` refuses such URLs anyway); a trailing slash is dropped.
 */
export function checkHttpUrl(path: string, value: unknown): string {
  if (typeof value !== 'string' || value === '')
    return rejectOption(path, 'an absolute http(s) URL', value);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidOptionsError(path, `${describeValue(value)} is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InvalidOptionsError(path, `expected an http(s) URL, got ${url.protocol}`);
  if (url.username || url.password)
    throw new InvalidOptionsError(
      path,
      'credentials in the URL (user:password@) are not allowed: they would be reported with it; use the apiKey option or a fetch that adds them',
    );
  return value.replace(/\/+$/, '');
}

// Visible ASCII and spaces inside: what an HTTP header value can carry on every runtime.
const HEADER_SAFE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/**
 * A value that can go into an HTTP header as is. A secret (the API key) is never echoed: the
 * message says what is wrong with it (a line break, often from a file read with its newline).
 */
export function checkHeaderValue(path: string, value: unknown, secret: boolean): string {
  if (typeof value !== 'string' || value === '')
    return rejectOption(path, 'a non-empty string', value, secret);
  if (HEADER_SAFE.test(value)) return value;
  const problem = /[\r\n]/.test(value)
    ? 'a line break (CR or LF; a value read from a file often ends with one: trim it)'
    : /\0/.test(value)
      ? 'a NUL character'
      : /^\s|\s$/.test(value)
        ? 'leading or trailing white space'
        : 'a character an HTTP header cannot carry (only visible ASCII and inner spaces)';
  throw new InvalidOptionsError(
    path,
    `${secret ? 'the value (not shown)' : describeValue(value)} contains ${problem}`,
  );
}

/** One of `allowed`, or `fallback` when undefined. */
export function checkOneOf<T extends string>(
  path: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T))
    return rejectOption(path, `one of ${allowed.join(', ')}`, value);
  return value as T;
}

/** An AbortSignal (from any realm), or `undefined`. */
export function checkSignal(path: string, value: unknown): AbortSignal | undefined {
  if (value === undefined) return undefined;
  const signal = value as Partial<AbortSignal> | null;
  if (
    typeof signal !== 'object' ||
    signal === null ||
    typeof signal.addEventListener !== 'function' ||
    typeof signal.aborted !== 'boolean'
  )
    return rejectOption(path, 'an AbortSignal', value);
  return value as AbortSignal;
}

/**
 * An object whose `methods` are functions where present (`console` as a logger), or `undefined`.
 * With `only`, any other key is an unknown option.
 */
export function checkMethods<T>(
  path: string,
  value: unknown,
  methods: readonly string[],
  only = false,
): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return rejectOption(path, `an object with ${methods.join(', ')} methods`, value);
  const given = value as Record<string, unknown>;
  if (only) checkKeys(path, given, methods);
  for (const method of methods) checkFunction(`${path}.${method}`, given[method]);
  return value as T;
}
