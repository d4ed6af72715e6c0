// The image baseline catalog as a fleet publishes it (issue 18: cached like a category). The
// leader publishes what the PRIMARY answered, including "this PRIMARY has no catalog" (a 7.6
// server's 404), so followers neither read the PRIMARY nor wait for a leader that has nothing.
import { InvalidFleetEntryError } from '../errors/invalid-fleet-entry-error.js';
import { imageBaselineCatalogSchema } from '../schemas/baseline-catalog.js';
import type { FleetEntry } from './fleet-backend.js';
import type { FleetBaselines } from './fleet-link.js';

const FORMAT = 'horde-model-reference/fleet-baselines';

/** The store payload of a catalog: what the leader holds, never a header but its `ETag`. */
export function encodeFleetBaselines(baselines: FleetBaselines): string {
  const { catalog, fetchedAt, etag, reason } = baselines;
  return JSON.stringify({ format: FORMAT, version: 1, catalog, fetchedAt, etag, reason });
}

/** What tells two catalogs apart for publishing: not when they were fetched. */
export function baselinesKey(baselines: FleetBaselines): string {
  return JSON.stringify([baselines.catalog, baselines.etag, baselines.reason]);
}

/**
 * Reads a store entry back into a validated catalog (or the leader's word that the PRIMARY has
 * none). A time in the future is taken as now.
 *
 * @throws {InvalidFleetEntryError} when the payload is not JSON, not a fleet baseline catalog, or
 * its catalog fails validation.
 */
export function parseFleetBaselines(entry: FleetEntry, now: number): FleetBaselines {
  const refuse = (reason: string) =>
    new InvalidFleetEntryError('image_baselines', entry.version, reason);
  let value: unknown;
  try {
    value = JSON.parse(entry.payload);
  } catch {
    throw refuse('the payload is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw refuse(`the payload is not a ${FORMAT} version 1 payload`);
  const { format, version, catalog, fetchedAt, etag, reason } = value as Record<string, unknown>;
  if (format !== FORMAT || version !== 1)
    throw refuse(`the payload is not a ${FORMAT} version 1 payload`);
  if (typeof fetchedAt !== 'number' || !Number.isFinite(fetchedAt))
    throw refuse('it does not say when it was fetched');
  if (etag !== null && typeof etag !== 'string') throw refuse('its ETag is not a string');
  if (reason !== null && typeof reason !== 'string') throw refuse('its reason is not a string');
  if (catalog === null) {
    // "The PRIMARY has no catalog" must say why: the follower shows it.
    if (reason === null) throw refuse('it has neither a catalog nor a reason');
    return { catalog: null, fetchedAt: Math.min(fetchedAt, now), etag: null, reason };
  }
  const parsed = imageBaselineCatalogSchema.safeParse(catalog);
  if (!parsed.success) throw refuse('its catalog fails validation');
  return { catalog: parsed.data, fetchedAt: Math.min(fetchedAt, now), etag, reason };
}
