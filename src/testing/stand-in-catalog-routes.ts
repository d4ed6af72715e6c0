// The text-guidance and baseline catalog routes of an 8.x stand-in, answering as upstream
// `service/v2/routers/text_guidance.py` (360038b2) and `image_baselines.py` (24886069) do.
import { backendPrefixOf } from '../legacy/text-model-name.js';
import { imageBaselineRecordSchema } from '../schemas/baseline-catalog.js';
import { parseWith } from '../schemas/parse-records.js';
import {
  authorize,
  boolParam,
  detail,
  invalid,
  json,
  notFound,
  primaryOnly,
  type StandInContext,
  type StandInRequest,
  tagged,
} from './stand-in-http.js';

type Json = Record<string, unknown>;

/** The canonical text models, keyed by name (backend-prefixed names are not canonical). */
function textModels(context: StandInContext): Map<string, Json> {
  const models = new Map<string, Json>();
  for (const record of Object.values(context.data.category('text_generation'))) {
    const name = String((record as Json).name);
    if (backendPrefixOf(name) === null) models.set(name, record as Json);
  }
  return models;
}

/** The guidance summary the service attaches to a text model's reads. */
export function guidanceSummary(context: StandInContext, name: string, record: Json): Json {
  const { assignments } = context.state.guidance;
  if (Object.hasOwn(assignments, name)) {
    const a = assignments[name] as Json;
    return {
      status: 'published',
      primary_profile_id: a.primary_profile_id,
      supplemental_profile_ids: a.supplemental_profile_ids ?? [],
    };
  }
  const label = record.instruct_format;
  return typeof label === 'string' && label.trim()
    ? { status: 'legacy_label', supplemental_profile_ids: [] }
    : { status: 'undocumented', supplemental_profile_ids: [] };
}

// Requestor first, then the PRIMARY guard, then the body: the order of the upstream handlers.
function submission(context: StandInContext, request: StandInRequest): Json | Response {
  const user = authorize(context, request.headers, 'requestor');
  if (user instanceof Response) return user;
  const refused = primaryOnly(context);
  if (refused) return refused;
  return { user };
}

function checkTitle(body: Json): Response | null {
  const title = body.title;
  return typeof title === 'string' && title.length >= 1 && title.length <= 160
    ? null
    : invalid(['body', 'title'], 'String should have 1 to 160 characters');
}

function guidanceRoute(context: StandInContext, request: StandInRequest): Response | null {
  const [, , , , resource, id, ...extra] = request.segments;
  const { guidance } = context.state;
  const { query, headers, method } = request;
  const etag = `W/"text-guidance-${guidance.metadata.revision ?? 1}"`;
  const profiles = Object.values(guidance.profiles) as Json[];
  const assignments = Object.values(guidance.assignments) as Json[];
  const named = (a: Json) => [a.primary_profile_id, ...((a.supplemental_profile_ids as []) ?? [])];
  if (extra.length > 0) return notFound();
  if (method === 'GET' && resource === 'profiles' && id === undefined) {
    const items = profiles
      .filter((p) => boolParam(query, 'include_deprecated', false) || !p.deprecated)
      .sort((a, b) => (String(a.profile_id) < String(b.profile_id) ? -1 : 1))
      .map((p) => ({
        profile_id: p.profile_id,
        kind: p.kind,
        display_name: p.display_name,
        summary: p.summary,
        aliases: p.aliases ?? [],
        deprecated: p.deprecated ?? false,
        assigned_model_count: assignments.filter((a) => named(a).includes(p.profile_id)).length,
      }));
    return tagged(context, headers, etag, {
      items,
      total: items.length,
      metadata: guidance.metadata,
    });
  }
  if (method === 'GET' && resource === 'profiles' && id !== undefined)
    return Object.hasOwn(guidance.profiles, id)
      ? tagged(context, headers, etag, guidance.profiles[id])
      : detail(404, `Guidance profile '${id}' not found.`);
  if (method === 'GET' && resource === 'assignments' && id === undefined) {
    const model = query.get('model_name');
    const profile = query.get('profile_id');
    const items = assignments.filter(
      (a) =>
        (model === null || a.model_name === model) &&
        (profile === null || named(a).includes(profile)),
    );
    return tagged(context, headers, etag, {
      items,
      total: items.length,
      metadata: guidance.metadata,
    });
  }
  if (method === 'GET' && resource === 'model' && id === undefined) {
    const name = query.get('name');
    if (!name) return invalid(['query', 'name'], 'String should have at least 1 character');
    const record = textModels(context).get(name);
    if (!record) return detail(404, `Text model '${name}' not found.`);
    const summary = guidanceSummary(context, name, record);
    const assignment = guidance.assignments[name] as Json | undefined;
    const profile = (pid: unknown) => guidance.profiles[String(pid)];
    return tagged(context, headers, etag, {
      model_name: name,
      summary,
      primary_profile: assignment ? profile(assignment.primary_profile_id) : null,
      supplemental_profiles: assignment ? named(assignment).slice(1).map(profile) : [],
      legacy_instruct_format:
        typeof record.instruct_format === 'string' ? record.instruct_format : null,
      catalog_metadata: guidance.metadata,
    });
  }
  if (method === 'GET' && resource === 'export' && id === undefined)
    return tagged(context, headers, etag, guidance);
  if (method === 'POST' && resource === 'migration' && id === 'preview') {
    const allowed = submission(context, request);
    if (allowed instanceof Response) return allowed;
    return json(migrationPreview(context));
  }
  if (method === 'POST' && resource === 'change-sets' && id === undefined) {
    const allowed = submission(context, request);
    if (allowed instanceof Response) return allowed;
    const body = (request.body ?? {}) as Json;
    const bad = checkTitle(body);
    if (bad) return bad;
    const count =
      ((body.profile_changes as [] | undefined) ?? []).length +
      ((body.assignment_changes as [] | undefined) ?? []).length;
    if (count === 0)
      return invalid(['body'], 'A guidance change set must contain at least one change.');
    const refusal = context.state.refuseGuidanceChanges(body, new Set(textModels(context).keys()));
    if (refusal) return detail(refusal.status, refusal.detail);
    return json(context.state.enqueue('text_guidance', body, allowed.user as never), 202);
  }
  return notFound();
}

