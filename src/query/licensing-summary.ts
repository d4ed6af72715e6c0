// The model part of the service's licensing summary (`GET .../licensing/summary`, upstream
// `service/v2/routers/licensing.py` at c0fba994), computed locally. The category statistics have
// no licensing fields on the server (docs/upstream-8x.md), so they stay as they are.
import { effectiveLicensing, type LicensedRecord } from '../records/licensing.js';
import { type KnownPermissionStatus, PERMISSION_STATUSES } from '../schemas/licensing.js';

/** Counts per permission status: the four known ones always present (0 included). */
export type PermissionCounts = Record<KnownPermissionStatus, number> & Record<string, number>;

/** Aggregate licensing counts, in the server's `LicensingSummary` shape. */
export interface LicensingSummary {
  /** Assets counted (here: records). */
  total_assets: number;
  commercial_use: PermissionCounts;
  redistribution: PermissionCounts;
  /** How many assets name each license id at model level, sorted by id. */
  licenses: Record<string, number>;
}

const zeros = (): PermissionCounts =>
  Object.fromEntries(PERMISSION_STATUSES.map((status) => [status, 0])) as PermissionCounts;

/**
 * Licensing counts over records, as the service's summary counts its model assets: records
 * without licensing count as `unknown`; license ids are the model-level ones. A status this SDK
 * does not know is counted under its own key, so the counts always add up to `total_assets`.
 *
 * @example
 * ```ts
 * summarizeLicensing(Object.values(await refs.getCategory('image_generation'))).commercial_use.allowed;
 * ```
 */
export function summarizeLicensing(records: Iterable<LicensedRecord>): LicensingSummary {
  const commercial = zeros();
  const redistribution = zeros();
  const licenses = new Map<string, number>();
  let total = 0;
  for (const record of records) {
    total++;
    const licensing = effectiveLicensing(record);
    commercial[licensing.commercial_use] = (commercial[licensing.commercial_use] ?? 0) + 1;
    redistribution[licensing.redistribution] = (redistribution[licensing.redistribution] ?? 0) + 1;
    for (const id of licensing.license_ids) licenses.set(id, (licenses.get(id) ?? 0) + 1);
  }
  // Python sorts str keys by code point: compare that way, not with localeCompare.
  const sorted = [...licenses].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    total_assets: total,
    commercial_use: commercial,
    redistribution,
    licenses: Object.assign(Object.create(null), Object.fromEntries(sorted)),
  };
}
