import { InvalidSearchParamsError } from '../errors/invalid-search-params-error.js';
import { CANONICAL_SOURCE, type SourceSelector } from './model-provider.js';

/**
 * The ordered source ids a selector means: `any` is `horde` then every provider in registration
 * order; repeats keep their first place.
 *
 * @throws {InvalidSearchParamsError} (param `source`) for an empty list or an id that is neither
 * `horde`, `any` nor a registered provider, before any request.
 */
export function resolveSources(
  selector: SourceSelector | undefined,
  registered: readonly string[],
): string[] {
  const requested = selector === undefined ? [CANONICAL_SOURCE] : [selector].flat();
  const allowed = [CANONICAL_SOURCE, 'any', ...registered];
  const unknown = requested.filter((id) => !allowed.includes(id));
  if (requested.length === 0 || unknown.length > 0)
    throw new InvalidSearchParamsError([
      {
        param: 'source',
        message:
          requested.length === 0
            ? 'an empty list selects nothing'
            : `no provider is registered under ${unknown.map((id) => `"${id}"`).join(', ')}`,
        allowed,
      },
    ]);
  const ids = requested.flatMap((id) => (id === 'any' ? [CANONICAL_SOURCE, ...registered] : [id]));
  return [...new Set(ids)];
}
