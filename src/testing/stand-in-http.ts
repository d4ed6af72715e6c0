// Small HTTP pieces the 8.x stand-in routes share: answers, auth against the stand-in's users, and
// the context every route reads.

import type { StandInUser } from './fixtures/upstream-8x.js';
import type { StandIn8xState } from './stand-in-8x-state.js';
import type { StandInData } from './stand-in-data.js';

/** Which service generation a stand-in answers as. */
export type ServerGeneration = '7.6' | '8.x';

/** What a stand-in route needs to answer a request. */
export interface StandInContext {
  readonly generation: ServerGeneration;
  readonly data: StandInData;
  readonly state: StandIn8xState;
  readonly users: Readonly<Record<string, StandInUser>>;
  readonly replicateMode: 'PRIMARY' | 'REPLICA';
  /** Answer 304 to a matching `If-None-Match`, as a cache in front of the service would. */
  readonly honourIfNoneMatch: boolean;
}

/** A request as the stand-in's routes see it: decoded path segments, query, headers, JSON body. */
export interface StandInRequest {
  readonly method: string;
  /** Decoded path segments after `/api`. */
  readonly segments: readonly string[];
  /** Whether the path ended with `/`. */
  readonly trailingSlash: boolean;
  readonly query: URLSearchParams;
  readonly headers: Headers;
  /** The parsed JSON body, `undefined` without one. */
  readonly body: unknown;
}

/** A JSON answer. */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

/** The service's error envelope. */
export const detail = (status: number, message: string): Response =>
  json({ detail: message }, status);

/** What the service answers for a path no route matches. */
export const notFound = (): Response => detail(404, 'Not Found');

/** A 422 in FastAPI's shape for one field. */
export const invalid = (loc: readonly (string | number)[], msg: string): Response =>
  json({ detail: [{ type: 'value_error', loc, msg }] }, 422);

const ROLE_LISTS: Readonly<Record<string, string>> = {
  requestor: 'pending queue requestor list',
  approver: 'pending queue approver list',
  license_editor: 'licensing editor list',
};

/**
 * The user of the request's `apikey`, or the service's refusal: 401 without a key or for an
 * unknown one, 403 for a known key without `role` (approvers are requestors too).
 */
export function authorize(
  context: StandInContext,
  headers: Headers,
  role?: 'requestor' | 'approver' | 'license_editor',
): StandInUser | Response {
  const key = headers.get('apikey');
  if (!key) return detail(401, 'Not authenticated');
  if (!Object.hasOwn(context.users, key)) return detail(401, 'Invalid API key');
  const user = context.users[key] as StandInUser;
  const roles = new Set(user.roles);
  if (roles.has('approver')) roles.add('requestor');
  if (role && !roles.has(role)) return detail(403, `You are not on the ${ROLE_LISTS[role]}.`);
  return user;
}

/** The PRIMARY-only guard of writes: 503 on a REPLICA. */
export function primaryOnly(context: StandInContext): Response | null {
  return context.replicateMode === 'PRIMARY'
    ? null
    : detail(503, 'This operation requires a PRIMARY deployment; this one is a REPLICA.');
}

/** An integer query parameter within bounds, its default, or a 422. */
export function intParam(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number = Number.MAX_SAFE_INTEGER,
): number | Response {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  return Number.isInteger(value) && value >= min && value <= max
    ? value
    : invalid(['query', name], `Input should be an integer from ${min} to ${max}`);
}

/** A boolean query parameter as FastAPI reads it, or its default. */
export function boolParam(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const raw = query.get(name);
  if (raw === null) return fallback;
  return ['true', '1', 'yes', 'on'].includes(raw.toLowerCase());
}

/** A catalog read with its weak ETag; 304 when the stand-in honours a matching `If-None-Match`. */
export function tagged(
  context: StandInContext,
  headers: Headers,
  etag: string,
  body: unknown,
): Response {
  const asked = headers.get('if-none-match');
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  if (context.honourIfNoneMatch && asked?.split(',').some((t) => opaque(t) === opaque(etag)))
    return new Response(null, { status: 304, headers: { etag } });
  return json(body, 200, { etag });
}
