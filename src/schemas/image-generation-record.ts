import * as z from 'zod/mini';
import { baseRecordShape, type GenericModelRecord } from './generic-record.js';
import { type ImageRequirements, normalizeSchedulerRequirements } from './image-requirements.js';
import {
  listOrEmpty,
  nullableBoolean,
  nullableNumber,
  nullableString,
  type Schema,
  type SettingsMap,
  settingsMapSchema,
  tagListSchema,
} from './shared.js';

/**
 * Image baselines the reference library knows, in its order (`krea2_turbo` and `anima` since
 * 24886069). A baseline only a served catalog names is known too: see `isCataloguedBaseline`.
 */
export const KNOWN_IMAGE_BASELINES = [
  'infer',
  'stable_diffusion_1',
  'stable_diffusion_2_768',
  'stable_diffusion_2_512',
  'stable_diffusion_xl',
  'stable_cascade',
  'flux_1',
  'flux_schnell',
  'flux_dev',
  'qwen_image',
  'z_image_turbo',
  'krea2_turbo',
  'anima',
] as const;

/** A known image baseline, or any newer string: a new baseline must never break a worker. */
export type ImageBaseline = (typeof KNOWN_IMAGE_BASELINES)[number] | (string & {});

/** Model styles the reference library knows. */
export const MODEL_STYLES = [
  'generalist',
  'anime',
  'furry',
  'artistic',
  'other',
  'realistic',
] as const;

/** A known model style, or any newer string. */
export type ModelStyle = (typeof MODEL_STYLES)[number] | (string & {});

/** An image generation model (Stable Diffusion, SDXL, Flux, ...). */
export interface ImageGenerationRecord extends GenericModelRecord<'image_generation'> {
  /** Whether this is an inpainting model. `null` only when the data says so explicitly. @default false */
  inpainting: boolean | null;
  /** The architecture family, compared exactly and case-sensitively by search. */
  baseline: ImageBaseline;
  /** E.g. `'lightning'`. */
  optimization?: string | null | undefined;
  /** @default [] */
  tags: string[];
  /** Example image URLs. @default [] */
  showcases: string[];
  min_bridge_version?: number | null | undefined;
  /** Trigger words. @default [] */
  trigger: string[];
  homepage?: string | null | undefined;
  nsfw: boolean;
  style?: ModelStyle | null | undefined;
  /**
   * Generation constraints such as `clip_skip`, `max_cfg_scale` (numbers may be fractional) and
   * `schedulers`; a legacy `karras` flag is rewritten into `schedulers` on parse, as upstream does.
   */
  requirements?: ImageRequirements | null | undefined;
}

const trimmed = z.pipe(
  z.string(),
  z.transform((value: string) => value.trim()),
);

/** Schema of {@link ImageGenerationRecord}. */
export const imageGenerationRecordSchema: Schema<ImageGenerationRecord> = z.looseObject({
  ...baseRecordShape('image_generation'),
  inpainting: z._default(nullableBoolean, false),
  baseline: z.string(),
  optimization: z.optional(nullableString),
  tags: listOrEmpty(tagListSchema),
  showcases: listOrEmpty(z.nullable(z.array(z.string()))),
  min_bridge_version: z.optional(nullableNumber),
  trigger: listOrEmpty(z.nullable(z.array(z.string()))),
  homepage: z.optional(nullableString),
  nsfw: z.boolean(),
  style: z.optional(z.nullable(trimmed)),
  requirements: z.optional(
    z.pipe(
      z.nullable(settingsMapSchema),
      // One transform normalises and checks (a pipe to a separate check costs the core bytes).
      z.transform((requirements: SettingsMap | null, context) => {
        const normalised = normalizeSchedulerRequirements(requirements) as ImageRequirements | null;
        const schedulers = normalised?.schedulers;
        if (
          schedulers !== undefined &&
          !(Array.isArray(schedulers) && schedulers.every((s) => typeof s === 'string'))
        )
          context.issues.push({
            code: 'custom',
            input: requirements,
            path: ['schedulers'],
            message: 'Expected requirements.schedulers to be a list of schedule names',
          });
        return normalised;
      }),
    ),
  ),
});
