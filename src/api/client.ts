import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import {
  CONNECTION_OPTION_KEYS,
  type ConnectionOptions,
  resolveConnectionOptions,
} from '../http/connection-options.js';
import { DEFAULT_PRIMARY_URL } from '../http/defaults.js';
import type { RequestOptions } from '../http/request-options.js';
import { ROOT_ROUTES, USER_ROUTES } from '../http/routes.js';
import { createTransport } from '../http/transport.js';
import { checkHttpUrl, checkKeys, checkObject, checkSignal } from '../util/option-checks.js';
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
import { createCall } from './call.js';
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
export interface ApiClientOptions extends ConnectionOptions {
  /** The PRIMARY with `/api`. @default 'https://models.aihorde.net/api' */
  readonly baseUrl?: string | undefined;
  /** Aborts every call of this client. */
  readonly signal?: AbortSignal | undefined;
}

/** `client.user`. */
export interface UserArea {
  /** The caller's roles on the model reference (`[]` for a valid key without any). */
  roles(options?: RequestOptions): Promise<UserRolesResponse>;
}

/** A typed client for every route of the PRIMARY. */
export interface ApiClient {
  /** The PRIMARY's base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** The service's banner. */
  info(options?: RequestOptions): Promise<MessageResponse>;
  /** Always 200: the PRIMARY's view of AI-Horde (degraded or not). */
  heartbeat(options?: RequestOptions): Promise<HeartbeatResponse>;
  /** PRIMARY or REPLICA, canonical format, writable: what this deployment can do. */
  replicateMode(options?: RequestOptions): Promise<BackendInfo>;
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

/**
 * A typed client for every PRIMARY endpoint, on the same transport as the manager (the deadline
 * over the whole answer, the size limit, retries of reads, the key sent to the PRIMARY only).
 * Answers are validated. Errors: `ApiError` (status, the server's `detail`, 422 field `issues`, a
 * hint for 401/403/503), `ConnectionError` and `TimeoutError` (no complete answer, with the host),
 * `MalformedResponseError` (an answer that cannot be used).
 *
 * @example
 * ```ts
 * const api = createApiClient({ apiKey: process.env.HORDE_API_KEY });
 * const { replicate_mode } = await api.replicateMode();
 * const page = await api.v2.search('image_generation', { baseline: 'flux_1', limit: 5 });
 * const queued = await api.v2.create('image_generation', record); // 202: a PendingChangeRecord
 * ```
 * @throws {InvalidOptionsError} for an unknown or invalid option, before any request.
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  if (options === null) throw new InvalidOptionsError('options', 'expected an object, got null');
  const given = checkObject('options', options);
  checkKeys('', given, ['baseUrl', 'signal', ...CONNECTION_OPTION_KEYS], { primaryUrl: 'baseUrl' });
  const baseUrl =
    given.baseUrl === undefined ? DEFAULT_PRIMARY_URL : checkHttpUrl('baseUrl', given.baseUrl);
  const clientSignal = checkSignal('signal', given.signal);
  const transport = createTransport(resolveConnectionOptions(given, baseUrl));
  const call = createCall(transport, baseUrl, clientSignal);
  const heartbeat = (o?: RequestOptions) =>
    call(ROOT_ROUTES.heartbeat, { schema: heartbeatSchema, options: o });
  return {
    baseUrl,
    info: (o) => call(ROOT_ROUTES.info, { schema: messageSchema, options: o }),
    heartbeat,
    replicateMode: (o) =>
      call(ROOT_ROUTES.replicateMode, { schema: backendInfoSchema, options: o }),
    v2: v2Area(call, heartbeat),
    v1: v1Area(call),
    metadata: metadataArea(call),
    statistics: statisticsArea(call),
    textUtils: textUtilsArea(call),
    pendingQueue: pendingQueueArea(call),
    audit: auditArea(call),
    user: { roles: (o) => call(USER_ROUTES.roles, { schema: userRolesSchema, options: o }) },
    licensing: licensingArea(call),
    textGuidance: textGuidanceArea(call),
    baselines: baselinesArea(call),
  };
}
