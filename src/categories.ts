import { UnknownCategoryError } from './errors/unknown-category-error.js';

/**
 * The 15 model reference categories, in the server's enum order.
 *
 * The order matters: cross-category search walks categories in this order and keeps the first
 * record of each name, exactly as the PRIMARY does.
 */
export const CATEGORIES = [
  'blip',
  'clip',
  'codeformer',
  'controlnet',
  'controlnet_annotator',
  'esrgan',
  'gfpgan',
  'safety_checker',
  'image_generation',
  'text_generation',
  'video_generation',
  'audio_generation',
  'miscellaneous',
  'lora',
  'ti',
] as const;

/** One of the 15 category names, e.g. `'image_generation'`. */
export type Category = (typeof CATEGORIES)[number];

/** The legacy GitHub data repository a category lives in (or none). */
export type LegacyRepository = 'AI-Horde-image-model-reference' | 'AI-Horde-text-model-reference';

/** Where a category's legacy (v1) data lives on GitHub. */
export interface LegacySource {
  /** Repository name under the GitHub owner. */
  readonly repository: LegacyRepository;
  /** File at the repository root, e.g. `stable_diffusion.json` or `models.csv`. */
  readonly file: string;
}

/** The domain/purpose pair every v2 record carries, defaulted per category. */
export interface CategoryClassification {
  readonly domain: 'image' | 'text' | 'video' | 'audio' | 'rendered_3d';
  readonly purpose:
    | 'generation'
    | 'post_processing'
    | 'auxiliary_or_patch'
    | 'feature_extractor'
    | 'safety_checker'
    | 'miscellaneous';
}

/** Static facts about one category. */
export interface CategoryDescriptor {
  readonly name: Category;
  /** Legacy source on GitHub, or `null` for categories that only the PRIMARY serves. */
  readonly legacy: LegacySource | null;
  /** The classification a record of this category gets when it carries none. */
  readonly classification: CategoryClassification;
}

const IMAGE_REPO = 'AI-Horde-image-model-reference';
const TEXT_REPO = 'AI-Horde-text-model-reference';

const image = (file: string): LegacySource => ({ repository: IMAGE_REPO, file });
const kind = (
  domain: CategoryClassification['domain'],
  purpose: CategoryClassification['purpose'],
): CategoryClassification => ({ domain, purpose });

/** Descriptor of every category, keyed by name. */
export const CATEGORY_DESCRIPTORS: Readonly<Record<Category, CategoryDescriptor>> = Object.freeze({
  blip: {
    name: 'blip',
    legacy: image('blip.json'),
    classification: kind('image', 'feature_extractor'),
  },
  clip: {
    name: 'clip',
    legacy: image('clip.json'),
    classification: kind('image', 'feature_extractor'),
  },
  codeformer: {
    name: 'codeformer',
    legacy: image('codeformer.json'),
    classification: kind('image', 'post_processing'),
  },
  controlnet: {
    name: 'controlnet',
    legacy: image('controlnet.json'),
    classification: kind('image', 'auxiliary_or_patch'),
  },
  controlnet_annotator: {
    name: 'controlnet_annotator',
    legacy: null,
    classification: kind('image', 'auxiliary_or_patch'),
  },
  esrgan: {
    name: 'esrgan',
    legacy: image('esrgan.json'),
    classification: kind('image', 'post_processing'),
  },
  gfpgan: {
    name: 'gfpgan',
    legacy: image('gfpgan.json'),
    classification: kind('image', 'post_processing'),
  },
  safety_checker: {
    name: 'safety_checker',
    legacy: image('safety_checker.json'),
    classification: kind('image', 'safety_checker'),
  },
  image_generation: {
    name: 'image_generation',
    legacy: image('stable_diffusion.json'),
    classification: kind('image', 'generation'),
  },
  text_generation: {
    name: 'text_generation',
    legacy: { repository: TEXT_REPO, file: 'models.csv' },
    classification: kind('text', 'generation'),
  },
  video_generation: {
    name: 'video_generation',
    legacy: null,
    classification: kind('video', 'generation'),
  },
  audio_generation: {
    name: 'audio_generation',
    legacy: null,
    classification: kind('audio', 'generation'),
  },
  miscellaneous: {
    name: 'miscellaneous',
    legacy: image('miscellaneous.json'),
    classification: kind('image', 'miscellaneous'),
  },
  lora: { name: 'lora', legacy: null, classification: kind('image', 'auxiliary_or_patch') },
  ti: { name: 'ti', legacy: null, classification: kind('image', 'auxiliary_or_patch') },
});

const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORIES);

/**
 * Whether `value` names one of the 15 categories.
 *
 * @example
 * ```ts
 * isCategory('clip'); // true
 * isCategory('stable_diffusion'); // false: that is a legacy file name
 * ```
 */
export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && CATEGORY_SET.has(value);
}

/**
 * Returns `value` as a {@link Category}, or throws.
 *
 * @throws {UnknownCategoryError} when `value` is not one of {@link CATEGORIES}; the error lists them.
 */
export function assertCategory(value: unknown): Category {
  if (!isCategory(value)) throw new UnknownCategoryError(value);
  return value;
}
