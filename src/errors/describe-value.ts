const MAX_TEXT = 120;

/**
 * A short, safe description of any value for an error message: strings quoted (and cut at 120
 * characters), numbers, `5n`, `Symbol(x)`, `null`, `undefined`, or the kind of object. It never
 * throws (BigInt, symbols, circular objects, throwing getters and revoked proxies included) and
 * never prints an object's contents.
 *
 * @example
 * ```ts
 * describeValue('clipp'); // '"clipp"'
 * describeValue(5n);      // '5n'
 * describeValue({});      // 'an object'
 * ```
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string': {
      const text = value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
      return JSON.stringify(text);
    }
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.description === undefined
        ? 'a symbol'
        : `Symbol(${describeValue(value.description)})`;
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      try {
        if (Array.isArray(value)) return `an array of ${value.length}`;
      } catch {
        // A revoked proxy.
      }
      return 'an object';
  }
}
