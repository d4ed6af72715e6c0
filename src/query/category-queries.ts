import type { Category } from '../categories.js';
import { backendPrefixOf, getBaseModelName } from '../legacy/text-model-name.js';
import type { SourceLayer } from '../records/source-layer.js';
import type { ControlnetRecord } from '../schemas/controlnet-records.js';
import type { ImageGenerationRecord } from '../schemas/image-generation-record.js';
import type { CategoryRecords, RecordOf } from '../schemas/record-schemas.js';
import type { TextBackend, TextGenerationRecord } from '../schemas/text-generation-record.js';
import { ModelQuery } from './model-query.js';
import { recordList } from './record-list.js';
import { isQuantizedRecord } from './text-traits.js';

/** Queries over image_generation records, with shortcuts for the usual filters. */
export class ImageQuery extends ModelQuery<ImageGenerationRecord> {
  /** Exact, case-sensitive baseline. */
  baseline(baseline: ImageGenerationRecord['baseline']): this {
    return this.where('baseline', 'eq', baseline);
  }

  /** NSFW models only (`true`) or SFW only (`false`). */
  nsfw(nsfw: boolean): this {
    return this.where('nsfw', 'eq', nsfw);
  }

  /** Inpainting models only (`true`) or non-inpainting only (`false`; an explicit `null` is neither). */
  inpainting(inpainting: boolean): this {
    return this.where('inpainting', 'eq', inpainting);
  }
}

/** Queries over text_generation records. */
export class TextQuery extends ModelQuery<TextGenerationRecord> {
  /** Names with this backend prefix (`koboldcpp/...`); canonical v2 data has none. */
  backend(backend: TextBackend): this {
    return this.filter((r) => backendPrefixOf(r.name) === backend);
  }

  /** Names with (`true`) or without (`false`) a quantisation marker, as the server decides it. */
  quantized(quantized: boolean): this {
    return this.filter((r) => isQuantizedRecord(r) === quantized);
  }

  /** The results grouped by base model (the server's `text_model_group` rule). */
  groupByBaseModel(): Map<string, TextGenerationRecord[]> {
    return this.groupByKey((r) => getBaseModelName(r.name));
  }
}

/** Queries over controlnet records. */
export class ControlnetQuery extends ModelQuery<ControlnetRecord> {
  /** Exact ControlNet style (`control_canny`, ...). */
  style(style: NonNullable<ControlnetRecord['controlnet_style']>): this {
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
 */
export function createQuery<C extends Category>(
  category: C,
  records: CategoryRecords<C>,
  layers: readonly SourceLayer<RecordOf<C>>[] = [],
): QueryOf<C> {
  const list = recordList(records);
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
