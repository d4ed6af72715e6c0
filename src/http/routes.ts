/** The role a route needs beyond a valid key (used to explain 401/403 answers). */
export type ApiRole = 'reader' | 'requestor' | 'approver';

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
}

/** A table of routes keyed by the client method that calls each. */
export type RouteTable<K extends string> = { readonly [P in K]: ApiRoute };

const read = (path: string, role?: ApiRole): ApiRoute => ({
  method: 'GET',
  path,
  ...(role ? { role } : {}),
});

const write = (method: HttpMethod, path: string, role: ApiRole): ApiRoute => ({
  method,
  path,
  role,
  write: true,
});

const V2 = '/model_references/v2';
const V1 = '/model_references/v1';
/** Routes mounted identically under v1 and v2. */
const VERSIONED = '/model_references/{version}';

// The one route table of the PRIMARY: the API client calls these, and the manager derives every
// URL it reads from them (see primary-urls.ts), so a path is written down exactly once.

/** The service's top-level routes. */
export const ROOT_ROUTES: RouteTable<'info' | 'heartbeat' | 'replicateMode'> = {
  info: read('/'),
  heartbeat: read('/heartbeat'),
  replicateMode: read('/replicate_mode'),
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
  info: read(`${V2}/info`),
  categories: read(`${V2}/model_categories`),
  getCategory: read(`${V2}/{category}`),
  getModel: read(`${V2}/{category}/model/{name}`),
  pending: read(`${V2}/{category}/pending`, 'reader'),
  create: write('POST', `${V2}/{category}`, 'requestor'),
  add: write('POST', `${V2}/{category}/add`, 'requestor'),
  update: write('PUT', `${V2}/{category}/model/{name}`, 'requestor'),
  delete: write('DELETE', `${V2}/{category}/model/{name}`, 'requestor'),
  search: read(`${V2}/{category}/search`),
  searchAll: read(`${V2}/search`),
  popular: read(`${V2}/{category}/popular`),
};

/** The legacy v1 API. */
export const V1_ROUTES: RouteTable<
  'info' | 'categories' | 'getCategory' | 'textGeneration' | 'create' | 'update' | 'delete'
> = {
  info: read(`${V1}/info`),
  categories: read(`${V1}/model_categories`),
  getCategory: read(`${V1}/{category}`),
  textGeneration: read(`${V1}/text_generation`),
  create: write('POST', `${V1}/{category}`, 'requestor'),
  update: write('PUT', `${V1}/{category}`, 'requestor'),
  delete: write('DELETE', `${V1}/{category}/model/{name}`, 'requestor'),
};

/** Change tracking, mounted under v1 and v2 (`{version}`). */
export const METADATA_ROUTES: RouteTable<
  'lastUpdated' | 'all' | 'category' | 'categoryLastUpdated'
> = {
  lastUpdated: read(`${VERSIONED}/metadata/last_updated`),
  all: read(`${VERSIONED}/metadata/metadata`),
  category: read(`${VERSIONED}/metadata/{category}`),
  categoryLastUpdated: read(`${VERSIONED}/metadata/{category}/last_updated`),
};

const STATS = '/model_references/statistics/{category}';
/** Statistics, usage joins and deletion risk. */
export const STATISTICS_ROUTES: RouteTable<'category' | 'withStats' | 'deletionRisk'> = {
  category: read(STATS),
  withStats: read(`${STATS}/with-stats`),
  deletionRisk: read(`${STATS}/deletion-risk`),
};

const T = `${V2}/text_generation`;
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
  parseName: read(`${T}/parse_name`),
  composeName: { method: 'POST', path: `${T}/compose_name` },
  distinctBaselines: read(`${T}/distinct_baselines`),
  groups: read(`${T}/groups`),
  groupsSummary: read(`${T}/groups/summary`),
  groupsHealth: read(`${T}/groups/health`),
  group: read(`${T}/group`),
  updateGroupCommonFields: write('PUT', `${T}/group/common_fields`, 'requestor'),
  groupNameSchema: read(`${T}/group/name_schema`),
  updateGroupNameSchema: write('PUT', `${T}/group/name_schema`, 'requestor'),
  deleteGroupNameSchema: write('DELETE', `${T}/group/name_schema`, 'requestor'),
  setNameException: write('PUT', `${T}/{name*}/name_exception`, 'requestor'),
  aliases: read(`${T}/aliases`),
  alias: read(`${T}/aliases/{canonical}`),
  setAlias: write('PUT', `${T}/aliases/{canonical}`, 'requestor'),
  deleteAlias: write('DELETE', `${T}/aliases/{canonical}`, 'requestor'),
  addAlias: write('POST', `${T}/aliases/{canonical}/add`, 'requestor'),
  removeAlias: write('POST', `${T}/aliases/{canonical}/remove`, 'requestor'),
  families: read(`${T}/families`),
  detectFamilies: read(`${T}/families/detect`),
  family: read(`${T}/families/{family}`),
  setFamily: write('PUT', `${T}/families/{family}`, 'requestor'),
  deleteFamily: write('DELETE', `${T}/families/{family}`, 'requestor'),
  addToFamily: write('POST', `${T}/families/{family}/add`, 'requestor'),
  removeFromFamily: write('POST', `${T}/families/{family}/remove`, 'requestor'),
};

const Q = `${VERSIONED}/pending_queue`;
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
  changes: read(`${Q}/changes`, 'reader'),
  myChanges: read(`${Q}/my_changes`, 'requestor'),
  change: read(`${Q}/changes/{id}`, 'reader'),
  diff: read(`${Q}/changes/{id}/diff`, 'reader'),
  diffs: read(`${Q}/diffs`, 'reader'),
  batch: write('POST', `${Q}/batches`, 'approver'),
  purge: write('POST', `${Q}/purge`, 'approver'),
  applyChange: write('POST', `${Q}/changes/{id}/apply`, 'approver'),
  apply: write('POST', `${Q}/apply`, 'approver'),
  applyBatch: write('POST', `${Q}/apply_batch/{id}`, 'approver'),
};

const A = `${VERSIONED}/pending_queue/audit`;
/** The queue's history (v1 and v2). */
export const AUDIT_ROUTES: RouteTable<'current' | 'batches' | 'batch' | 'netChanges'> = {
  current: read(`${A}/current`, 'reader'),
  batches: read(`${A}/batches`, 'reader'),
  batch: read(`${A}/batches/{id}`, 'reader'),
  netChanges: read(`${A}/batches/{id}/net_changes`, 'reader'),
};

/** The caller's roles. */
export const USER_ROUTES: RouteTable<'roles'> = {
  roles: read(`${V2}/me/roles`, 'reader'),
};
