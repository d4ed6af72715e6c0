import { AUDIT_ROUTES } from './areas/audit-area.js';
import { METADATA_ROUTES } from './areas/metadata-area.js';
import { PENDING_QUEUE_ROUTES } from './areas/pending-queue-area.js';
import { STATISTICS_ROUTES } from './areas/statistics-area.js';
import { TEXT_UTILS_ROUTES } from './areas/text-utils-area.js';
import { V1_ROUTES } from './areas/v1-area.js';
import { V2_ROUTES } from './areas/v2-area.js';
import { ROOT_ROUTES } from './client.js';
import type { ApiRoute } from './route.js';

const prefixed = (area: string, routes: Readonly<Record<string, ApiRoute>>) =>
  Object.entries(routes).map(([method, route]) => [`${area}.${method}`, route] as const);

/**
 * Every PRIMARY route the client covers, keyed by its method (`v2.search`,
 * `pendingQueue.apply`, ...). A contract test walks the service's endpoint table against it.
 */
export const API_ROUTES: Readonly<Record<string, ApiRoute>> = Object.fromEntries([
  ...prefixed('root', ROOT_ROUTES),
  ...prefixed('v2', V2_ROUTES),
  ...prefixed('v1', V1_ROUTES),
  ...prefixed('metadata', METADATA_ROUTES),
  ...prefixed('statistics', STATISTICS_ROUTES),
  ...prefixed('textUtils', TEXT_UTILS_ROUTES),
  ...prefixed('pendingQueue', PENDING_QUEUE_ROUTES),
  ...prefixed('audit', AUDIT_ROUTES),
]);
