import * as z from 'zod/mini';
import { dictionary } from './dictionary.js';
import { integer } from './integer.js';
import { oneOf } from './one-of.js';
import {
  nullableBoolean,
  nullableString,
  type Schema,
  type SettingsMap,
  settingsMapSchema,
} from './shared.js';

/** A `config.files[]` entry of a legacy record. */
export interface LegacyConfigFile {
  path: string;
  md5sum?: string | null | undefined;
  sha256sum?: string | null | undefined;
  file_type?: string | null | undefined;
  content_hash?: string | null | undefined;
}

/** A `config.download[]` entry of a legacy record. */
export interface LegacyConfigDownload {
  file_name?: string | null | undefined;
  file_path?: string | null | undefined;
  file_url?: string | null | undefined;
}

/** The `config` of a legacy record: files with checksums, and where to download them. */
export interface LegacyConfig {
  files: LegacyConfigFile[];
  download: LegacyConfigDownload[];
  embedded_component_hashes?: Record<string, string> | null | undefined;
}

/** Fields every legacy (v1) record has. Unknown fields are kept. */
export interface LegacyGenericRecord {
  name: string;
  type?: string | null | undefined;
  description?: string | null | undefined;
  version?: string | null | undefined;
  style?: string | null | undefined;
  nsfw?: boolean | null | undefined;
  download_all?: boolean | null | undefined;
  config: LegacyConfig;
  available?: boolean | null | undefined;
  features_not_supported?: string[] | null | undefined;
}

/** A legacy `stable_diffusion.json` record. */
export interface LegacyStableDiffusionRecord extends LegacyGenericRecord {
  type: 'ckpt';
  inpainting: boolean;
  /** Normalised on read: `stable diffusion 1` → `stable_diffusion_1`, and so on. */
  baseline: string;
  tags?: string[] | null | undefined;
  showcases?: string[] | null | undefined;
  min_bridge_version?: number | null | undefined;
  trigger?: string[] | null | undefined;
  homepage?: string | null | undefined;
  size_on_disk_bytes?: number | null | undefined;
  optimization?: string | null | undefined;
  requirements?: SettingsMap | null | undefined;
}

/** A legacy text record, in the `db.json` shape the PRIMARY's v1 endpoint serves. */
export interface LegacyTextGenerationRecord extends LegacyGenericRecord {
  model_name?: string | null | undefined;
  baseline?: string | null | undefined;
  parameters?: number | null | undefined;
  display_name?: string | null | undefined;
  url?: string | null | undefined;
  tags?: string[] | null | undefined;
  instruct_format?: string | null | undefined;
  settings?: SettingsMap | null | undefined;
}

/** A legacy `clip.json` record: `type` tells CLIP from CoCa. */
export interface LegacyClipRecord extends LegacyGenericRecord {
  type: 'clip' | 'coca';
  pretrained_name?: string | null | undefined;
}

/** Legacy baseline spellings and their v2 values. Other values pass through unchanged. */
export const LEGACY_BASELINES: Readonly<Record<string, string>> = Object.freeze({
  'stable diffusion 1': 'stable_diffusion_1',
  'stable diffusion 2': 'stable_diffusion_2_768',
  'stable diffusion 2 512': 'stable_diffusion_2_512',
  stable_diffusion_xl: 'stable_diffusion_xl',
  stable_cascade: 'stable_cascade',
});

const optionalString = z.optional(nullableString);
const stringList = z.optional(z.nullable(z.array(z.string())));
const entryList = <T>(entry: Schema<T>) =>
  z.pipe(
    z.optional(z.nullable(z.array(entry))),
    z.transform((list: T[] | null | undefined) => list ?? []),
  );

const configSchema: Schema<LegacyConfig> = z.pipe(
  z.transform((value: unknown) => value ?? {}),
  z.looseObject({
    files: entryList(
      z.looseObject({
        path: z.string(),
        md5sum: optionalString,
        sha256sum: optionalString,
        file_type: optionalString,
        content_hash: optionalString,
      }),
    ),
    download: entryList(
      z.looseObject({
        file_name: optionalString,
        file_path: optionalString,
        file_url: optionalString,
      }),
    ),
    embedded_component_hashes: z.optional(z.nullable(dictionary(z.string()))),
  }),
);

const genericShape = {
  name: z.string(),
  type: optionalString,
  description: optionalString,
  version: optionalString,
  style: optionalString,
  nsfw: z.optional(nullableBoolean),
  download_all: z.optional(nullableBoolean),
  config: configSchema,
  available: z.optional(nullableBoolean),
  features_not_supported: stringList,
};

/** Schema of {@link LegacyGenericRecord}; used for every legacy category without its own. */
export const legacyGenericRecordSchema: Schema<LegacyGenericRecord> = z.looseObject(genericShape);

/** Schema of {@link LegacyStableDiffusionRecord}. */
export const legacyStableDiffusionRecordSchema: Schema<LegacyStableDiffusionRecord> = z.looseObject(
  {
    ...genericShape,
    type: z._default(oneOf(['ckpt']), 'ckpt'),
    inpainting: z._default(z.boolean(), false),
    baseline: z.pipe(
      z.string(),
      z.transform((value: string) => LEGACY_BASELINES[value] ?? value),
    ),
    tags: stringList,
    showcases: z.optional(
      z.nullable(
        z.array(
          z.string().check(
            z.custom<string>((url) => !(url as string).includes('huggingface'), {
              error: 'showcases must not be hosted on huggingface',
              abort: false,
            }),
          ),
        ),
      ),
    ),
    min_bridge_version: z.optional(z.nullable(integer())),
    trigger: stringList,
    homepage: optionalString,
    size_on_disk_bytes: z.optional(z.nullable(integer())),
    optimization: optionalString,
    requirements: z.optional(z.nullable(settingsMapSchema)),
  },
);

/** Schema of {@link LegacyTextGenerationRecord}. */
export const legacyTextGenerationRecordSchema: Schema<LegacyTextGenerationRecord> = z.looseObject({
  ...genericShape,
  model_name: optionalString,
  baseline: optionalString,
  parameters: z.optional(z.nullable(integer())),
  display_name: optionalString,
  url: optionalString,
  tags: stringList,
  instruct_format: optionalString,
  settings: z.optional(z.nullable(settingsMapSchema)),
});

/** Schema of {@link LegacyClipRecord}. */
export const legacyClipRecordSchema: Schema<LegacyClipRecord> = z.looseObject({
  ...genericShape,
  type: z._default(oneOf(['clip', 'coca']), 'clip'),
  pretrained_name: optionalString,
});
