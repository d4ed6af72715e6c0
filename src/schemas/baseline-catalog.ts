// The served image baseline catalog (upstream `image_baseline.py` at 24886069; see
// docs/upstream-8x.md). Baselines are a resource of their own, not a model category.
import * as z from 'zod/mini';
import { dictionary } from './dictionary.js';
import { integer } from './integer.js';
import { nullableNumber, nullableString, type Schema } from './shared.js';

// A custom check rather than z.minLength or z.refine (the same check, not aborting): the core
// bundle carries z.custom already, and zod's files are shared with it, so anything else this
// chunk uses from them is in the core's first load too.
const nonEmpty: Schema<string> = z
  .string()
  .check(z.custom((s) => (s as string).length > 0, { error: 'must not be empty', abort: false }));

/** What exists for a baseline family at all (whether a given worker can run it is another matter). */
export interface BaselineCapabilities {
  /** Conditioned ControlNet weights exist. @default false */
  controlnet: boolean;
  /** ControlNet styles without published weights for the family. @default [] */
  controlnet_types_unavailable: string[];
  /** Layer-diffusion (transparent background) weights exist. @default false */
  transparent: boolean;
  /** QR-code ControlNet weights exist. @default false */
  qr_code: boolean;
  /** The architecture offers an image-remix mechanism. @default false */
  remix: boolean;
  /** A flow-matching shift parameter is meaningful. @default false */
  flow_matching: boolean;
}

/** AI-Horde's scheduling and pricing policy for a baseline (par values by default). */
export interface HordeBaselinePolicy {
  /** @default 1 */
  kudos: number;
  kudos_qr_code?: number | null | undefined;
  kudos_hires?: number | null | undefined;
  /** @default 1 */
  batching: number;
  /** @default 1 */
  ttl: number;
  /** Single-side resolution every request may reach under load; 0 for none. @default 0 */
  resolution_floor: number;
}

/** Lifecycle metadata of a published baseline. */
export interface BaselineRecordMetadata {
  /** @default 1 */
  revision: number;
  created_at?: number | null | undefined;
  created_by?: string | null | undefined;
  updated_at?: number | null | undefined;
  updated_by?: string | null | undefined;
}

/** One published image baseline family. */
export interface ImageBaselineRecord {
  /** The value image records carry in `baseline`. */
  name: string;
  display_name?: string | null | undefined;
  /** Preferred single-side resolution; `null` for `infer`. */
  native_resolution?: number | null | undefined;
  /** Other spellings that mean this baseline (`SDXL`, `krea2`, ...). @default [] */
  alternative_names: string[];
  capabilities: BaselineCapabilities;
  /** Absent from this SDK's bundled table (it carries facts, not AI-Horde's pricing). */
  horde_policy?: HordeBaselinePolicy | undefined;
  metadata?: BaselineRecordMetadata | undefined;
}

/** Revision metadata of a whole catalog; the service's ETag is `W/"image-baselines-<revision>"`. */
export interface ImageBaselineCatalogMetadata {
  /** @default 1 */
  schema_version: number;
  /** @default 1 */
  revision: number;
  updated_at?: number | null | undefined;
}

/** The whole catalog (`GET .../image_generation/baselines/export`). */
export interface ImageBaselineCatalog {
  metadata: ImageBaselineCatalogMetadata;
  /** Keyed by each record's `name`; a null-prototype object after parsing. */
  baselines: Record<string, ImageBaselineRecord>;
}

const flag = z._default(z.boolean(), false);
const positive = integer(1);

/** Schema of {@link BaselineCapabilities}. */
export const baselineCapabilitiesSchema: Schema<BaselineCapabilities> = z.looseObject({
  controlnet: flag,
  controlnet_types_unavailable: z._default(z.array(z.string()), () => []),
  transparent: flag,
  qr_code: flag,
  remix: flag,
  flow_matching: flag,
});

/** Schema of {@link HordeBaselinePolicy}. */
export const hordeBaselinePolicySchema: Schema<HordeBaselinePolicy> = z.looseObject({
  kudos: z._default(z.number(), 1),
  kudos_qr_code: z.optional(nullableNumber),
  kudos_hires: z.optional(nullableNumber),
  batching: z._default(positive, 1),
  ttl: z._default(positive, 1),
  resolution_floor: z._default(integer(0), 0),
});

/** Schema of {@link BaselineRecordMetadata}. */
export const baselineRecordMetadataSchema: Schema<BaselineRecordMetadata> = z.looseObject({
  revision: z._default(positive, 1),
  created_at: z.optional(nullableNumber),
  created_by: z.optional(nullableString),
  updated_at: z.optional(nullableNumber),
  updated_by: z.optional(nullableString),
});

/** Schema of {@link ImageBaselineRecord}. */
export const imageBaselineRecordSchema: Schema<ImageBaselineRecord> = z.looseObject({
  name: nonEmpty,
  display_name: z.optional(nullableString),
  native_resolution: z.optional(z.nullable(positive)),
  alternative_names: z._default(z.array(z.string()), () => []),
  capabilities: z._default(baselineCapabilitiesSchema, () => ({
    controlnet: false,
    controlnet_types_unavailable: [],
    transparent: false,
    qr_code: false,
    remix: false,
    flow_matching: false,
  })),
  horde_policy: z.optional(hordeBaselinePolicySchema),
  metadata: z.optional(baselineRecordMetadataSchema),
});

/** Schema of {@link ImageBaselineCatalogMetadata}. */
export const imageBaselineCatalogMetadataSchema: Schema<ImageBaselineCatalogMetadata> =
  z.looseObject({
    schema_version: z._default(integer(), 1),
    revision: z._default(positive, 1),
    updated_at: z.optional(nullableNumber),
  });

/**
 * Schema of {@link ImageBaselineCatalog}. The baselines come out in a null-prototype object (a
 * baseline named `constructor` is just a key), and a key that differs from its record's `name` is
 * refused, as the service's store refuses it.
 */
export const imageBaselineCatalogSchema: Schema<ImageBaselineCatalog> = z.pipe(
  z.looseObject({
    metadata: z._default(imageBaselineCatalogMetadataSchema, () => ({
      schema_version: 1,
      revision: 1,
    })),
    baselines: z
      ._default(dictionary(imageBaselineRecordSchema), () => ({}))
      .check(
        z.custom(
          (baselines) =>
            Object.entries(baselines as Record<string, ImageBaselineRecord>).every(
              ([key, record]) => key === record.name,
            ),
          { error: 'every baseline must be keyed by its own name', abort: false },
        ),
      ),
  }),
  z.transform((catalog) => ({
    ...catalog,
    baselines: Object.assign(Object.create(null), catalog.baselines) as Record<
      string,
      ImageBaselineRecord
    >,
  })),
);