function migrationPreview(context: StandInContext): Json {
  const { profiles, assignments } = context.state.guidance;
  const known = new Map<string, string>();
  for (const p of Object.values(profiles) as Json[])
    for (const alias of [p.display_name, ...((p.aliases as string[]) ?? [])])
      known.set(String(alias).toLowerCase(), String(p.profile_id));
  const created = new Map<string, Json>();
  const assignmentChanges: Json[] = [];
  for (const [name, record] of textModels(context)) {
    const label = typeof record.instruct_format === 'string' ? record.instruct_format.trim() : '';
    if (!label) continue;
    let id = known.get(label.toLowerCase());
    if (id === undefined) {
      const slug =
        label
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'prompt-contract';
      id = slug;
      for (let n = 2; Object.hasOwn(profiles, id) || created.has(id); n++) id = `${slug}-${n}`;
      created.set(id, {
        profile_id: id,
        kind: 'prompt_contract',
        display_name: label,
        aliases: [label],
        summary: `Review and document the legacy ${label} prompt contract.`,
        interaction_modes: ['instruction'],
      });
      known.set(label.toLowerCase(), id);
    }
    if (!Object.hasOwn(assignments, name))
      assignmentChanges.push({
        model_name: name,
        assignment: { model_name: name, primary_profile_id: id, supplemental_profile_ids: [] },
        expected_before: null,
      });
  }
  const profileChanges = [...created.values()].map((profile) => ({
    operation: 'create',
    profile_id: profile.profile_id,
    profile,
    expected_before: null,
  }));
  return {
    change_set:
      profileChanges.length + assignmentChanges.length === 0
        ? null
        : {
            title: 'Migrate legacy instruct-format guidance',
            profile_changes: profileChanges,
            assignment_changes: assignmentChanges,
          },
    source_model_count: assignmentChanges.length,
    format_count: profileChanges.length,
  };
}

function baselinesRoute(context: StandInContext, request: StandInRequest): Response | null {
  const [, , , , name, ...extra] = request.segments;
  const { baselines } = context.state;
  const { headers, method } = request;
  const etag = `W/"image-baselines-${baselines.metadata.revision}"`;
  if (extra.length > 0) return notFound();
  if (name === undefined && method === 'GET') {
    // The index is mounted at `/`: Starlette redirects the path without its slash.
    if (!request.trailingSlash)
      return new Response(null, {
        status: 307,
        headers: { location: '/api/model_references/v2/image_generation/baselines/' },
      });
    const items = Object.keys(baselines.baselines)
      .sort()
      .map((key) => baselines.baselines[key]);
    return tagged(context, headers, etag, {
      items,
      total: items.length,
      metadata: baselines.metadata,
    });
  }
  if (name === 'export' && method === 'GET') return tagged(context, headers, etag, baselines);
  if (name === 'change-sets' && method === 'POST') {
    const allowed = submission(context, request);
    if (allowed instanceof Response) return allowed;
    const body = (request.body ?? {}) as Json;
    const bad = checkTitle(body);
    if (bad) return bad;
    const changes = Array.isArray(body.changes) ? (body.changes as Json[]) : [];
    if (changes.length === 0)
      return invalid(
        ['body', 'changes'],
        'A baseline change set must contain at least one change.',
      );
    for (const change of changes) {
      if (change.operation !== 'upsert') continue;
      const record = parseWith(imageBaselineRecordSchema, change.record);
      if (!record.ok || record.record.name !== change.name)
        return detail(422, `Cannot upsert baseline '${change.name}' without a matching record.`);
    }
    const referenced = new Set(
      Object.values(context.data.category('image_generation')).map((r) =>
        String((r as Json).baseline),
      ),
    );
    const refusal = context.state.refuseBaselineChanges(body, referenced);
    if (refusal) return detail(refusal.status, refusal.detail);
    return json(context.state.enqueue('image_baseline', body, allowed.user as never), 202);
  }
  if (name !== undefined && method === 'GET')
    return Object.hasOwn(baselines.baselines, name)
      ? tagged(context, headers, etag, baselines.baselines[name])
      : detail(404, `Baseline '${name}' not found.`);
  return notFound();
}

/**
 * Answers `/model_references/v2/text_generation/guidance/...` and
 * `/model_references/v2/image_generation/baselines/...`, or `null` for other paths.
 */
export function catalogRoute(context: StandInContext, request: StandInRequest): Response | null {
  const [, , category, resource] = request.segments;
  if (category === 'text_generation' && resource === 'guidance')
    return guidanceRoute(context, request);
  if (category === 'image_generation' && resource === 'baselines')
    return baselinesRoute(context, request);
  return null;
}
