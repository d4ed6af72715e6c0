import { V1_CATEGORY_ROUTE, V2_CATEGORY_ROUTE, V2_PENDING_ROUTE } from './category-routes.js';
import {
  ALL_METADATA_ROUTE,
  LAST_UPDATED_ROUTE,
  REPLICATE_MODE_ROUTE,
  V2_MODEL_ROUTE,
} from './change-routes.js';

/** The role a route needs beyond a valid key (used to explain 401/403 answers). */
export type ApiRole = 'reader' | 'requestor' | 'approver' | 'license_editor';

/** An HTTP method the service uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One PRIMARY route. */
export interface ApiRoute {
  /** The HTTP method. */
  readonly method: HttpMethod;
  /**
   * Path under the `/api` base. `{param}` segments are URL-encoded per call; `{param*}` may
   * contain `/` (the server's `:path` parameters); `{version}` is `v1` or `v2`.
   */
  readonly path: string;
  /** The role the route needs; absent for open routes. */
  readonly role?: ApiRole;
  /** A write: the PRIMARY refuses it with 503 when it is a REPLICA or in the other format. */
  readonly write?: boolean;
  /** Set on routes the service added after 7.6 (docs/upstream-8x.md); a 7.6 server answers 404. */
  readonly addedIn?: '8.x';
}

/** A table of routes keyed by the client method that calls each. */
export type RouteTable<K extends string> = { readonly [P in K]: ApiRoute };

// Pure, so a bundle keeps only the tables it uses (the manager needs four of twelve).
const read = /* @__NO_SIDE_EFFECTS__ */ (path: string, role?: ApiRole): ApiRoute => ({
  method: 'GET',
  path,
  ...(role ? { role } : {}),
});

const write = /* @__NO_SIDE_EFFECTS__ */ (
  method: HttpMethod,
  path: string,
  role: ApiRole,
): ApiRoute => ({
  method,
  path,
  role,
  write: true,
});

// The one route table of the PRIMARY: the API client calls these, and the manager derives every
// URL it reads from them (category-routes.ts, change-routes.ts), so a path is written down exactly
// once. Paths are plain literals, so they can be searched for, and a bundle keeps only the tables
// it uses. The routes an 8.x service added are in routes-8x.ts.
// `{version}` is `v1` or `v2` for the routes mounted identically under both.

/** The service's top-level routes. */
export const ROOT_ROUTES: RouteTable<'info' | 'heartbeat' | 'replicateMode'> = {
  info: read('/'),
  heartbeat: read('/heartbeat'),
  replicateMode: REPLICATE_MODE_ROUTE,
};

/** The v2 API: reads, queued writes, search and popular. */
export const V2_ROUTES: RouteTable<
  | 'info'
  | 'categories'
  | 'getCategory'
  | 'getModel'
  | 'pending'
  | 'create'
  | 'add'
  | 'update'
  | 'delete'
  | 'search'
  | 'searchAll'
  | 'popular'
> = {
  info: read('/model_references/v2/info'),
  categories: read('/model_references/v2/model_categories'),
  getCategory: V2_CATEGORY_ROUTE,
  getModel: V2_MODEL_ROUTE,
  pending: V2_PENDING_ROUTE,
  create: write('POST', '/model_references/v2/{category}', 'requestor'),
  add: write('POST', '/model_references/v2/{category}/add', 'requestor'),
  update: write('PUT', '/model_references/v2/{category}/model/{name}', 'requestor'),
  delete: write('DELETE', '/model_references/v2/{category}/model/{name}', 'requestor'),
  search: read('/model_references/v2/{category}/search'),
  searchAll: read('/model_references/v2/search'),
  popular: read('/model_references/v2/{category}/popular'),
};

/** The legacy v1 API. */
export const V1_ROUTES: RouteTable<
  'info' | 'categories' | 'getCategory' | 'textGeneration' | 'create' | 'update' | 'delete'
> = {
  info: read('/model_references/v1/info'),
  categories: read('/model_references/v1/model_categories'),
  getCategory: V1_CATEGORY_ROUTE,
  textGeneration: read('/model_references/v1/text_generation'),
  create: write('POST', '/model_references/v1/{category}', 'requestor'),
  update: write('PUT', '/model_references/v1/{category}', 'requestor'),
  delete: write('DELETE', '/model_references/v1/{category}/model/{name}', 'requestor'),
};

/** Change tracking, mounted under v1 and v2 (`{version}`). */
export const METADATA_ROUTES: RouteTable<
  'lastUpdated' | 'all' | 'category' | 'categoryLastUpdated'
> = {
  lastUpdated: LAST_UPDATED_ROUTE,
  all: ALL_METADATA_ROUTE,
  category: read('/model_references/{version}/metadata/{category}'),
  categoryLastUpdated: read('/model_references/{version}/metadata/{category}/last_updated'),
};

/** Statistics, usage joins and deletion risk. */
export const STATISTICS_ROUTES: RouteTable<'category' | 'withStats' | 'deletionRisk'> = {
  category: read('/model_references/statistics/{category}'),
  withStats: read('/model_references/statistics/{category}/with-stats'),
  deletionRisk: read('/model_references/statistics/{category}/deletion-risk'),
};

