// The PRIMARY routes change detection reads (through primary-urls.ts); part of the route table of
// routes.ts, which lists them with the rest. A file of their own because bundlers split code by
// file: the detector is a chunk loaded on demand, and importing routes.ts would tie the routes
// the core reads (category-routes.ts) to it. Literals, so nothing here needs routes.ts at run time.
import type { ApiRoute } from './routes.js';

/** `GET /model_references/v2/{category}/model/{name}`: one record. */
export const V2_MODEL_ROUTE: ApiRoute = {
  method: 'GET',
  path: '/model_references/v2/{category}/model/{name}',
};
/** `GET /model_references/{version}/metadata/last_updated`: one stamp for all categories. */
export const LAST_UPDATED_ROUTE: ApiRoute = {
  method: 'GET',
  path: '/model_references/{version}/metadata/last_updated',
};
/** `GET /model_references/{version}/metadata/metadata`: every category's metadata. */
export const ALL_METADATA_ROUTE: ApiRoute = {
  method: 'GET',
  path: '/model_references/{version}/metadata/metadata',
};
/** `GET /replicate_mode`: PRIMARY or REPLICA, and the canonical format. */
export const REPLICATE_MODE_ROUTE: ApiRoute = { method: 'GET', path: '/replicate_mode' };
