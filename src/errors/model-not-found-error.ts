import { describeValue } from './describe-value.js';
import { didYouMean } from './did-you-mean.js';
import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/**
 * A model name that is not in its category.
 *
 * @example
 * ```ts
 * await refs.getModel('image_generation', 'albedobase xl');
 * // ModelNotFoundError: Model "albedobase xl" not found in category image_generation. Did you mean "AlbedoBase XL (SDXL)"?
 * ```
 */
export class ModelNotFoundError extends ModelReferenceError {
  override readonly name = 'ModelNotFoundError' as const;
  /** The category that was searched. */
  readonly category: string;
  /** The model name that was asked for. */
  readonly model: string;
  /** The names of the category closest to `model`, best first (at most 3; may be empty). */
  readonly closest: readonly string[];

  /**
   * Takes any value as `model` (a caller may pass a number): the message never throws.
   *
   * @param closest - the category's names closest to `model`, said in the message (none by default).
   */
  constructor(category: string, model: string, closest: readonly string[] = []) {
    super(
      'MODEL_NOT_FOUND',
      `Model ${describeValue(model)} not found in category ${category}.${didYouMean(closest)}`,
    );
    this.category = category;
    this.model = model;
    this.closest = closest;
  }
}

/** Cross-realm guard for {@link ModelNotFoundError}. */
export const isModelNotFoundError: (error: unknown) => error is ModelNotFoundError =
  /* @__PURE__ */ errorGuard(ModelNotFoundError, 'ModelNotFoundError');
