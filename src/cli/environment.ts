// The variables the CLI reads from its environment; each stands in for a flag.

/**
 * The environment variables the CLI reads, each standing in for a flag (a flag given on the
 * command line wins). `HORDE_PRIMARY_URL` and `HORDE_GITHUB_RAW_URL` are the names the examples use.
 */
export const ENVIRONMENT: readonly (readonly [name: string, meaning: string])[] = [
  ['HORDE_PRIMARY_URL', 'as --primary-url'],
  ['HORDE_GITHUB_RAW_URL', 'as --github-raw-url'],
  ['HORDE_API_KEY', 'as --api-key'],
  ['HORDE_MODEL_REFERENCE_DEBUG', 'as --debug when set to anything but "", 0, false, no or off'],
  ['XDG_CACHE_HOME', 'the default cache folder is $XDG_CACHE_HOME/horde-model-reference'],
];

const OFF = new Set(['', '0', 'false', 'no', 'off']);

/** Whether `$HORDE_MODEL_REFERENCE_DEBUG` turns debugging on. */
export function debugFromEnv(value: string | undefined): boolean {
  return value !== undefined && !OFF.has(value.trim().toLowerCase());
}
/** An environment variable's value, or `undefined` when unset or empty (`VAR= cmd` unsets it). */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
