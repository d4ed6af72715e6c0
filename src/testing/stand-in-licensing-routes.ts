// The licensing routes of an 8.x stand-in (`/model_references/v2/licensing/...`), answering as
// upstream `service/v2/routers/licensing.py` at c0fba994 does.
import { CATEGORIES, isCategory } from '../categories.js';
import { findRecordByName } from '../records/model-aliases.js';
import {
  LICENSED_ASSET_KINDS,
  licenseDefinitionSchema,
  licensedAssetSchema,
} from '../schemas/license-records.js';
import { PERMISSION_STATUSES } from '../schemas/licensing.js';
import { parseWith } from '../schemas/parse-records.js';
import type { Schema } from '../schemas/shared.js';
import type { StandInUser } from './fixtures/upstream-8x.js';
import {
  authorize,
  boolParam,
  detail,
  intParam,
  invalid,
  json,
  notFound,
  primaryOnly,
  type StandInContext,
  type StandInRequest,
} from './stand-in-http.js';
import { allAssets, fold, modelView, summary } from './stand-in-licensing-views.js';

type Json = Record<string, unknown>;

const metadata = (context: StandInContext) => ({
  schema_version: 1,
  revision: 1 + context.state.queue.length,
  updated_at: null,
});

function parsed<T>(schema: Schema<T>, body: unknown): T | Response {
  const result = parseWith(schema, body);
  return result.ok
    ? result.record
    : json(
        {
          detail: result.issues.map((i) => ({
            type: 'value_error',
            loc: ['body', ...i.path.split('.')],
            msg: i.message,
          })),
        },
        422,
      );
}

function isReferenced(context: StandInContext, id: string): boolean {
  const names = (l: Json | undefined) =>
    ((l?.license_ids as string[] | undefined) ?? []).includes(id);
  return (
    [...context.state.assets.values()].some((a) => names(a.licensing as Json)) ||
    CATEGORIES.some((c) =>
      Object.values(context.data.category(c)).some((record) => {
        const licensing = (record as Json).licensing as Json | undefined;
        return (
          names(licensing) ||
          Object.values((licensing?.files as Json | undefined) ?? {}).some((f) => names(f as Json))
        );
      }),
    )
  );
}

function unknownIds(context: StandInContext, licensing: Json): string | null {
  for (const id of licensing.license_ids as string[]) {
    const definition = context.state.licenses.get(id);
    if (!definition) return `Unknown license definition: ${id}`;
    if (definition.deprecated)
      return `Deprecated license definition cannot be newly assigned: ${id}`;
  }
  return null;
}

