import { UnknownSourceError } from '../errors/unknown-source-error.js';
import { CANONICAL_SOURCE } from '../records/provenance.js';
import type { SourceSelector } from './model-provider.js';

/**
 * The ordered source ids a selector means: `any` is `horde` then every provider in registration
 * order; repeats keep their first place.
 *
 * @throws {UnknownSourceError} for an empty list, a value that is not a string, or an id that is
 * neither `horde`, `any` nor a registered provider, before any request.
 */
export function resolveSources(
  selector: SourceSelector | undefined,
  registered: readonly string[],
): string[] {
  const requested: unknown[] = selector === undefined ? [CANONICAL_SOURCE] : [selector].flat();
  const allowed = [CANONICAL_SOURCE, 'any', ...registered];
  const unknown = requested.filter((id) => typeof id !== 'string' || !allowed.includes(id));
  if (requested.length === 0 || unknown.length > 0)
    throw new UnknownSourceError(
      unknown.map((id) => (typeof id === 'string' ? id : String(typeof id))),
      allowed,
    );
  const ids = (requested as string[]).flatMap((id) =>
    id === 'any' ? [CANONICAL_SOURCE, ...registered] : [id],
  );
  return [...new Set(ids)];
}
