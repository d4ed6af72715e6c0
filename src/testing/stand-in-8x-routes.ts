// The routes a stand-in answers beyond the 7.6 reads of stand-in-routes.ts: `me/roles` (both
// generations), and for an 8.x server the decorated v2 reads (licensing always present, text
// guidance attached, aliases resolved), the licensing, guidance and baseline routes, and the
// queue listing with `resource_kinds`.
import { type Category, isCategory } from '../categories.js';
import { modelNameCandidates } from '../records/model-aliases.js';
import { dropNonModelPendingEntries } from '../records/pending-resources.js';
import { unknownModelLicensing } from '../schemas/licensing.js';
import type { RouteFamily } from './faults.js';
import { catalogRoute, guidanceSummary } from './stand-in-catalog-routes.js';
import {
  authorize,
  detail,
  intParam,
  json,
  type StandInContext,
  type StandInRequest,
} from './stand-in-http.js';
import { licensingRoute } from './stand-in-licensing-routes.js';

type Json = Record<string, unknown>;

/** A routed request of the 8.x routes. */
export interface Route8x {
  readonly family: RouteFamily;
  readonly answer: () => Response;
}

/** A record as an 8.x server serves it: with licensing (NOASSERTION when unset) and guidance. */
function publicRecord(context: StandInContext, category: Category, record: unknown): unknown {
  if (typeof record !== 'object' || record === null) return record;
  const served: Json = { licensing: unknownModelLicensing(), ...(record as Json) };
  if (served.licensing === null || served.licensing === undefined)
    served.licensing = unknownModelLicensing();
  if (category === 'text_generation')
    served.guidance = guidanceSummary(context, String(served.name), served);
  return served;
}

/** A category as an 8.x server serves it: every record with licensing (and text guidance). */
export function publicCategory(context: StandInContext, category: Category, records: object): Json {
  const served: Json = Object.create(null);
  for (const [key, record] of Object.entries(records))
    served[key] = publicRecord(context, category, record);
  return served;
}

function rolesRoute(context: StandInContext, request: StandInRequest): Response {
  const user = authorize(context, request.headers);
  if (user instanceof Response) return user;
  const known =
    context.generation === '8.x' ? user.roles : user.roles.filter((r) => r !== 'license_editor');
  const roles = new Set(known);
  if (roles.has('approver')) roles.add('requestor');
  return json({
    user_id: user.user_id,
    username: user.username,
    roles: [...roles].sort(),
    is_approver: roles.has('approver'),
    is_requestor: roles.has('requestor'),
    ...(context.generation === '8.x' ? { is_license_editor: roles.has('license_editor') } : {}),
  });
}

function queueRoute(context: StandInContext, request: StandInRequest): Response {
  const user = authorize(context, request.headers);
  if (user instanceof Response) return user;
  const { query } = request;
  const offset = intParam(query, 'offset', 0, 0);
  const limit = intParam(query, 'limit', 50, 1, 500);
  if (offset instanceof Response) return offset;
  if (limit instanceof Response) return limit;
  const within = (name: string, value: unknown) => {
    const wanted = query.getAll(name);
    return wanted.length === 0 || wanted.includes(String(value));
  };
  const items = context.state.queue.filter(
    (c) =>
      within('statuses', c.status) &&
      within('categories', c.category) &&
      within('resource_kinds', c.resource_kind),
  );
  return json({ items: items.slice(offset, offset + limit), total: items.length, offset, limit });
}

function v2Read(context: StandInContext, request: StandInRequest): Route8x | null {
  const [, , category, kind, name, ...extra] = request.segments;
  if (request.method !== 'GET' || category === undefined || !isCategory(category)) return null;
  const { data } = context;
  if (kind === undefined)
    return {
      family: 'v2',
      answer: () => json(publicCategory(context, category, data.category(category))),
    };
  if (kind === 'model' && name !== undefined && extra.length === 0)
    return {
      family: 'model',
      answer: () => {
        const records = data.category(category);
        // The storage lookup tries the canonical key, then the aliases, as upstream does.
        const key = modelNameCandidates(category, name).find((k) => Object.hasOwn(records, k));
        return key === undefined
          ? detail(404, `Model '${name}' not found in category '${category}'`)
          : json(publicRecord(context, category, records[key]));
      },
    };
  if (kind === 'pending' && name === undefined)
    return {
      family: 'pending',
      answer: () => {
        if (!request.headers.get('apikey')) return detail(401, 'Not authenticated');
        const entries = dropNonModelPendingEntries(data.pending(category)) as Json;
        return json(publicCategory(context, category, entries));
      },
    };
  return null;
}

/**
 * Routes the requests the 7.6 stand-in does not know, or answers differently as 8.x; `null` leaves
 * the request to the 7.6 routes (which answer 404 `Not Found` for every 8.x path).
 */
export function route8x(context: StandInContext, request: StandInRequest): Route8x | null {
  const [root, version, first, second] = request.segments;
  if (root !== 'model_references' || version !== 'v2') return null;
  if (first === 'me' && second === 'roles' && request.segments.length === 4)
    return { family: 'other', answer: () => rolesRoute(context, request) };
  if (context.generation !== '8.x') return null;
  if (first === 'licensing')
    return {
      family: 'licensing',
      answer: () => licensingRoute(context, request) ?? detail(404, 'Not Found'),
    };
  if (
    (first === 'text_generation' && second === 'guidance') ||
    (first === 'image_generation' && second === 'baselines')
  )
    return {
      family: first === 'text_generation' ? 'text-guidance' : 'baselines',
      answer: () => catalogRoute(context, request) ?? detail(404, 'Not Found'),
    };
  if (first === 'pending_queue' && second === 'changes' && request.segments.length === 4)
    return { family: 'other', answer: () => queueRoute(context, request) };
  return v2Read(context, request);
}
