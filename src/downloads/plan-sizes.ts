import type { ModelRecord } from '../schemas/record-schemas.js';
import { downloadManifest } from '../worker/download-manifest.js';

/**
 * The expected size of each file of a record: its `size_bytes` when given; otherwise, when it is
 * the only file without one, the record's `size_on_disk_bytes` less the others (most records have
 * one file and only the record's size); else `null`.
 */
export function fileSizeEstimates(record: ModelRecord): (number | null)[] {
  const files = downloadManifest(record).files;
  const sizes = files.map((f) => f.sizeBytes);
  const unknown = sizes.filter((s) => s === null).length;
  const total = record.size_on_disk_bytes;
  if (unknown !== 1 || typeof total !== 'number' || !Number.isFinite(total)) return sizes;
  const known = sizes.reduce<number>((sum, s) => sum + (s ?? 0), 0);
  const rest = total - known;
  return sizes.map((s) => s ?? (rest >= 0 ? rest : null));
}
