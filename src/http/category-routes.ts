// The PRIMARY routes the manager reads at start: a category's records from v2 and v1, and the
// pending provider's queue; part of the route table of routes.ts, which lists them with the rest.
// A file of their own because bundlers split code by file: the core imports only this one, so
// the other routes (change-routes.ts for change detection, the tables of routes.ts) stay out of
// its first load. Literals, so nothing here needs routes.ts at run time.
import type { ApiRoute } from './routes.js';

/** `GET /model_references/v2/{category}`: a category's records. */
export const V2_CATEGORY_ROUTE: ApiRoute = {
  method: 'GET',
  path: '/model_references/v2/{category}',
};
/** `GET /model_references/v1/{category}`: a category in the legacy format. */
export const V1_CATEGORY_ROUTE: ApiRoute = {
  method: 'GET',
  path: '/model_references/v1/{category}',
};
/** `GET /model_references/v2/{category}/pending`: the changes queued for review. */
export const V2_PENDING_ROUTE: ApiRoute = {
  method: 'GET',
  path: '/model_references/v2/{category}/pending',
  role: 'reader',
};
