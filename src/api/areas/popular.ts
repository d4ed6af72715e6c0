import * as z from 'zod/mini';
import { isApiError } from '../../errors/api-error.js';
import { InvalidOptionsError } from '../../errors/invalid-options-error.js';
import type { RequestOptions } from '../../http/request-options.js';
import type { ApiRoute } from '../../http/routes.js';
import type { RecordIssue } from '../../schemas/parse-records.js';
import type { RecordOf } from '../../schemas/record-schemas.js';
import type { Call } from '../call.js';
import {
  type CombinedModelStatistics,
  combinedStatisticsSchema,
  type HeartbeatResponse,
  type PopularModelResult,
} from '../types/service.js';
import { validateResults } from '../validated-results.js';

/** Options of `v2.popular`. */
export interface PopularParams {
  /** 1–100. @default 10 */
  readonly limit?: number;
  /** @default 'worker_count' */
  readonly sortBy?: 'worker_count' | 'usage_day' | 'usage_month' | 'usage_total';
  /** @default false */
  readonly includeWorkers?: boolean;
}

/**
 * Popular models, or why there are none: the server answers 500 when AI-Horde is unreachable and
 * it has nothing cached, which an empty list would hide.
 */
export type PopularModels<R> =
  | {
      readonly available: true;
      readonly models: PopularModelResult<R>[];
      /** Answers whose record failed validation (left out of `models`). */
      readonly issues: RecordIssue[];
    }
  | {
      readonly available: false;
      readonly models: PopularModelResult<R>[];
      /** The PRIMARY's `/heartbeat` says AI-Horde is degraded (`null`: it could not be asked). */
      readonly degraded: boolean | null;
      readonly reason: string;
    };

/** Categories with popularity figures. */
export type PopularCategory = 'image_generation' | 'text_generation';

const popularSchema = z.array(
  z.looseObject({ name: z.string(), record: z.unknown(), stats: combinedStatisticsSchema }),
);

/**
 * `GET .../v2/{category}/popular`, read so that a server failure is an answer ("no popularity data
 * right now", with the heartbeat's view of AI-Horde) rather than an ambiguous empty list.
 *
 * @throws {InvalidOptionsError} for a category other than image_generation and text_generation.
 */
export async function popularModels<C extends PopularCategory>(
  call: Call,
  route: ApiRoute,
  heartbeat: (options?: RequestOptions) => Promise<HeartbeatResponse>,
  category: C,
  params: PopularParams,
  options?: RequestOptions,
): Promise<PopularModels<RecordOf<C>>> {
  if (category !== 'image_generation' && category !== 'text_generation')
    throw new InvalidOptionsError(
      'category',
      `popular models exist for image_generation and text_generation only, not ${String(category)}`,
    );
  const query = {
    limit: params.limit,
    sort_by: params.sortBy,
    include_workers: params.includeWorkers,
  };
  try {
    const raw = await call(route, {
      params: { category },
      query,
      schema: popularSchema,
      options,
    });
    const { records, issues } = validateResults<RecordOf<C>>(
      raw.map((item) => item.record),
      () => category,
    );
    const stats = new Map(raw.map((item) => [item.name, item.stats]));
    const models = records.map((record) => ({
      name: record.name,
      record,
      stats: stats.get(record.name) as CombinedModelStatistics,
    }));
    return { available: true, models, issues };
  } catch (error) {
    if (!isApiError(error) || error.status < 500) throw error;
    const degraded = await heartbeat(options).then(
      (h) => h.ai_horde.degraded,
      () => null,
    );
    return { available: false, models: [], degraded, reason: error.detail };
  }
}
