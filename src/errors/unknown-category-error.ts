import { describeValue } from './describe-value.js';
import { errorGuard, ModelReferenceError } from './model-reference-error.js';

// Kept here rather than imported from categories.ts so errors stay at the bottom of the layers.
const VALID =
  'blip, clip, codeformer, controlnet, controlnet_annotator, esrgan, gfpgan, safety_checker, ' +
  'image_generation, text_generation, video_generation, audio_generation, miscellaneous, lora, ti';

/**
 * A category name that is not one of the 15 categories. Thrown before any request is made.
 *
 * @example
 * ```ts
 * await refs.getCategory('stable_diffusion'); // UnknownCategoryError: ... Valid categories: blip, ...
 * ```
 */
export class UnknownCategoryError extends ModelReferenceError {
  override readonly name = 'UnknownCategoryError' as const;
  /** The rejected value. */
  readonly category: unknown;

  /** Takes any value (a BigInt, a symbol, a circular object): the message never throws. */
  constructor(category: unknown) {
    super(
      'UNKNOWN_CATEGORY',
      `Unknown model reference category ${describeValue(category)}. Valid categories: ${VALID}.`,
    );
    this.category = category;
  }
}

/** Cross-realm guard for {@link UnknownCategoryError}. */
export const isUnknownCategoryError: (error: unknown) => error is UnknownCategoryError =
  /* @__PURE__ */ errorGuard(UnknownCategoryError, 'UnknownCategoryError');
