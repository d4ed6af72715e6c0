// The licensing filters of the service's search (upstream `service/v2/routers/search.py` at
// c0fba994; see docs/upstream-8x.md), for local search, the query builder and the API client.
import * as z from 'zod/mini';
import type { LicensedRecord } from '../records/licensing.js';
import { type KnownPermissionStatus, PERMISSION_STATUSES } from '../schemas/licensing.js';
import { oneOf } from '../schemas/one-of.js';
import type { Schema } from '../schemas/shared.js';
import { expectArgument } from './query-arguments.js';

/** The licensing parameters of search (8.x servers; a 7.6 server ignores them). */
export interface LicensingSearchParams {
  /**
   * Records whose model-level `licensing.license_ids` include this id. Records without licensing
   * never match, and per-file overrides are not consulted, as on the server.
   */
  readonly licenseId?: string | undefined;
  /** Records with this commercial-use conclusion; a record without licensing counts as `unknown`. */
  readonly commercialUse?: KnownPermissionStatus | undefined;
  /** Records with this redistribution conclusion; a record without licensing counts as `unknown`. */
  readonly redistribution?: KnownPermissionStatus | undefined;
}

/** The validators of {@link LicensingSearchParams}, to spread into a search parameter schema. */
export const LICENSING_PARAM_SHAPE: {
  licenseId: z.ZodMiniOptional<z.ZodMiniString<string>>;
  commercialUse: z.ZodMiniOptional<Schema<KnownPermissionStatus>>;
  redistribution: z.ZodMiniOptional<Schema<KnownPermissionStatus>>;
} = {
  licenseId: z.optional(z.string()),
  commercialUse: z.optional(oneOf(PERMISSION_STATUSES)),
  redistribution: z.optional(oneOf(PERMISSION_STATUSES)),
};

/**
 * One predicate per licensing parameter that is set, with the server's semantics.
 *
 * @example
 * ```ts
 * const [free] = licensingFilters({ commercialUse: 'allowed' });
 * free?.(record); // false for a record without licensing (it counts as unknown)
 * ```
 */
export function licensingFilters(
  params: LicensingSearchParams,
): ((record: LicensedRecord) => boolean)[] {
  const { licenseId, commercialUse, redistribution } = params;
  const filters: ((record: LicensedRecord) => boolean)[] = [];
  if (licenseId !== undefined)
    filters.push((record) => record.licensing?.license_ids.includes(licenseId) === true);
  const wanted = [
    ['commercial_use', commercialUse],
    ['redistribution', redistribution],
  ] as const;
  // `unknown` without licensing, as `effectiveLicensing` says (read inline to keep the core small).
  for (const [activity, status] of wanted)
    if (status !== undefined)
      filters.push((record) => (record.licensing?.[activity] ?? 'unknown') === status);
  return filters;
}

/**
 * The argument of `whereLicensing`, checked as the query builder checks its arguments.
 *
 * @throws {InvalidSearchParamsError} for a non-object, a `licenseId` that is not a string, or a
 * status that is not one of {@link PERMISSION_STATUSES}.
 */
export function checkLicensingParams(params: unknown): void {
  expectArgument(
    typeof params === 'object' && params !== null,
    'params',
    params,
    '{ licenseId?, commercialUse?, redistribution? }',
  );
  const { licenseId, commercialUse, redistribution } = params as Record<string, unknown>;
  expectArgument(
    licenseId === undefined || typeof licenseId === 'string',
    'licenseId',
    licenseId,
    'a license id',
  );
  for (const [param, status] of [
    ['commercialUse', commercialUse],
    ['redistribution', redistribution],
  ] as const)
    expectArgument(
      status === undefined || (PERMISSION_STATUSES as readonly unknown[]).includes(status),
      param,
      status,
      'a permission status',
      PERMISSION_STATUSES,
    );
}
