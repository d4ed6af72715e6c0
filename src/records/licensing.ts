// Pure licensing reads over records, with the service's semantics (docs/upstream-8x.md): a record
// without licensing is `NOASSERTION` / `unknown`, and a file without an override inherits the
// model-level conclusion.
import {
  type KnownPermissionStatus,
  type LicenseAssignment,
  type ModelLicensing,
  PERMISSION_STATUSES,
  type PermissionStatus,
  unknownModelLicensing,
} from '../schemas/licensing.js';
import type { DeepReadonly } from '../util/deep-readonly.js';
import { freezeDeep } from '../util/freeze-deep.js';

/** What a record may carry: every category's records have an optional `licensing`. */
export interface LicensedRecord {
  readonly licensing?: DeepReadonly<ModelLicensing> | null | undefined;
  readonly config?: { readonly download?: readonly { readonly file_name: string }[] };
}

// Made on first use: a module-level call would stay in every bundle that imports this module.
let unknown: DeepReadonly<ModelLicensing> | undefined;

/**
 * The licensing the service serves for `record`: its own, or the `NOASSERTION` conclusion (both
 * permissions `unknown`) when it has none, as a 7.6 server's records never do. Do not mutate the
 * result: the fallback is one shared, deep-frozen object.
 *
 * @example
 * ```ts
 * effectiveLicensing(record).commercial_use; // 'unknown' for a record without licensing
 * ```
 */
export function effectiveLicensing(record: LicensedRecord): DeepReadonly<ModelLicensing> {
  if (record.licensing) return record.licensing;
  if (!unknown) {
    const fallback = unknownModelLicensing();
    freezeDeep(fallback, 4); // shared by every record without licensing: frozen all the way down
    unknown = fallback;
  }
  return unknown;
}

/**
 * The conclusion that applies to one download of `record`: its file override when there is one
 * (keyed by the exact `file_name`), otherwise the model-level conclusion.
 */
export function licensingForFile(
  record: LicensedRecord,
  fileName: string,
): DeepReadonly<LicenseAssignment> {
  const licensing = effectiveLicensing(record);
  return Object.hasOwn(licensing.files, fileName)
    ? (licensing.files[fileName] as DeepReadonly<LicenseAssignment>)
    : licensing;
}

/** Whether `status` is one of the four conclusions the service knows. */
export function isKnownPermissionStatus(status: unknown): status is KnownPermissionStatus {
  return (PERMISSION_STATUSES as readonly unknown[]).includes(status);
}

/**
 * The most restrictive of several conclusions, as upstream aggregates them: `prohibited` wins,
 * then `unknown` (also for no conclusion at all, or a value this SDK does not know), then
 * `allowed_with_conditions`, then `allowed`.
 *
 * @example
 * ```ts
 * aggregatePermissions(['allowed', 'allowed_with_conditions']); // 'allowed_with_conditions'
 * aggregatePermissions([]); // 'unknown'
 * ```
 */
export function aggregatePermissions(statuses: readonly PermissionStatus[]): KnownPermissionStatus {
  if (statuses.includes('prohibited')) return 'prohibited';
  if (statuses.length === 0 || statuses.some((s) => s === 'unknown' || !isKnownPermissionStatus(s)))
    return 'unknown';
  return statuses.includes('allowed_with_conditions') ? 'allowed_with_conditions' : 'allowed';
}

/**
 * The conclusion for everything a worker downloads for `record`: the aggregate over each declared
 * download's effective conclusion (the model-level one when it declares no download).
 *
 * @example
 * ```ts
 * downloadPermission(record, 'redistribution'); // 'prohibited' when one file prohibits it
 * ```
 */
export function downloadPermission(
  record: LicensedRecord,
  activity: 'commercial_use' | 'redistribution',
): KnownPermissionStatus {
  const files = record.config?.download ?? [];
  if (files.length === 0) return aggregatePermissions([effectiveLicensing(record)[activity]]);
  return aggregatePermissions(
    files.map((file) => licensingForFile(record, file.file_name)[activity]),
  );
}
