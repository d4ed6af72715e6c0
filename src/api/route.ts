/** The role a route needs beyond a valid key (used to explain 401/403 answers). */
export type ApiRole = 'reader' | 'requestor' | 'approver' | 'license_editor';

/** One PRIMARY route. */
export interface ApiRoute {
  /** The HTTP method. */
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
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

/** A read route. */
export const read = (path: string, role?: ApiRole): ApiRoute => ({
  method: 'GET',
  path,
  ...(role ? { role } : {}),
});

/** A write route. */
export const write = (method: ApiRoute['method'], path: string, role: ApiRole): ApiRoute => ({
  method,
  path,
  role,
  write: true,
});

/** `/model_references/v2`. */
export const V2 = '/model_references/v2';
/** `/model_references/v1`. */
export const V1 = '/model_references/v1';
/** Routes mounted identically under v1 and v2. */
export const VERSIONED = '/model_references/{version}';

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
