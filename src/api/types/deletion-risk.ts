import * as z from 'zod/mini';
import { dictionary } from '../../schemas/dictionary.js';
import type { Schema } from '../../schemas/shared.js';
import { num } from './fields.js';

/** Presets of `GET .../statistics/{category}/deletion-risk`. */
export const DELETION_RISK_PRESETS = [
  'deletion_candidates',
  'zero_usage',
  'no_workers',
  'missing_data',
  'host_issues',
  'critical',
  'low_usage',
] as const;

/** A deletion-risk preset. */
export type DeletionRiskPreset = (typeof DELETION_RISK_PRESETS)[number];

/** One model's deletion-risk figures. */
export interface ModelDeletionRiskInfo {
  name: string;
  category: string;
  deletion_risk_flags: Record<string, boolean>;
  at_risk: boolean;
  risk_score: number;
  worker_count: number;
  usage_day: number;
  usage_month: number;
  usage_total: number;
  [field: string]: unknown;
}

/** `GET .../statistics/{category}/deletion-risk`. */
export interface CategoryDeletionRiskResponse {
  category: string;
  category_total_month_usage: number;
  total_count: number;
  returned_count: number;
  offset: number;
  limit: number | null;
  models: ModelDeletionRiskInfo[];
  summary: Record<string, unknown>;
}
/** Schema of {@link CategoryDeletionRiskResponse}. */
export const deletionRiskSchema: Schema<CategoryDeletionRiskResponse> = z.looseObject({
  category: z.string(),
  category_total_month_usage: num,
  total_count: num,
  returned_count: num,
  offset: num,
  limit: z.nullable(num),
  models: z.array(
    z.looseObject({
      name: z.string(),
      category: z.string(),
      deletion_risk_flags: dictionary(z.boolean()),
      at_risk: z.boolean(),
      risk_score: num,
      worker_count: num,
      usage_day: num,
      usage_month: num,
      usage_total: num,
    }),
  ),
  summary: dictionary(z.unknown()),
});
