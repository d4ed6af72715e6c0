import { describeValue } from '../errors/describe-value.js';
import { InvalidOptionsError } from '../errors/invalid-options-error.js';

/**
 * Refuses a `records` argument that is not an object of records keyed by name (what
 * `getCategory` returns), before any work: a typed error, never a TypeError halfway through.
 *
 * @throws {InvalidOptionsError} naming the argument and what it was.
 */
export function checkRecordsArgument(
  records: unknown,
  argument = 'records',
): asserts records is Readonly<Record<string, unknown>> {
  if (typeof records !== 'object' || records === null || Array.isArray(records))
    throw new InvalidOptionsError(
      argument,
      `expected an object of records keyed by name (as getCategory returns), got ${describeValue(records)}`,
    );
}

/**
 * Refuses a record that is not an object, met while walking records a caller passed.
 *
 * @throws {InvalidOptionsError}
 */
export function refuseRecord(record: unknown, argument = 'records'): never {
  throw new InvalidOptionsError(
    argument,
    `every record must be an object, got ${describeValue(record)}`,
  );
}