/** Text model names, groups, aliases and families. */
export const TEXT_UTILS_ROUTES: RouteTable<
  | 'parseName'
  | 'composeName'
  | 'distinctBaselines'
  | 'groups'
  | 'groupsSummary'
  | 'groupsHealth'
  | 'group'
  | 'updateGroupCommonFields'
  | 'groupNameSchema'
  | 'updateGroupNameSchema'
  | 'deleteGroupNameSchema'
  | 'setNameException'
  | 'aliases'
  | 'alias'
  | 'setAlias'
  | 'deleteAlias'
  | 'addAlias'
  | 'removeAlias'
  | 'families'
  | 'detectFamilies'
  | 'family'
  | 'setFamily'
  | 'deleteFamily'
  | 'addToFamily'
  | 'removeFromFamily'
> = {
  parseName: read('/model_references/v2/text_generation/parse_name'),
  composeName: { method: 'POST', path: '/model_references/v2/text_generation/compose_name' },
  distinctBaselines: read('/model_references/v2/text_generation/distinct_baselines'),
  groups: read('/model_references/v2/text_generation/groups'),
  groupsSummary: read('/model_references/v2/text_generation/groups/summary'),
  groupsHealth: read('/model_references/v2/text_generation/groups/health'),
  group: read('/model_references/v2/text_generation/group'),
  updateGroupCommonFields: write(
    'PUT',
    '/model_references/v2/text_generation/group/common_fields',
    'requestor',
  ),
  groupNameSchema: read('/model_references/v2/text_generation/group/name_schema'),
  updateGroupNameSchema: write(
    'PUT',
    '/model_references/v2/text_generation/group/name_schema',
    'requestor',
  ),
  deleteGroupNameSchema: write(
    'DELETE',
    '/model_references/v2/text_generation/group/name_schema',
    'requestor',
  ),
  setNameException: write(
    'PUT',
    '/model_references/v2/text_generation/{name*}/name_exception',
    'requestor',
  ),
  aliases: read('/model_references/v2/text_generation/aliases'),
  alias: read('/model_references/v2/text_generation/aliases/{canonical}'),
  setAlias: write('PUT', '/model_references/v2/text_generation/aliases/{canonical}', 'requestor'),
  deleteAlias: write(
    'DELETE',
    '/model_references/v2/text_generation/aliases/{canonical}',
    'requestor',
  ),
  addAlias: write(
    'POST',
    '/model_references/v2/text_generation/aliases/{canonical}/add',
    'requestor',
  ),
  removeAlias: write(
    'POST',
    '/model_references/v2/text_generation/aliases/{canonical}/remove',
    'requestor',
  ),
  families: read('/model_references/v2/text_generation/families'),
  detectFamilies: read('/model_references/v2/text_generation/families/detect'),
  family: read('/model_references/v2/text_generation/families/{family}'),
  setFamily: write('PUT', '/model_references/v2/text_generation/families/{family}', 'requestor'),
  deleteFamily: write(
    'DELETE',
    '/model_references/v2/text_generation/families/{family}',
    'requestor',
  ),
  addToFamily: write(
    'POST',
    '/model_references/v2/text_generation/families/{family}/add',
    'requestor',
  ),
  removeFromFamily: write(
    'POST',
    '/model_references/v2/text_generation/families/{family}/remove',
    'requestor',
  ),
};

/** The review queue every write goes through (v1 and v2). */
export const PENDING_QUEUE_ROUTES: RouteTable<
  | 'changes'
  | 'myChanges'
  | 'change'
  | 'diff'
  | 'diffs'
  | 'batch'
  | 'purge'
  | 'applyChange'
  | 'apply'
  | 'applyBatch'
> = {
  changes: read('/model_references/{version}/pending_queue/changes', 'reader'),
  myChanges: read('/model_references/{version}/pending_queue/my_changes', 'requestor'),
  change: read('/model_references/{version}/pending_queue/changes/{id}', 'reader'),
  diff: read('/model_references/{version}/pending_queue/changes/{id}/diff', 'reader'),
  diffs: read('/model_references/{version}/pending_queue/diffs', 'reader'),
  batch: write('POST', '/model_references/{version}/pending_queue/batches', 'approver'),
  purge: write('POST', '/model_references/{version}/pending_queue/purge', 'approver'),
  applyChange: write(
    'POST',
    '/model_references/{version}/pending_queue/changes/{id}/apply',
    'approver',
  ),
  apply: write('POST', '/model_references/{version}/pending_queue/apply', 'approver'),
  applyBatch: write(
    'POST',
    '/model_references/{version}/pending_queue/apply_batch/{id}',
    'approver',
  ),
};

/** The queue's history (v1 and v2). */
export const AUDIT_ROUTES: RouteTable<'current' | 'batches' | 'batch' | 'netChanges'> = {
  current: read('/model_references/{version}/pending_queue/audit/current', 'reader'),
  batches: read('/model_references/{version}/pending_queue/audit/batches', 'reader'),
  batch: read('/model_references/{version}/pending_queue/audit/batches/{id}', 'reader'),
  netChanges: read(
    '/model_references/{version}/pending_queue/audit/batches/{id}/net_changes',
    'reader',
  ),
};

/** The caller's roles. */
export const USER_ROUTES: RouteTable<'roles'> = {
  roles: read('/model_references/v2/me/roles', 'reader'),
};