/** Answers `/model_references/v2/licensing/...`, or `null` for a path that is not one of them. */
export function licensingRoute(context: StandInContext, request: StandInRequest): Response | null {
  const [, , , resource, ...rest] = request.segments;
  const { method, query, headers } = request;
  const { licenses, assets } = context.state;
  // FastAPI's order: a missing key (401), then the body (422), then the handler's PRIMARY guard
  // (503), then the key and the editor role (401/403).
  const write = <T>(
    schema: Schema<T> | null,
    act: (user: StandInUser, body: T) => Response,
  ): Response => {
    if (!headers.get('apikey')) return detail(401, 'Not authenticated');
    const body = schema ? parsed(schema, request.body) : (undefined as T);
    if (body instanceof Response) return body;
    const refused = primaryOnly(context);
    if (refused) return refused;
    const user = authorize(context, headers, 'license_editor');
    return user instanceof Response ? user : act(user, body);
  };

  if (resource === 'licenses' && rest.length === 0) {
    if (method === 'GET') {
      const offset = intParam(query, 'offset', 0, 0);
      const limit = intParam(query, 'limit', 100, 1, 1000);
      if (offset instanceof Response) return offset;
      if (limit instanceof Response) return limit;
      const all = [...licenses.values()]
        .filter((d) => boolParam(query, 'include_deprecated', true) || !d.deprecated)
        .sort((a, b) => fold(String(a.license_id), String(b.license_id)));
      const items = all.slice(offset, offset + limit);
      return json({ items, total: all.length, offset, limit, metadata: metadata(context) });
    }
    if (method === 'POST')
      return write(licenseDefinitionSchema, (user, definition) => {
        if (licenses.has(definition.license_id))
          return detail(409, `License definition already exists: ${definition.license_id}`);
        const stored = { ...definition, metadata: { revision: 1, created_by: user.user_id } };
        licenses.set(definition.license_id, stored);
        return json(stored, 201);
      });
  }
  if (resource === 'licenses' && rest.length === 1) {
    const id = rest[0] as string;
    const existing = licenses.get(id);
    if (method === 'GET')
      return existing ? json(existing) : detail(404, `License definition not found: ${id}`);
    if (method === 'PUT')
      return write(licenseDefinitionSchema, (user, definition) => {
        if (definition.license_id !== id)
          return detail(400, 'Path and body license identifiers must match.');
        if (!existing) return detail(404, `License definition not found: ${id}`);
        const revision = Number((existing.metadata as Json | undefined)?.revision ?? 1) + 1;
        const stored = { ...definition, metadata: { revision, updated_by: user.user_id } };
        licenses.set(id, stored);
        return json(stored);
      });
    if (method === 'DELETE')
      return write(null, () => {
        if (isReferenced(context, id))
          return detail(409, `License definition is still referenced: ${id}`);
        if (!licenses.delete(id)) return detail(404, `License definition not found: ${id}`);
        return new Response(null, { status: 204 });
      });
  }
  if (resource === 'assets' && rest.length === 0) {
    if (method === 'GET') {
      const offset = intParam(query, 'offset', 0, 0);
      const limit = intParam(query, 'limit', 100, 1, 1000);
      if (offset instanceof Response) return offset;
      if (limit instanceof Response) return limit;
      for (const name of ['commercial_use', 'redistribution']) {
        const value = query.get(name);
        if (value !== null && !(PERMISSION_STATUSES as readonly string[]).includes(value))
          return invalid(['query', name], `Input should be ${PERMISSION_STATUSES.join(', ')}`);
      }
      const category = query.get('category');
      if (category !== null && !isCategory(category))
        return invalid(['query', 'category'], 'Input should be a model reference category');
      const needle = query.get('name_contains')?.toLowerCase();
      const matches = allAssets(context).filter((asset) => {
        const l = asset.licensing as Json;
        const is = (name: string, value: unknown) =>
          query.get(name) === null || query.get(name) === value;
        return (
          is('asset_kind', asset.asset_kind) &&
          is('category', asset.category) &&
          is('commercial_use', l.commercial_use) &&
          is('redistribution', l.redistribution) &&
          (query.get('license_id') === null ||
            (l.license_ids as string[]).includes(query.get('license_id') as string)) &&
          (needle === undefined || String(asset.display_name).toLowerCase().includes(needle))
        );
      });
      const items = matches.slice(offset, offset + limit);
      return json({ items, total: matches.length, offset, limit, metadata: metadata(context) });
    }
    if (method === 'POST')
      return write(licensedAssetSchema, (_, asset) => {
        const key = `${asset.asset_kind}:${asset.asset_identifier}`;
        if (assets.has(key)) return detail(409, `Licensed asset already exists: ${key}`);
        const problem = unknownIds(context, asset.licensing as unknown as Json);
        if (problem) return detail(422, problem);
        assets.set(key, asset as unknown as Json);
        return json(asset, 201);
      });
  }
  if (resource === 'assets' && rest.length >= 2) {
    const [kind, ...identifierParts] = rest as [string, ...string[]];
    const identifier = identifierParts.join('/');
    if (!(LICENSED_ASSET_KINDS as readonly string[]).includes(kind))
      return invalid(['path', 'asset_kind'], `Input should be ${LICENSED_ASSET_KINDS.join(', ')}`);
    const key = `${kind}:${identifier}`;
    if (method === 'GET')
      return assets.has(key)
        ? json(assets.get(key))
        : detail(404, `Licensed asset not found: ${key}`);
    if (method === 'PUT')
      return write(licensedAssetSchema, (_, asset) => {
        if (asset.asset_kind !== kind || asset.asset_identifier !== identifier)
          return detail(400, 'Path and body asset identities must match.');
        if (!assets.has(key)) return detail(404, `Licensed asset not found: ${key}`);
        assets.set(key, asset as unknown as Json);
        return json(asset);
      });
    if (method === 'DELETE')
      return write(null, () =>
        assets.delete(key)
          ? new Response(null, { status: 204 })
          : detail(404, `Licensed asset not found: ${key}`),
      );
  }
  if (resource === 'models' && rest.length >= 2 && method === 'GET') {
    const [category, ...nameParts] = rest as [string, ...string[]];
    const name = nameParts.join('/');
    if (!isCategory(category))
      return invalid(['path', 'category'], 'Input should be a model reference category');
    const record = findRecordByName(context.data.category(category) as never, category, name) as
      | Json
      | undefined;
    return record
      ? json(modelView(category, String(record.name), record))
      : detail(404, `Model not found: ${category}/${name}`);
  }
  if (rest.length === 0 && method === 'GET') {
    if (resource === 'summary') return json(summary(allAssets(context)));
    if (resource === 'export') {
      const all = allAssets(context);
      return json({
        schema_version: 1,
        metadata: metadata(context),
        licenses: [...licenses.values()],
        assets: all,
        summary: summary(all),
      });
    }
  }
  return resource === undefined ? null : notFound();
}
