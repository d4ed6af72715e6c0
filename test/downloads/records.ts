// Small hand-made records for the download tests.
import type { ModelRecord } from '../../src/schemas/record-schemas.js';

/** One download entry of a test record. */
export interface TestFile {
  readonly name: string;
  readonly url?: string;
  readonly sha256?: string;
  readonly size?: number;
  readonly purpose?: string;
}

/** A v2 record with the given files (defaults filled as the schemas fill them). */
export function testRecord(
  name: string,
  files: readonly TestFile[],
  options: { category?: string; size?: number; createdAt?: number } = {},
): ModelRecord {
  return {
    record_type: options.category ?? 'image_generation',
    name,
    metadata: {
      schema_version: '2.0.0',
      ...(options.createdAt !== undefined ? { created_at: options.createdAt } : {}),
    },
    model_classification: { domain: 'image', purpose: 'generation' },
    ...(options.size !== undefined ? { size_on_disk_bytes: options.size } : {}),
    config: {
      download: files.map((f) => ({
        file_name: f.name,
        file_url: f.url ?? '',
        sha256sum: f.sha256 ?? 'FIXME',
        ...(f.size !== undefined ? { size_bytes: f.size } : {}),
        ...(f.purpose !== undefined ? { file_purpose: f.purpose } : {}),
      })),
    },
  } as ModelRecord;
}
