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

type Domain = CategoryClassification['domain'];
type Purpose = CategoryClassification['purpose'];

// Each category's legacy file (in the image repository, but for text's CSV) or null, and its
// classification: one row per category, expanded into the descriptors below.
const TABLE: Readonly<Record<Category, readonly [string | null, Domain, Purpose]>> = {
  blip: ['blip.json', 'image', 'feature_extractor'],
  clip: ['clip.json', 'image', 'feature_extractor'],
  codeformer: ['codeformer.json', 'image', 'post_processing'],
  controlnet: ['controlnet.json', 'image', 'auxiliary_or_patch'],
  controlnet_annotator: [null, 'image', 'auxiliary_or_patch'],
  esrgan: ['esrgan.json', 'image', 'post_processing'],
  gfpgan: ['gfpgan.json', 'image', 'post_processing'],
  safety_checker: ['safety_checker.json', 'image', 'safety_checker'],
  image_generation: ['stable_diffusion.json', 'image', 'generation'],
  text_generation: ['models.csv', 'text', 'generation'],
  video_generation: [null, 'video', 'generation'],
  audio_generation: [null, 'audio', 'generation'],
  miscellaneous: ['miscellaneous.json', 'image', 'miscellaneous'],
  lora: [null, 'image', 'auxiliary_or_patch'],
  ti: [null, 'image', 'auxiliary_or_patch'],
};

/** Descriptor of every category, keyed by name. */
export const CATEGORY_DESCRIPTORS: Readonly<Record<Category, CategoryDescriptor>> = Object.freeze(
  Object.fromEntries(
    CATEGORIES.map((name) => {
      const [file, domain, purpose] = TABLE[name];
      const repository = name === 'text_generation' ? TEXT_REPO : IMAGE_REPO;
      const legacy = file === null ? null : { repository, file };
      return [name, { name, legacy, classification: { domain, purpose } }];
    }),
  ) as Record<Category, CategoryDescriptor>,
);

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
