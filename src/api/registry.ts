import {
  type ApiRoute,
  AUDIT_ROUTES,
  METADATA_ROUTES,
  PENDING_QUEUE_ROUTES,
  ROOT_ROUTES,
  STATISTICS_ROUTES,
  TEXT_UTILS_ROUTES,
  USER_ROUTES,
  V1_ROUTES,
  V2_ROUTES,
} from '../http/routes.js';
import { BASELINE_ROUTES, LICENSING_ROUTES, TEXT_GUIDANCE_ROUTES } from '../http/routes-8x.js';

/** The groups of client methods: `root` is the client itself (`client.heartbeat()`). */
export type ApiArea =
  | 'root'
  | 'v2'
  | 'v1'
  | 'metadata'
  | 'statistics'
  | 'textUtils'
  | 'pendingQueue'
  | 'audit'
  | 'user'
  | 'licensing'
  | 'textGuidance'
  | 'baselines';

/** A route with the client method that calls it (`client[area][clientMethod]`). */
export interface RegisteredApiRoute extends ApiRoute {
  /** Where the method lives on the client. */
  readonly area: ApiArea;
  /** The method's name in its area. */
  readonly clientMethod: string;
}

const AREAS: Readonly<Record<ApiArea, Readonly<Record<string, ApiRoute>>>> = {
  root: ROOT_ROUTES,
  v2: V2_ROUTES,
  v1: V1_ROUTES,
  metadata: METADATA_ROUTES,
  statistics: STATISTICS_ROUTES,
  textUtils: TEXT_UTILS_ROUTES,
  pendingQueue: PENDING_QUEUE_ROUTES,
  audit: AUDIT_ROUTES,
  user: USER_ROUTES,
  licensing: LICENSING_ROUTES,
  textGuidance: TEXT_GUIDANCE_ROUTES,
  baselines: BASELINE_ROUTES,
};

/**
 * Every PRIMARY route the client covers, keyed `area.clientMethod` (`v2.search`,
 * `pendingQueue.apply`, `root.heartbeat`), each with its HTTP method, path template, area and
 * client method. A contract test walks the service's endpoint table against it.
 *
 * @example
 * ```ts
 * const { method, path } = API_ROUTES['v2.getModel']; // GET /model_references/v2/{category}/model/{name}
 * ```
 */
export const API_ROUTES: Readonly<Record<string, RegisteredApiRoute>> = Object.fromEntries(
  Object.entries(AREAS).flatMap(([area, routes]) =>
    Object.entries(routes).map(([clientMethod, route]) => [
      `${area}.${clientMethod}`,
      { ...route, area: area as ApiArea, clientMethod },
    ]),
  ),
);
