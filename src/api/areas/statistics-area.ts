import * as z from 'zod/mini';
import { assertCategory, type Category } from '../../categories.js';
import { InvalidOptionsError } from '../../errors/invalid-options-error.js';
import type { RequestOptions } from '../../http/request-options.js';
import { STATISTICS_ROUTES } from '../../http/routes.js';
import type { CategoryStatistics } from '../../query/statistics.js';
import { dictionary } from '../../schemas/dictionary.js';
import type { Schema } from '../../schemas/shared.js';
import type { Call } from '../call.js';
import {
  type CategoryDeletionRiskResponse,
  DELETION_RISK_PRESETS,
  type DeletionRiskPreset,
  deletionRiskSchema,
} from '../types/deletion-risk.js';
import { type CombinedModelStatistics, combinedStatisticsSchema } from '../types/service.js';

const routes = STATISTICS_ROUTES;

// Checked for the fields every statistics answer has; the rest is passed through as sent.
// `sfw_count` is a Python property the server never serializes: it is filled in here.
const statisticsSchema = z.pipe(
  z.looseObject({
    category: z.string(),
    total_models: z.number(),
    nsfw_count: z.number(),
    baseline_distribution: dictionary(z.unknown()),
    download_stats: dictionary(z.unknown()),
    top_tags: z.array(z.unknown()),
    computed_at: z.number(),
  }),
  z.transform((stats) => ({ ...stats, sfw_count: stats.total_models - stats.nsfw_count })),
) as unknown as Schema<CategoryStatistics>;

/** Options of `statistics.category`. */
export interface StatisticsParams {
  /** Merge text models by base name first. @default false */
  readonly groupTextModels?: boolean;
  /** Echoed back, never applied by the server (kept for parity with its route). */
  readonly limit?: number;
  /** Echoed back, never applied by the server. */
  readonly offset?: number;
}

/** Options of `statistics.withStats`. */
export interface WithStatsParams {
  readonly includeWorkers?: boolean;
  readonly includeBackendVariations?: boolean;
  /** Only effective with `includeWorkers` (the server counts workers only then). */
  readonly minWorkerCount?: number;
  readonly sortBy?: 'worker_count' | 'usage_total' | 'usage_month' | 'name';
  /** @default true */
  readonly sortDesc?: boolean;
}

/** Options of `statistics.deletionRisk`. */
export interface DeletionRiskParams {
  readonly preset?: DeletionRiskPreset;
  readonly groupTextModels?: boolean;
  readonly includeBackendVariations?: boolean;
  readonly limit?: number;
  readonly offset?: number;
}

/** `client.statistics`: the server's statistics, usage joins and deletion risk. */
export interface StatisticsArea {
  /**
   * The server's `CategoryStatistics` (`computeCategoryStatistics` is the local twin), with
   * `sfw_count` filled in (the server leaves it out). Known server quirks: `parameter_buckets` is
   * always empty (it reads `parameters_count`, which raw text records lack); `offset`/`limit` are
   * echoes that stick in its cache; a grouped text call briefly corrupts its cached raw text data.
   *
   * @example
   * ```ts
   * const stats = await api.statistics.category('image_generation');
   * stats.sfw_count === stats.total_models - stats.nsfw_count; // true
   * ```
   * @throws {ApiError} 404 when the category has no models; 500 when the server fails.
   */
  category(
    category: Category,
    params?: StatisticsParams,
    options?: RequestOptions,
  ): Promise<CategoryStatistics>;
  /** image and text only; 502 when AI-Horde is unreachable. */
  withStats(
    category: Category,
    params?: WithStatsParams,
    options?: RequestOptions,
  ): Promise<Record<string, CombinedModelStatistics>>;
  /**
   * image and text only.
   * @throws {InvalidOptionsError} for a preset the server does not know, before any request.
   */
  deletionRisk(
    category: Category,
    params?: DeletionRiskParams,
    options?: RequestOptions,
  ): Promise<CategoryDeletionRiskResponse>;
}

/** Builds `client.statistics`. */
export function statisticsArea(call: Call): StatisticsArea {
  const at = (category: Category) => ({ category: assertCategory(category) });
  return {
    category: (category, params = {}, options) =>
      call(routes.category, {
        params: at(category),
        query: {
          group_text_models: params.groupTextModels,
          limit: params.limit,
          offset: params.offset,
        },
        schema: statisticsSchema,
        options,
      }),
    withStats: (category, params = {}, options) =>
      call(routes.withStats, {
        params: at(category),
        query: {
          include_workers: params.includeWorkers,
          include_backend_variations: params.includeBackendVariations,
          min_worker_count: params.minWorkerCount,
          sort_by: params.sortBy,
          sort_desc: params.sortDesc,
        },
        schema: dictionary(combinedStatisticsSchema),
        options,
      }),
    deletionRisk(category, params = {}, options) {
      if (params.preset !== undefined && !DELETION_RISK_PRESETS.includes(params.preset))
        throw new InvalidOptionsError(
          'preset',
          `"${params.preset}" is not one of ${DELETION_RISK_PRESETS.join(', ')}`,
        );
      return call(routes.deletionRisk, {
        params: at(category),
        query: {
          preset: params.preset,
          group_text_models: params.groupTextModels,
          include_backend_variations: params.includeBackendVariations,
          limit: params.limit,
          offset: params.offset,
        },
        schema: deletionRiskSchema,
        options,
      });
    },
  };
}
