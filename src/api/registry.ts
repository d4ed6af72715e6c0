import { AUDIT_ROUTES } from './areas/audit-area.js';
import { BASELINES_ROUTES } from './areas/baselines-area.js';
import { LICENSING_ROUTES } from './areas/licensing-area.js';
import { METADATA_ROUTES } from './areas/metadata-area.js';
import { PENDING_QUEUE_ROUTES } from './areas/pending-queue-area.js';
import { STATISTICS_ROUTES } from './areas/statistics-area.js';
import { TEXT_GUIDANCE_ROUTES } from './areas/text-guidance-area.js';
import { TEXT_UTILS_ROUTES } from './areas/text-utils-area.js';
import { V1_ROUTES } from './areas/v1-area.js';
import { V2_ROUTES } from './areas/v2-area.js';
import { ROOT_ROUTES, USER_ROUTES } from './client.js';
import type { ApiArea, ApiRoute, RegisteredApiRoute } from './route.js';

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
  baselines: BASELINES_ROUTES,
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
