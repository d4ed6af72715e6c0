import { checkKeys, checkObject } from '../util/option-checks.js';

/**
 * Refuses options that are not an object, or that hold a key `known` does not list: a misspelt
 * `concurency` would otherwise run with the default. `known` is typed as every key of the options
 * type, so an option added to the type and not here fails the type check.
 *
 * @throws {InvalidOptionsError} naming the first unknown key and the valid ones.
 */
export function checkOptionKeys<T extends object>(
  options: T | undefined,
  known: Readonly<Record<keyof T, true>>,
): void {
  checkKeys('', checkObject('options', options), Object.keys(known));
}
