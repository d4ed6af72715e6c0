import { describeValue } from './describe-value.js';
import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/**
 * A model name that is not in its category.
 *
 * @example
 * ```ts
 * await refs.getModel('image_generation', 'nope'); // ModelNotFoundError: Model "nope" not found in image_generation
 * ```
 */
export class ModelNotFoundError extends ModelReferenceError {
  override readonly name = 'ModelNotFoundError' as const;
  /** The category that was searched. */
  readonly category: string;
  /** The model name that was asked for. */
  readonly model: string;

  /** Takes any value as `model` (a caller may pass a number): the message never throws. */
  constructor(category: string, model: string) {
    super('MODEL_NOT_FOUND', `Model ${describeValue(model)} not found in category ${category}.`);
    this.category = category;
    this.model = model;
  }
}

/** Cross-realm guard for {@link ModelNotFoundError}. */
export const isModelNotFoundError: (error: unknown) => error is ModelNotFoundError =
  /* @__PURE__ */ errorGuard(ModelNotFoundError, 'ModelNotFoundError');
