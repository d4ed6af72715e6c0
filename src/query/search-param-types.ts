// The types that make search parameters depend on the category (they cost nothing at run time;
// `validateSearchParams` checks the same rules for callers the types do not reach).
import type { Category } from '../categories.js';
import type { ModelRecord, RecordOf, RecordTypes } from '../schemas/record-schemas.js';
import type { FieldPath } from './field-path.js';

/** The categories whose records have the field `K`. */
export type CategoryWith<K extends string> = {
  [C in Category]: K extends keyof RecordTypes[C] ? C : never;
}[Category];

/**
 * `T` when one of the categories `C` has the field the parameter filters on (every parameter is
 * allowed for a category not known at compile time), else `undefined`: passing anything else is a
 * compile error, as it is a run-time `InvalidSearchParamsError`.
 */
export type ParamFor<C extends Category, With extends Category, T> = [Extract<C, With>] extends [
  never,
]
  ? undefined
  : T;

/**
 * The values `baseline` takes in category `C`: the open enum of image baselines for
 * image_generation (known names autocomplete, any string is accepted), a string where baselines
 * are model names (text_generation) or free text.
 *
 * @example
 * ```ts
 * const sdxl: BaselineOf<'image_generation'> = 'stable_diffusion_xl';
 * ```
 */
export type BaselineOf<C extends Category> = C extends unknown
  ? RecordTypes[C] extends { baseline?: infer B }
    ? Exclude<B, null | undefined>
    : never
  : never;

/**
 * The fields `sortBy` takes in category `C`, as the server spells them: top-level values and lists
 * (`name`, `tags`), and one key of an object (`metadata__created_at`, `requirements__clip_skip`).
 * Text also takes `parameters_count`, the server's name of `parameters`.
 *
 * @example
 * ```ts
 * const newest: SortField<'image_generation'> = 'metadata__updated_at';
 * ```
 */
export type SortField<C extends Category> = C extends unknown
  ? FieldPath<RecordOf<C>> | (C extends 'text_generation' ? 'parameters_count' : never)
  : never;

/** The fields cross-category search sorts by: those every record has (`record_type`, `name`, ...). */
export type SortFieldOfAll = FieldPath<ModelRecord>;
