import { createHttpClient, type RetryPolicy } from '../http/http-client.js';
import { type AuditArea, auditArea } from './areas/audit-area.js';
import { type BaselinesArea, baselinesArea } from './areas/baselines-area.js';
import { type LicensingArea, licensingArea } from './areas/licensing-area.js';
import { type MetadataArea, metadataArea } from './areas/metadata-area.js';
import { type PendingQueueArea, pendingQueueArea } from './areas/pending-queue-area.js';
import { type StatisticsArea, statisticsArea } from './areas/statistics-area.js';
import { type TextGuidanceArea, textGuidanceArea } from './areas/text-guidance-area.js';
import { type TextUtilsArea, textUtilsArea } from './areas/text-utils-area.js';
import { type V1Area, v1Area } from './areas/v1-area.js';
import { type V2Area, v2Area } from './areas/v2-area.js';
import type { ApiCallOptions } from './call-options.js';
import { type ApiRoute, read, V2 } from './route.js';
import { type Call, createCall } from './transport.js';
import {
  type BackendInfo,
  backendInfoSchema,
  type HeartbeatResponse,
  heartbeatSchema,
  type MessageResponse,
  messageSchema,
  type UserRolesResponse,
  userRolesSchema,
} from './types/service.js';

/** Options of {@link createApiClient}. */
export interface ApiClientOptions {
  /** The PRIMARY with `/api`. @default 'https://models.aihorde.net/api' */
  readonly baseUrl?: string | undefined;
  /** AI-Horde API key, sent as `apikey` to the PRIMARY origin only; needed for roles and writes. */
  readonly apiKey?: string | undefined;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch | undefined;
  /** Per-attempt timeout. @default 10_000 */
  readonly timeoutMs?: number | undefined;
  /** Retries of reads (writes are never retried). */
  readonly retry?: RetryPolicy | number | undefined;
  /** @default `horde-model-reference-js:<version>:unknown` */
  readonly clientAgent?: string | undefined;
  /** Aborts every call of this client. */
  readonly signal?: AbortSignal | undefined;
}

const routes = {
  info: read('/'),
  heartbeat: read('/heartbeat'),
  replicateMode: read('/replicate_mode'),
};
const userRoutes = { roles: read(`${V2}/me/roles`, 'reader') };
/** The service's top-level routes, by client method. */
export const ROOT_ROUTES: Readonly<Record<string, ApiRoute>> = routes;
/** The user routes, by client method. */
export const USER_ROUTES: Readonly<Record<string, ApiRoute>> = userRoutes;

/** `client.user`. */
export interface UserArea {
  /** The caller's roles on the model reference (`[]` for a valid key without any). */
  roles(options?: ApiCallOptions): Promise<UserRolesResponse>;
}

/** A typed client for every route of the PRIMARY. */
export interface ApiClient {
  /** The PRIMARY's base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** The service's banner. */
  info(options?: ApiCallOptions): Promise<MessageResponse>;
  /** Always 200: the PRIMARY's view of AI-Horde (degraded or not). */
  heartbeat(options?: ApiCallOptions): Promise<HeartbeatResponse>;
  /** PRIMARY or REPLICA, canonical format, writable: what this deployment can do. */
  replicateMode(options?: ApiCallOptions): Promise<BackendInfo>;
  /** v2 reads, queued writes, search and popular. */
  readonly v2: V2Area;
  /** The legacy API. */
  readonly v1: V1Area;
  /** Change tracking (v1 or v2 metadata). */
  readonly metadata: MetadataArea;
  /** Statistics, usage joins and deletion risk. */
  readonly statistics: StatisticsArea;
  /** Text model names, groups, aliases and families. */
  readonly textUtils: TextUtilsArea;
  /** The review queue every write goes through. */
  readonly pendingQueue: PendingQueueArea;
  /** The queue's history. */
  readonly audit: AuditArea;
  /** The caller's roles. */
  readonly user: UserArea;
  /** License definitions, assets and per-model conclusions (8.x servers). */
  readonly licensing: LicensingArea;
  /** Prompting guidance for text models (8.x servers). */
  readonly textGuidance: TextGuidanceArea;
  /** The served image baseline catalog (8.x servers). */
  readonly baselines: BaselinesArea;
}

/** The PRIMARY's public address. */
export const DEFAULT_API_BASE_URL = 'https://models.aihorde.net/api';

/**
 * A typed client for every PRIMARY endpoint, on the same transport as the manager (one ky
 * instance: timeout, retries of reads, the key sent to the PRIMARY origin only). Answers are
 * validated; errors are `ApiError` (status, the server's `detail`, 422 field `issues`, a hint for
 * 401/403/503) or `MalformedResponseError`.
 *
 * @example
 * ```ts
 * const api = createApiClient({ apiKey: process.env.HORDE_API_KEY });
 * const { replicate_mode } = await api.replicateMode();
 * const page = await api.v2.search('image_generation', { baseline: 'flux_1', limit: 5 });
 * const queued = await api.v2.create('image_generation', record); // 202: a PendingChangeRecord
 * ```
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = (options.baseUrl ?? DEFAULT_API_BASE_URL).replace(/\/+$/, '');
  const http = createHttpClient({
    primaryUrl: baseUrl,
    apiKey: options.apiKey,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    retry: options.retry,
    clientAgent: options.clientAgent,
  });
  const base = createCall(http, baseUrl, Boolean(options.apiKey));
  const clientSignal = options.signal;
  const call: Call = (route, request) => {
    const signals = [clientSignal, request.signal].filter((s): s is AbortSignal => s !== undefined);
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    return base(route, { ...request, signal });
  };
  const heartbeat = (o?: ApiCallOptions) =>
    call(routes.heartbeat, { schema: heartbeatSchema, signal: o?.signal });
  return {
    baseUrl,
    info: (o) => call(routes.info, { schema: messageSchema, signal: o?.signal }),
    heartbeat,
    replicateMode: (o) =>
      call(routes.replicateMode, { schema: backendInfoSchema, signal: o?.signal }),
    v2: v2Area(call, heartbeat),
    v1: v1Area(call),
    metadata: metadataArea(call),
    statistics: statisticsArea(call),
    textUtils: textUtilsArea(call),
    pendingQueue: pendingQueueArea(call),
    audit: auditArea(call),
    user: { roles: (o) => call(userRoutes.roles, { schema: userRolesSchema, signal: o?.signal }) },
    licensing: licensingArea(call),
    textGuidance: textGuidanceArea(call),
    baselines: baselinesArea(call),
  };
}
