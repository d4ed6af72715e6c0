import * as z from 'zod/mini';
import { dictionary } from '../../schemas/dictionary.js';
import type { Schema } from '../../schemas/shared.js';
import { maybe, num, str } from './fields.js';

/** `{ message }` answers of the info routes. */
export interface MessageResponse {
  message: string;
}
/** Schema of {@link MessageResponse}. */
export const messageSchema: Schema<MessageResponse> = z.looseObject({ message: str });

/** `GET /heartbeat`: always 200, with the state of the PRIMARY's circuit breaker to AI-Horde. */
export interface HeartbeatResponse {
  status: string;
  ai_horde: {
    degraded: boolean;
    consecutive_failures: number;
    seconds_until_retry?: number | null | undefined;
  };
}
/** Schema of {@link HeartbeatResponse}. */
export const heartbeatSchema: Schema<HeartbeatResponse> = z.looseObject({
  status: str,
  ai_horde: z.looseObject({
    degraded: z.boolean(),
    consecutive_failures: num,
    seconds_until_retry: maybe(num),
  }),
});

/** `GET /replicate_mode`: what the deployment can do. Call it on startup. */
export interface BackendInfo {
  replicate_mode: 'PRIMARY' | 'REPLICA' | (string & {});
  canonical_format: 'legacy' | 'v2' | (string & {});
  /** The *setting* is PRIMARY; writes may still be refused for a format mismatch. */
  writable: boolean;
}
/** Schema of {@link BackendInfo}. */
export const backendInfoSchema: Schema<BackendInfo> = z.looseObject({
  replicate_mode: str,
  canonical_format: str,
  writable: z.boolean(),
});

/** `GET .../v2/me/roles`. */
export interface UserRolesResponse {
  user_id: string;
  username: string;
  /** A subset of `approver`, `requestor` and (8.x) `license_editor`; may be empty. */
  roles: string[];
  is_approver: boolean;
  is_requestor: boolean;
  /** May edit license definitions and non-model assets (8.x; absent from a 7.6 answer). */
  is_license_editor?: boolean | undefined;
}
/** Schema of {@link UserRolesResponse}. */
export const userRolesSchema: Schema<UserRolesResponse> = z.looseObject({
  user_id: z.pipe(z.union([str, num]), z.transform(String)),
  username: str,
  roles: z.array(str),
  is_approver: z.boolean(),
  is_requestor: z.boolean(),
  is_license_editor: z.optional(z.boolean()),
});

/** `GET .../metadata/last_updated`. */
export interface LastUpdatedResponse {
  last_updated: number | null;
}
/** Schema of {@link LastUpdatedResponse}. */
export const lastUpdatedResponseSchema: Schema<LastUpdatedResponse> = z.looseObject({
  last_updated: z.nullable(num),
});

/** `GET .../metadata/{category}/last_updated`. */
export interface CategoryLastUpdatedResponse {
  category: string;
  last_updated: number | null;
}
/** Schema of {@link CategoryLastUpdatedResponse}. */
export const categoryLastUpdatedSchema: Schema<CategoryLastUpdatedResponse> = z.looseObject({
  category: str,
  last_updated: z.nullable(num),
});

/** Usage and worker figures AI-Horde reports for a model. */
export interface CombinedModelStatistics {
  worker_count: number;
  queued_jobs?: number | null | undefined;
  performance?: number | null | undefined;
  eta?: number | null | undefined;
  queued?: number | null | undefined;
  usage_stats?: { day: number; month: number; total: number } | null | undefined;
  worker_summaries?: Record<string, Record<string, unknown>> | null | undefined;
  backend_variations?: Record<string, unknown> | null | undefined;
}
/** Schema of {@link CombinedModelStatistics}. */
export const combinedStatisticsSchema: Schema<CombinedModelStatistics> = z.looseObject({
  worker_count: num,
  queued_jobs: maybe(num),
  performance: maybe(num),
  eta: maybe(num),
  queued: maybe(num),
  usage_stats: maybe(z.looseObject({ day: num, month: num, total: num })),
  worker_summaries: maybe(dictionary(dictionary(z.unknown()))),
  backend_variations: maybe(dictionary(z.unknown())),
});

/** One entry of `GET .../v2/{category}/popular`. */
export interface PopularModelResult<R> {
  name: string;
  record: R;
  stats: CombinedModelStatistics;
}

/** The server's search envelope (`has_more` in snake case, as sent). */
export interface SearchResponse<R> {
  results: R[];
  total: number;
  offset: number;
  limit: number;
  has_more: boolean;
}
/** Schema of a search envelope with raw results (records are validated one by one after). */
export const searchResponseSchema: Schema<SearchResponse<unknown>> = z.looseObject({
  results: z.array(z.unknown()),
  total: num,
  offset: num,
  limit: num,
  has_more: z.boolean(),
});

/** A JSON object keyed by name (raw category answers), checked to be an object only. */
export const objectSchema: Schema<Record<string, unknown>> = dictionary(z.unknown());

/** A list of strings (`model_categories`). */
export const stringListSchema: Schema<string[]> = z.array(str);
