/**
 * A short, safe description of any value for an error message: strings quoted (and cut at 120
 * characters), numbers, `5n`, `Symbol(x)`, `null`, `undefined`, or the kind of object. It never
 * throws on BigInt, symbols or circular objects, and never prints an object's contents.
 *
 * @example
 * ```ts
 * describeValue('clipp'); // '"clipp"'
 * describeValue(5n);      // '5n'
 * describeValue({});      // 'an object'
 * ```
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  if (typeof value !== 'object' || value === null) return String(value);
  return Array.isArray(value) ? `an array of ${value.length}` : 'an object';
}
