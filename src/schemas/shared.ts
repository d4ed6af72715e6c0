import * as z from 'zod/mini';
import { dictionary } from './dictionary.js';

/** A zod/mini schema producing `Output`. Every exported schema is typed this way. */
export type Schema<Output> = z.ZodMiniType<Output, unknown>;

/** `string | null`, for fields the data may leave null. */
export const nullableString: Schema<string | null> = z.nullable(z.string());
/** `number | null`. */
export const nullableNumber: Schema<number | null> = z.nullable(z.number());
/** `boolean | null`. */
export const nullableBoolean: Schema<boolean | null> = z.nullable(z.boolean());

/** A value of a free-form settings map: numbers (fractional too), strings, booleans, or lists. */
export type SettingValue = number | string | boolean | (number | string)[];

/** Free-form settings (image `requirements`, text `settings`). */
export type SettingsMap = Record<string, SettingValue>;

function isScalar(value: unknown): value is number | string {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

function isSettingValue(value: unknown): value is SettingValue {
  return (
    isScalar(value) || typeof value === 'boolean' || (Array.isArray(value) && value.every(isScalar))
  );
}

/**
 * Schema of {@link SettingsMap}. A predicate rather than a union of four schemas: a union tries
 * each branch and builds an issue for every miss, which made validation of the real catalogue
 * noticeably slower for no gain in the error message.
 */
export const settingsMapSchema: Schema<SettingsMap> = dictionary(
  z.custom<SettingValue>(isSettingValue, {
    error: 'Expected a number, string, boolean, or a list of numbers or strings',
  }),
);

/**
 * A nullable list of tags, whitespace-trimmed like the reference library's `NormalizedTag`.
 */
export const tagListSchema: Schema<string[] | null> = z.pipe(
  z.nullable(z.array(z.string())),
  z.transform((tags: string[] | null) =>
    tags?.some((tag) => tag.trim() !== tag) ? tags.map((tag) => tag.trim()) : tags,
  ),
);

/** A nullable list read as `[]` when null or absent (image tags, showcases, trigger). */
export function listOrEmpty(list: Schema<string[] | null>): Schema<string[]> {
  return z.pipe(
    z.optional(list),
    z.transform((value: string[] | null | undefined) => value ?? []),
  );
}

/*
 * The small fixed sub-objects below are checked with predicates instead of object schemas: a loose
 * object schema copies every key into a new object, which on the real catalogue cost more than the
 * rest of validation together. A predicate keeps the input object as it is (unknown keys included)
 * and still names the field and the expected shape when it fails.
 */

const isNullish = (value: unknown): boolean => value === undefined || value === null;
const isOptionalString = (value: unknown): boolean => isNullish(value) || typeof value === 'string';
const isOptionalNumber = (value: unknown): boolean => isNullish(value) || typeof value === 'number';
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One downloadable file of a model. */
export interface DownloadRecord {
  /** Horde file name; may contain sub-paths (`annotators/...`). */
  file_name: string;
  /** Download URL. `""` after legacy conversion when the legacy file had no download entry. */
  file_url: string;
  /** sha256 of the file: hex in any case, or the sentinel `'FIXME'` when unknown. @default 'FIXME' */
  sha256sum: string;
  /**
   * Hash of the component's tensors (not of the whole file, unlike `sha256sum`): the same VAE or
   * text encoder shipped in two containers has one. Reference library 7.1+; kept from a legacy
   * file's `files[].content_hash`. Absent when unknown or unhashable (a `.ckpt` pickle).
   */
  content_hash?: string | null | undefined;
  /** What the file is for (`vae`, `text_encoders`, ...); null for the primary file. */
  file_purpose?: string | null | undefined;
  /** Whether the host is known to be slow. */
  known_slow_download?: boolean | null | undefined;
  /** File size in bytes, when known. */
  size_bytes?: number | null | undefined;
}

/** Schema of {@link DownloadRecord}. */
export const downloadRecordSchema: Schema<DownloadRecord> = z.pipe(
  z.custom<Omit<DownloadRecord, 'sha256sum'> & { sha256sum?: string }>(
    (value) =>
      isObject(value) &&
      typeof value.file_name === 'string' &&
      typeof value.file_url === 'string' &&
      (value.sha256sum === undefined || typeof value.sha256sum === 'string') &&
      isOptionalString(value.content_hash) &&
      isOptionalString(value.file_purpose) &&
      (isNullish(value.known_slow_download) || typeof value.known_slow_download === 'boolean') &&
      isOptionalNumber(value.size_bytes),
    {
      error:
        'Expected a download entry with string file_name and file_url, optional string sha256sum, content_hash and file_purpose, boolean known_slow_download and numeric size_bytes',
    },
  ),
  z.transform((value) =>
    value.sha256sum === undefined ? { ...value, sha256sum: 'FIXME' } : (value as DownloadRecord),
  ),
);

/** The `config` object of a v2 record. */
export interface RecordConfig {
  /** Files to download. @default [] */
  download: DownloadRecord[];
  /**
   * The content hash of each component a monolithic checkpoint embeds, by kind (`vae`,
   * `text_encoders`); split-file models carry `download[].content_hash` instead. Reference library
   * 7.1+, kept through legacy conversion.
   */
  embedded_component_hashes?: Record<string, string> | null | undefined;
}

/** Schema of {@link RecordConfig}. */
export const recordConfigSchema: Schema<RecordConfig> = z.looseObject({
  download: z._default(z.array(downloadRecordSchema), () => []),
  embedded_component_hashes: z.optional(z.nullable(dictionary(z.string()))),
});

/** The `metadata` object of a v2 record: schema version and Unix-second timestamps. */
export interface RecordMetadata {
  /** @default '2.0.0' */
  schema_version: string;
  created_at?: number | null | undefined;
  updated_at?: number | null | undefined;
  created_by?: string | null | undefined;
  updated_by?: string | null | undefined;
}

/** Schema of {@link RecordMetadata}. */
export const recordMetadataSchema: Schema<RecordMetadata> = z.pipe(
  z.custom<Partial<RecordMetadata>>(
    (value) =>
      isObject(value) &&
      isOptionalString(value.schema_version) &&
      isOptionalNumber(value.created_at) &&
      isOptionalNumber(value.updated_at) &&
      isOptionalString(value.created_by) &&
      isOptionalString(value.updated_by),
    {
      error:
        'Expected metadata to be an object with a string schema_version, created_at/updated_at as Unix seconds or null, created_by/updated_by as strings or null',
    },
  ),
  z.transform((value) =>
    typeof value.schema_version === 'string'
      ? (value as RecordMetadata)
      : { ...value, schema_version: '2.0.0' },
  ),
);

/** The series a fine-tuned model belongs to. */
export interface FinetuneSeries {
  name: string;
  version?: string | null | undefined;
  author?: string | null | undefined;
  description?: string | null | undefined;
  homepage?: string | null | undefined;
}

/** Schema of {@link FinetuneSeries}. */
export const finetuneSeriesSchema: Schema<FinetuneSeries> = z.looseObject({
  name: z.string(),
  version: z.optional(nullableString),
  author: z.optional(nullableString),
  description: z.optional(nullableString),
  homepage: z.optional(nullableString),
});

/** Known model domains. */
export const MODEL_DOMAINS = ['image', 'text', 'video', 'audio', 'rendered_3d'] as const;
/** Known model purposes. */
export const MODEL_PURPOSES = [
  'generation',
  'post_processing',
  'auxiliary_or_patch',
  'feature_extractor',
  'safety_checker',
  'miscellaneous',
] as const;

/** A model domain: a known one, or any newer string the server sends. */
export type ModelDomain = (typeof MODEL_DOMAINS)[number] | (string & {});
/** A model purpose: a known one, or any newer string the server sends. */
export type ModelPurpose = (typeof MODEL_PURPOSES)[number] | (string & {});

/** Domain and purpose of a model. */
export interface ModelClassification {
  domain: ModelDomain;
  purpose: ModelPurpose;
}

/** Schema of {@link ModelClassification}. Open: unknown values from a newer server are kept. */
export const modelClassificationSchema: Schema<ModelClassification> = z.custom<ModelClassification>(
  (value) =>
    isObject(value) && typeof value.domain === 'string' && typeof value.purpose === 'string',
  { error: 'Expected model_classification to be an object with string domain and purpose' },
);
