import { CATEGORY_DESCRIPTORS, type Category } from '../categories.js';
import {
  type LegacyClipRecord,
  type LegacyConfig,
  type LegacyGenericRecord,
  type LegacyStableDiffusionRecord,
  legacyClipRecordSchema,
  legacyGenericRecordSchema,
  legacyStableDiffusionRecordSchema,
} from '../schemas/legacy-records.js';
import { parseWith } from '../schemas/parse-records.js';
import type { Schema } from '../schemas/shared.js';
import {
  ConversionBuilder,
  type LegacyConversion,
  type V2RecordJson,
  withoutNulls,
} from './legacy-conversion.js';

// A file whose path names one of these hosts is flagged as slow, as the reference does (it looks
// at the file path, not the URL, so today no real record is flagged).
const SLOW_HOSTS = ['civitai'];

/** Thrown inside one record's conversion; becomes an issue for that record. */
class RecordConversionError extends Error {}

/**
 * Turns `files[]` + `download[]` into v2 download entries: one per non-yaml file, its URL taken
 * from the download entry of the same name (`""` when none).
 */
function convertConfig(config: LegacyConfig, dropFixme: boolean): V2RecordJson {
  const downloads = new Map<string, V2RecordJson>();
  for (const file of config.files) {
    if (!file.path || file.path.toLowerCase().includes('yaml')) continue;
    const sha256sum = file.sha256sum || 'FIXME';
    downloads.set(
      file.path,
      withoutNulls({
        file_name: file.path,
        file_url: '',
        sha256sum: dropFixme && sha256sum === 'FIXME' ? undefined : sha256sum,
        file_purpose: file.file_type,
        content_hash: file.content_hash,
        known_slow_download: SLOW_HOSTS.some((host) => file.path.toLowerCase().includes(host)),
      }),
    );
  }
  for (const entry of config.download) {
    const target = downloads.get(entry.file_name ?? '');
    if (!target) {
      throw new RecordConversionError(
        `download entry ${JSON.stringify(entry.file_name)} has no matching config.files entry`,
      );
    }
    target.file_url = entry.file_url || '';
  }
  return withoutNulls({
    download: [...downloads.values()],
    embedded_component_hashes: config.embedded_component_hashes,
  });
}

/** The v2 fields every non-image-generation category gets, as the base converter writes them. */
function baseRecord(category: Category, legacy: LegacyGenericRecord): V2RecordJson {
  return withoutNulls({
    record_type: category,
    name: legacy.name,
    description: legacy.description,
    version: legacy.version,
    metadata: { schema_version: '2.0.0' },
    config: convertConfig(legacy.config, false),
    model_classification: { ...CATEGORY_DESCRIPTORS[category].classification },
  });
}

/**
 * image_generation is written with defaults and unset fields left out: no record_type,
 * metadata or classification, `inpainting` only when true, `sha256sum` only when known.
 */
function imageGenerationRecord(sd: LegacyStableDiffusionRecord): V2RecordJson {
  const config = convertConfig(sd.config, true);
  return withoutNulls({
    name: sd.name,
    description: sd.description,
    version: sd.version,
    config:
      (config.download as unknown[]).length > 0 || config.embedded_component_hashes
        ? config
        : undefined,
    size_on_disk_bytes: sd.size_on_disk_bytes,
    inpainting: sd.inpainting ? true : undefined,
    baseline: sd.baseline,
    optimization: sd.optimization,
    tags: sd.tags ?? [],
    showcases: sd.showcases ?? [],
    min_bridge_version: sd.min_bridge_version,
    trigger: sd.trigger ?? [],
    homepage: sd.homepage,
    nsfw: sd.nsfw ?? false,
    style: sd.style,
    requirements: sd.requirements,
  });
}

interface ImageConverter {
  readonly schema: Schema<LegacyGenericRecord>;
  readonly convert: (legacy: LegacyGenericRecord) => V2RecordJson;
}

function converter<T extends LegacyGenericRecord>(
  schema: Schema<T>,
  convert: (legacy: T) => V2RecordJson,
): ImageConverter {
  // The schema guarantees `T` for whatever `convert` receives.
  return { schema, convert: convert as (legacy: LegacyGenericRecord) => V2RecordJson };
}

const CONVERTERS: Partial<Record<Category, ImageConverter>> = {
  image_generation: converter(legacyStableDiffusionRecordSchema, imageGenerationRecord),
  clip: converter(legacyClipRecordSchema, (legacy: LegacyClipRecord) =>
    withoutNulls({ ...baseRecord('clip', legacy), pretrained_name: legacy.pretrained_name }),
  ),
  controlnet: converter(legacyGenericRecordSchema, (legacy) =>
    withoutNulls({
      ...baseRecord('controlnet', legacy),
      controlnet_style: legacy.type || legacy.style,
    }),
  ),
};

/**
 * Converts a legacy image-repository category (already JSON-parsed) to v2 JSON records.
 *
 * Records are validated with the legacy schema of their category; a record that fails validation
 * or conversion is reported and skipped (the reference aborts the whole category instead).
 */
export function convertImageCategory(
  category: Category,
  data: Record<string, unknown>,
): LegacyConversion {
  const { schema, convert } =
    CONVERTERS[category] ??
    converter(legacyGenericRecordSchema, (legacy) => baseRecord(category, legacy));
  const out = new ConversionBuilder(category);
  for (const [key, value] of Object.entries(data)) {
    const parsed = parseWith(schema, value);
    if (!parsed.ok) {
      out.skip(key, (value as { name?: unknown } | null)?.name, parsed.issues);
      continue;
    }
    try {
      out.records[key] = convert(parsed.record);
    } catch (error) {
      if (!(error instanceof RecordConversionError)) throw error;
      out.skip(key, parsed.record.name, [{ path: 'config', message: error.message }]);
    }
  }
  return out.result();
}
