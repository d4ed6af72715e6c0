import { assertCategory, type Category } from '../categories.js';
import { backendPrefixOf, getBaseModelName } from '../legacy/text-model-name.js';
import type { SourceLayer } from '../records/source-layer.js';
import type { ControlnetRecord } from '../schemas/controlnet-records.js';
import type { ImageGenerationRecord } from '../schemas/image-generation-record.js';
import type { CategoryRecords, RecordOf } from '../schemas/record-schemas.js';
import type { TextBackend } from '../schemas/text-generation-record.js';
import { TEXT_BACKENDS } from '../schemas/text-generation-record.js';
import { checkRecordsArgument, refuseRecord } from './check-records.js';
import { ModelQuery } from './model-query.js';
import { expectArgument } from './query-arguments.js';
import { recordList } from './record-list.js';
import { isQuantizedRecord } from './text-traits.js';

/** Queries over image_generation records, with shortcuts for the usual filters. */
export class ImageQuery extends ModelQuery<RecordOf<'image_generation'>> {
  /**
   * Exact, case-sensitive baseline.
   *
   * @throws {InvalidSearchParamsError} when `baseline` is not a string.
   */
  baseline(baseline: ImageGenerationRecord['baseline']): this {
    expectArgument(typeof baseline === 'string', 'baseline', baseline, 'a string');
    return this.where('baseline', 'eq', baseline);
  }

  /**
   * NSFW models only (`true`) or SFW only (`false`).
   *
   * @throws {InvalidSearchParamsError} when `nsfw` is not a boolean.
   */
  nsfw(nsfw: boolean): this {
    expectArgument(typeof nsfw === 'boolean', 'nsfw', nsfw, 'a boolean');
    return this.where('nsfw', 'eq', nsfw);
  }

  /**
   * Inpainting models only (`true`) or non-inpainting only (`false`; an explicit `null` is neither).
   *
   * @throws {InvalidSearchParamsError} when `inpainting` is not a boolean.
   */
  inpainting(inpainting: boolean): this {
    expectArgument(typeof inpainting === 'boolean', 'inpainting', inpainting, 'a boolean');
    return this.where('inpainting', 'eq', inpainting);
  }
}

/** Queries over text_generation records. */
export class TextQuery extends ModelQuery<RecordOf<'text_generation'>> {
  /**
   * Names with this backend prefix (`koboldcpp/...`); canonical v2 data has none.
   *
   * @throws {InvalidSearchParamsError} for a backend that is not `aphrodite` or `koboldcpp`.
   */
  backend(backend: TextBackend): this {
    expectArgument(TEXT_BACKENDS.includes(backend), 'backend', backend, 'a backend', TEXT_BACKENDS);
    return this.filter((r) => backendPrefixOf(r.name) === backend);
  }

  /**
   * Names with (`true`) or without (`false`) a quantisation marker, as the server decides it.
   *
   * @throws {InvalidSearchParamsError} when `quantized` is not a boolean.
   */
  quantized(quantized: boolean): this {
    expectArgument(typeof quantized === 'boolean', 'quantized', quantized, 'a boolean');
    return this.filter((r) => isQuantizedRecord(r) === quantized);
  }

  /** The results grouped by base model (the server's `text_model_group` rule). */
  groupByBaseModel(): Map<string, RecordOf<'text_generation'>[]> {
    return this.groupByKey((r) => getBaseModelName(r.name));
  }
}

/** Queries over controlnet records. */
export class ControlnetQuery extends ModelQuery<RecordOf<'controlnet'>> {
  /**
   * Exact ControlNet style (`control_canny`, ...).
   *
   * @throws {InvalidSearchParamsError} when `style` is not a string.
   */
  style(style: NonNullable<ControlnetRecord['controlnet_style']>): this {
    expectArgument(typeof style === 'string', 'style', style, 'a string');
    return this.where('controlnet_style', 'eq', style);
  }
}

/** The query class of each category. */
export type QueryOf<C extends Category> = C extends 'image_generation'
  ? ImageQuery
  : C extends 'text_generation'
    ? TextQuery
    : C extends 'controlnet'
      ? ControlnetQuery
      : ModelQuery<RecordOf<C>>;

/**
 * A query over one category's records, of the category's own query class.
 *
 * @example
 * ```ts
 * createQuery('text_generation', records).quantized(false).orderBy('parameters', { direction: 'desc' }).first();
 * ```
 * @throws {UnknownCategoryError} for a name that is not a category.
 * @throws {InvalidOptionsError} when `records` is not an object of records.
 */
export function createQuery<C extends Category>(
  category: C,
  records: CategoryRecords<C>,
  layers: readonly SourceLayer<RecordOf<C>>[] = [],
): QueryOf<C> {
  assertCategory(category);
  checkRecordsArgument(records);
  const list = recordList(records);
  for (const record of list)
    if (typeof record !== 'object' || record === null) refuseRecord(record);
  const Query =
    category === 'image_generation'
      ? ImageQuery
      : category === 'text_generation'
        ? TextQuery
        : category === 'controlnet'
          ? ControlnetQuery
          : ModelQuery;
  return new Query(list as never, layers as never) as QueryOf<C>;
}
