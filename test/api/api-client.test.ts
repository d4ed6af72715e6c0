import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  API_ROUTES,
  type ApiClient,
  ApiError,
  createApiClient,
  ModelNotFoundError,
} from '../../src/index.js';
import { mswFetch } from '../helpers/msw-fetch.js';
import * as f from './fixtures.js';

const BASE = 'http://primary.test/api';

interface Seen {
  method: string;
  path: string;
  query: string;
  body: unknown;
  apikey: string | null;
}

/** A client whose every request is answered with `reply` (and recorded). */
function clientAnswering(reply: unknown, status = 200) {
  const seen: Seen[] = [];
  const handler = http.all(`${BASE}/*`, async ({ request }) => {
    const url = new URL(request.url);
    const text = await request.text();
    seen.push({
      method: request.method,
      path: decodeURI(url.pathname.slice('/api'.length)),
      query: decodeURIComponent(url.search.slice(1)),
      body: text ? JSON.parse(text) : undefined,
      apikey: request.headers.get('apikey'),
    });
    return status === 204
      ? new HttpResponse(null, { status })
      : HttpResponse.json(reply as object, { status });
  });
  const api = createApiClient({
    baseUrl: BASE,
    apiKey: 'secret-key',
    fetch: mswFetch([handler]),
    retry: 0,
  });
  return { api, seen };
}

interface Case {
  readonly route: string;
  readonly call: (api: ApiClient) => Promise<unknown>;
  readonly reply: unknown;
  readonly status?: number;
  /** `METHOD /path?query` as the server sees it. */
  readonly request: string;
  readonly body?: unknown;
  readonly check: (result: unknown) => void;
}

const CASES: Case[] = [
  {
    route: 'root.info',
    call: (a) => a.info(),
    reply: { message: 'hi' },
    request: 'GET /',
    check: (r) => expect(r).toEqual({ message: 'hi' }),
  },
  {
    route: 'root.heartbeat',
    call: (a) => a.heartbeat(),
    reply: {
      status: 'ok',
      ai_horde: { degraded: true, consecutive_failures: 5, seconds_until_retry: 12.5 },
    },
    request: 'GET /heartbeat',
    check: (r) => expect(r).toMatchObject({ ai_horde: { degraded: true } }),
  },
  {
    route: 'root.replicateMode',
    call: (a) => a.replicateMode(),
    reply: { replicate_mode: 'REPLICA', canonical_format: 'v2', writable: false },
    request: 'GET /replicate_mode',
    check: (r) => expect(r).toMatchObject({ replicate_mode: 'REPLICA' }),
  },
  {
    route: 'root.roles',
    call: (a) => a.user.roles(),
    reply: {
      user_id: 42,
      username: 'alice#42',
      roles: [],
      is_approver: false,
      is_requestor: false,
    },
    request: 'GET /model_references/v2/me/roles',
    check: (r) => expect(r).toMatchObject({ user_id: '42', roles: [] }),
  },

  {
    route: 'v2.info',
    call: (a) => a.v2.info(),
    reply: { message: 'v2' },
    request: 'GET /model_references/v2/info',
    check: (r) => expect(r).toEqual({ message: 'v2' }),
  },
  {
    route: 'v2.categories',
    call: (a) => a.v2.categories(),
    reply: ['clip', 'blip'],
    request: 'GET /model_references/v2/model_categories',
    check: (r) => expect(r).toEqual(['clip', 'blip']),
  },
  {
    route: 'v2.getCategory',
    call: (a) => a.v2.getCategory('image_generation'),
    reply: { [f.ALBEDO.name]: f.ALBEDO, broken: { name: 3 } },
    request: 'GET /model_references/v2/image_generation',
    check: (r) => {
      const p = r as { records: object; issues: { key: string }[] };
      expect(Object.keys(p.records)).toEqual([f.ALBEDO.name]);
      expect(p.issues.map((i) => i.key)).toEqual(['broken']);
    },
  },
  {
    route: 'v2.getModel',
    call: (a) => a.v2.getModel('image_generation', 'AlbedoBase XL (SDXL)'),
    reply: f.ALBEDO,
    request: 'GET /model_references/v2/image_generation/model/AlbedoBase XL (SDXL)',
    check: (r) => expect(r).toMatchObject({ name: f.ALBEDO.name, record_type: 'image_generation' }),
  },
  {
    route: 'v2.pending',
    call: (a) => a.v2.pending('text_generation'),
    reply: { 'a/B-7B': { name: 'a/B-7B', parameters_count: 7e9 } },
    request: 'GET /model_references/v2/text_generation/pending',
    check: (r) =>
      expect(
        (r as { records: Record<string, { parameters: number }> }).records['a/B-7B']?.parameters,
      ).toBe(7e9),
  },
  {
    route: 'v2.create',
    call: (a) => a.v2.create('image_generation', f.ALBEDO),
    reply: f.change(),
    status: 202,
    request: 'POST /model_references/v2/image_generation',
    body: expect.objectContaining({ name: f.ALBEDO.name, record_type: 'image_generation' }),
    check: (r) => expect(r).toMatchObject({ change_id: 7, status: 'pending' }),
  },
  {
    route: 'v2.add',
    call: (a) => a.v2.add('clip', { name: 'ViT-B-32' }),
    reply: f.change({ category: 'clip' }),
    status: 202,
    request: 'POST /model_references/v2/clip/add',
    body: expect.objectContaining({ name: 'ViT-B-32' }),
    check: (r) => expect(r).toMatchObject({ category: 'clip' }),
  },
  {
    route: 'v2.update',
    call: (a) => a.v2.update('image_generation', f.ALBEDO.name, { ...f.ALBEDO, nsfw: true }),
    reply: f.change({ operation: 'update' }),
    status: 202,
    request: 'PUT /model_references/v2/image_generation/model/AlbedoBase XL (SDXL)',
    body: expect.objectContaining({ nsfw: true }),
    check: (r) => expect(r).toMatchObject({ operation: 'update' }),
  },
  {
    route: 'v2.delete',
    call: (a) => a.v2.delete('image_generation', 'Ghibli Style'),
    reply: f.change({ operation: 'delete' }),
    status: 202,
    request: 'DELETE /model_references/v2/image_generation/model/Ghibli Style',
    check: (r) => expect(r).toMatchObject({ operation: 'delete' }),
  },
  {
    route: 'v2.search',
    call: (a) =>
      a.v2.search('image_generation', {
        baseline: 'flux_1',
        tagsAny: ['a', 'b'],
        sortBy: 'name',
        limit: 2,
      }),
    reply: { results: [f.ALBEDO], total: 3, offset: 0, limit: 2, has_more: true },
    request:
      'GET /model_references/v2/image_generation/search?baseline=flux_1&tags_any=a&tags_any=b&sort_by=name&limit=2',
    check: (r) =>
      expect(r).toMatchObject({ total: 3, hasMore: true, results: [{ name: f.ALBEDO.name }] }),
  },
  {
    route: 'v2.searchAll',
    call: (a) => a.v2.searchAll({ nameContains: 'xl' }),
    reply: {
      results: [{ ...f.ALBEDO, record_type: 'image_generation' }],
      total: 1,
      offset: 0,
      limit: 50,
      has_more: false,
    },
    request: 'GET /model_references/v2/search?name_contains=xl',
    check: (r) => expect(r).toMatchObject({ total: 1, hasMore: false }),
  },
  {
    route: 'v2.popular',
    call: (a) => a.v2.popular('image_generation', { limit: 5, sortBy: 'usage_month' }),
    reply: [{ name: f.ALBEDO.name, record: f.ALBEDO, stats: f.stats }],
    request: 'GET /model_references/v2/image_generation/popular?limit=5&sort_by=usage_month',
    check: (r) =>
      expect(r).toMatchObject({
        available: true,
        models: [{ name: f.ALBEDO.name, stats: { worker_count: 3 } }],
      }),
  },

  {
    route: 'metadata.lastUpdated',
    call: (a) => a.metadata.lastUpdated(),
    reply: { last_updated: 5 },
    request: 'GET /model_references/v2/metadata/last_updated',
    check: (r) => expect(r).toEqual({ last_updated: 5 }),
  },
  {
    route: 'metadata.all',
    call: (a) => a.metadata.all({ version: 'v1' }),
    reply: { clip: f.metadata },
    request: 'GET /model_references/v1/metadata/metadata',
    check: (r) => expect(r).toMatchObject({ clip: { total_updates: 2 } }),
  },
  {
    route: 'metadata.category',
    call: (a) => a.metadata.category('clip'),
    reply: f.metadata,
    request: 'GET /model_references/v2/metadata/clip',
    check: (r) => expect(r).toMatchObject({ last_operation_model: 'ViT-L/14' }),
  },
  {
    route: 'metadata.categoryLastUpdated',
    call: (a) => a.metadata.categoryLastUpdated('clip'),
    reply: { category: 'clip', last_updated: null },
    request: 'GET /model_references/v2/metadata/clip/last_updated',
    check: (r) => expect(r).toEqual({ category: 'clip', last_updated: null }),
  },

  {
    route: 'statistics.category',
    call: (a) => a.statistics.category('image_generation', { limit: 5 }),
    reply: f.statistics,
    request: 'GET /model_references/statistics/image_generation?limit=5',
    check: (r) => expect(r).toMatchObject({ total_models: 8 }),
  },
  {
    route: 'statistics.withStats',
    call: (a) => a.statistics.withStats('text_generation', { includeWorkers: true }),
    reply: { 'a/B': f.stats },
    request: 'GET /model_references/statistics/text_generation/with-stats?include_workers=true',
    check: (r) => expect(r).toMatchObject({ 'a/B': { worker_count: 3 } }),
  },
  {
    route: 'statistics.deletionRisk',
    call: (a) => a.statistics.deletionRisk('image_generation', { preset: 'zero_usage' }),
    reply: {
      category: 'image_generation',
      category_total_month_usage: 0,
      total_count: 1,
      returned_count: 1,
      offset: 0,
      limit: null,
      models: [
        {
          name: 'x',
          category: 'image_generation',
          deletion_risk_flags: { zero_usage_day: true },
          at_risk: true,
          risk_score: 3,
          worker_count: 0,
          usage_day: 0,
          usage_month: 0,
          usage_total: 0,
        },
      ],
      summary: {},
    },
    request: 'GET /model_references/statistics/image_generation/deletion-risk?preset=zero_usage',
    check: (r) => expect(r).toMatchObject({ models: [{ at_risk: true }] }),
  },

  {
    route: 'textUtils.parseName',
    call: (a) => a.textUtils.parseName('org/Model-7B-Q4_K_M'),
    reply: {
      original_name: 'org/Model-7B-Q4_K_M',
      base_name: 'Model',
      size: '7B',
      quant: 'Q4_K_M',
      suggested_group: 'Model',
      extras: [],
    },
    request: 'GET /model_references/v2/text_generation/parse_name?name=org/Model-7B-Q4_K_M',
    check: (r) => expect(r).toMatchObject({ size: '7B' }),
  },
  {
    route: 'textUtils.composeName',
    call: (a) => a.textUtils.composeName({ base_name: 'Model', size: '7B' }),
    reply: { composed_name: 'Model-7B', already_exists: false, suggested_group: 'Model' },
    request: 'POST /model_references/v2/text_generation/compose_name',
    body: { base_name: 'Model', size: '7B' },
    check: (r) => expect(r).toMatchObject({ composed_name: 'Model-7B' }),
  },
  {
    route: 'textUtils.distinctBaselines',
    call: (a) => a.textUtils.distinctBaselines(),
    reply: { baselines: ['a', 'b'] },
    request: 'GET /model_references/v2/text_generation/distinct_baselines',
    check: (r) => expect(r).toEqual(['a', 'b']),
  },
  {
    route: 'textUtils.groups',
    call: (a) => a.textUtils.groups(),
    reply: { groups: ['g'] },
    request: 'GET /model_references/v2/text_generation/groups',
    check: (r) => expect(r).toEqual(['g']),
  },
  {
    route: 'textUtils.groupsSummary',
    call: (a) => a.textUtils.groupsSummary(),
    reply: {
      groups: [],
      total_groups: 2,
      total_models: 5,
      groups_with_families: 0,
      groups_with_aliases: 1,
      groups_with_issues: 0,
    },
    request: 'GET /model_references/v2/text_generation/groups/summary',
    check: (r) => expect(r).toMatchObject({ total_groups: 2 }),
  },
  {
    route: 'textUtils.groupsHealth',
    call: (a) => a.textUtils.groupsHealth(),
    reply: {
      issues: [
        { group_name: 'g', issue_type: 'singleton_group', message: 'm', severity: 'warning' },
      ],
      total_groups_checked: 1,
      groups_with_issues: 1,
      issue_counts_by_type: { singleton_group: 1 },
    },
    request: 'GET /model_references/v2/text_generation/groups/health',
    check: (r) => expect(r).toMatchObject({ groups_with_issues: 1 }),
  },
  {
    route: 'textUtils.group',
    call: (a) => a.textUtils.group('Mistral-7B'),
    reply: {
      group_name: 'Mistral-7B',
      members: [{ name: 'm' }],
      common_fields: {},
      available_sizes: ['7B'],
      canonical_count: 1,
      backend_duplicate_count: 0,
      name_schema_is_custom: false,
    },
    request: 'GET /model_references/v2/text_generation/group?name=Mistral-7B',
    check: (r) => expect(r).toMatchObject({ canonical_count: 1 }),
  },
  {
    route: 'textUtils.updateGroupCommonFields',
    call: (a) => a.textUtils.updateGroupCommonFields('g', { nsfw: false }),
    reply: { updated_count: 2, batch_id: 'uuid', pending_change_ids: [1, 2] },
    status: 202,
    request: 'PUT /model_references/v2/text_generation/group/common_fields?name=g',
    body: { nsfw: false },
    check: (r) => expect(r).toMatchObject({ updated_count: 2 }),
  },
  {
    route: 'textUtils.groupNameSchema',
    call: (a) => a.textUtils.groupNameSchema('g'),
    reply: f.nameSchema,
    request: 'GET /model_references/v2/text_generation/group/name_schema?name=g',
    check: (r) => expect(r).toMatchObject({ is_custom: false }),
  },
  {
    route: 'textUtils.updateGroupNameSchema',
    call: (a) => a.textUtils.updateGroupNameSchema('g', { separator: '_' }),
    reply: f.nameSchema,
    request: 'PUT /model_references/v2/text_generation/group/name_schema?name=g',
    body: { separator: '_' },
    check: (r) => expect(r).toMatchObject({ group_name: 'Mistral-7B-Instruct' }),
  },
  {
    route: 'textUtils.deleteGroupNameSchema',
    call: (a) => a.textUtils.deleteGroupNameSchema('g'),
    reply: null,
    status: 204,
    request: 'DELETE /model_references/v2/text_generation/group/name_schema?name=g',
    check: (r) => expect(r).toBeUndefined(),
  },
  {
    route: 'textUtils.setNameException',
    call: (a) => a.textUtils.setNameException('org/Weird Name', 'legacy'),
    reply: { pending_change_id: 9 },
    status: 202,
    request: 'PUT /model_references/v2/text_generation/org/Weird Name/name_exception',
    body: { reason: 'legacy' },
    check: (r) => expect(r).toEqual({ pending_change_id: 9 }),
  },
  {
    route: 'textUtils.aliases',
    call: (a) => a.textUtils.aliases(),
    reply: { entries: [f.alias] },
    request: 'GET /model_references/v2/text_generation/aliases',
    check: (r) => expect(r).toEqual([f.alias]),
  },
  {
    route: 'textUtils.alias',
    call: (a) => a.textUtils.alias('Llama-3'),
    reply: f.alias,
    request: 'GET /model_references/v2/text_generation/aliases/Llama-3',
    check: (r) => expect(r).toEqual(f.alias),
  },
  {
    route: 'textUtils.setAlias',
    call: (a) => a.textUtils.setAlias('Llama-3', ['Llama3']),
    reply: f.alias,
    request: 'PUT /model_references/v2/text_generation/aliases/Llama-3',
    body: { aliases: ['Llama3'] },
    check: (r) => expect(r).toEqual(f.alias),
  },
  {
    route: 'textUtils.deleteAlias',
    call: (a) => a.textUtils.deleteAlias('Llama-3'),
    reply: null,
    status: 204,
    request: 'DELETE /model_references/v2/text_generation/aliases/Llama-3',
    check: (r) => expect(r).toBeUndefined(),
  },
  {
    route: 'textUtils.addAlias',
    call: (a) => a.textUtils.addAlias('Llama-3', 'L3'),
    reply: f.alias,
    request: 'POST /model_references/v2/text_generation/aliases/Llama-3/add',
    body: { alias: 'L3' },
    check: (r) => expect(r).toEqual(f.alias),
  },
  {
    route: 'textUtils.removeAlias',
    call: (a) => a.textUtils.removeAlias('Llama-3', 'L3'),
    reply: f.alias,
    request: 'POST /model_references/v2/text_generation/aliases/Llama-3/remove',
    body: { alias: 'L3' },
    check: (r) => expect(r).toEqual(f.alias),
  },
  {
    route: 'textUtils.families',
    call: (a) => a.textUtils.families(),
    reply: { families: [f.family] },
    request: 'GET /model_references/v2/text_generation/families',
    check: (r) => expect(r).toEqual([f.family]),
  },
  {
    route: 'textUtils.detectFamilies',
    call: (a) => a.textUtils.detectFamilies({ minPrefixLength: 4 }),
    reply: {
      suggestions: [],
      total_groups_analyzed: 3,
      groups_in_families: 0,
      standalone_groups: 3,
    },
    request: 'GET /model_references/v2/text_generation/families/detect?min_prefix_length=4',
    check: (r) => expect(r).toMatchObject({ standalone_groups: 3 }),
  },
  {
    route: 'textUtils.family',
    call: (a) => a.textUtils.family('llama'),
    reply: f.family,
    request: 'GET /model_references/v2/text_generation/families/llama',
    check: (r) => expect(r).toEqual(f.family),
  },
  {
    route: 'textUtils.setFamily',
    call: (a) => a.textUtils.setFamily('llama', ['Llama-3']),
    reply: f.family,
    request: 'PUT /model_references/v2/text_generation/families/llama',
    body: { members: ['Llama-3'] },
    check: (r) => expect(r).toEqual(f.family),
  },
  {
    route: 'textUtils.deleteFamily',
    call: (a) => a.textUtils.deleteFamily('llama'),
    reply: null,
    status: 204,
    request: 'DELETE /model_references/v2/text_generation/families/llama',
    check: (r) => expect(r).toBeUndefined(),
  },
  {
    route: 'textUtils.addToFamily',
    call: (a) => a.textUtils.addToFamily('llama', 'Llama-4'),
    reply: f.family,
    request: 'POST /model_references/v2/text_generation/families/llama/add',
    body: { group_name: 'Llama-4' },
    check: (r) => expect(r).toEqual(f.family),
  },
  {
    route: 'textUtils.removeFromFamily',
    call: (a) => a.textUtils.removeFromFamily('llama', 'Llama-2'),
    reply: f.family,
    request: 'POST /model_references/v2/text_generation/families/llama/remove',
    body: { group_name: 'Llama-2' },
    check: (r) => expect(r).toEqual(f.family),
  },

  {
    route: 'pendingQueue.changes',
    call: (a) => a.pendingQueue.changes({ statuses: ['pending', 'approved'], limit: 10 }),
    reply: f.page,
    request:
      'GET /model_references/v2/pending_queue/changes?statuses=pending&statuses=approved&limit=10',
    check: (r) => expect(r).toMatchObject({ total: 1, items: [{ change_id: 7 }] }),
  },
  {
    route: 'pendingQueue.myChanges',
    call: (a) => a.pendingQueue.myChanges({}, { version: 'v1' }),
    reply: f.page,
    request: 'GET /model_references/v1/pending_queue/my_changes',
    check: (r) => expect(r).toMatchObject({ total: 1 }),
  },
  {
    route: 'pendingQueue.change',
    call: (a) => a.pendingQueue.change(7),
    reply: f.change({ notes: null, batch_id: null }),
    request: 'GET /model_references/v2/pending_queue/changes/7',
    check: (r) => expect(r).toMatchObject({ change_id: 7, batch_id: null }),
  },
  {
    route: 'pendingQueue.diff',
    call: (a) => a.pendingQueue.diff(7),
    reply: f.diff,
    request: 'GET /model_references/v2/pending_queue/changes/7/diff',
    check: (r) => expect(r).toMatchObject({ is_critical: true, fields_modified: ['nsfw'] }),
  },
  {
    route: 'pendingQueue.diffs',
    call: (a) => a.pendingQueue.diffs([7, 8]),
    reply: { diffs: [f.diff], total: 1, errors: [{ change_id: 8, error: 'not found' }] },
    request: 'GET /model_references/v2/pending_queue/diffs?change_ids=7&change_ids=8',
    check: (r) => expect(r).toMatchObject({ errors: [{ change_id: 8 }] }),
  },
  {
    route: 'pendingQueue.batch',
    call: (a) => a.pendingQueue.batch({ batch_title: 'Friday', approved_ids: [7] }),
    reply: {
      batch_id: 3,
      batch_title: 'Friday',
      approved: [f.change({ status: 'approved' })],
      rejected: [],
    },
    request: 'POST /model_references/v2/pending_queue/batches',
    body: { batch_title: 'Friday', approved_ids: [7] },
    check: (r) => expect(r).toMatchObject({ batch_id: 3 }),
  },
  {
    route: 'pendingQueue.purge',
    call: (a) => a.pendingQueue.purge({ statuses: ['rejected'], dry_run: true }),
    reply: { removed_count: 2, removed_change_ids: [1, 2], dry_run: true },
    request: 'POST /model_references/v2/pending_queue/purge',
    body: { statuses: ['rejected'], dry_run: true },
    check: (r) => expect(r).toMatchObject({ removed_count: 2 }),
  },
  {
    route: 'pendingQueue.applyChange',
    call: (a) => a.pendingQueue.applyChange(7),
    reply: { record: f.change({ status: 'applied' }), batch_split_occurred: false },
    request: 'POST /model_references/v2/pending_queue/changes/7/apply',
    body: {},
    check: (r) => expect(r).toMatchObject({ record: { status: 'applied' } }),
  },
  {
    route: 'pendingQueue.apply',
    call: (a) => a.pendingQueue.apply({ changeIds: [7], jobId: 'job-1' }),
    reply: f.applied,
    request: 'POST /model_references/v2/pending_queue/apply',
    body: { change_ids: [7], job_id: 'job-1', allow_mixed_batch: false },
    check: (r) => expect(r).toMatchObject({ applied: [{ status: 'applied' }] }),
  },
  {
    route: 'pendingQueue.applyBatch',
    call: (a) => a.pendingQueue.applyBatch(3, { jobId: 'j' }),
    reply: f.applied,
    request: 'POST /model_references/v2/pending_queue/apply_batch/3?job_id=j',
    check: (r) => expect(r).toMatchObject({ batch_split_occurred: false }),
  },

  {
    route: 'audit.current',
    call: (a) => a.audit.current({ domain: 'legacy' }),
    reply: {
      domain: 'legacy',
      pending_changes: [f.auditChange],
      total_pending: 1,
      generated_at: 1,
    },
    request: 'GET /model_references/v2/pending_queue/audit/current?domain_override=legacy',
    check: (r) => expect(r).toMatchObject({ total_pending: 1 }),
  },
  {
    route: 'audit.batches',
    call: (a) => a.audit.batches({ cursor: 9, limit: 2 }),
    reply: { domain: 'v2', batches: [{ batch_id: 8 }], next_cursor: 8 },
    request: 'GET /model_references/v2/pending_queue/audit/batches?cursor=9&limit=2',
    check: (r) => expect(r).toMatchObject({ next_cursor: 8 }),
  },
  {
    route: 'audit.batch',
    call: (a) => a.audit.batch(8),
    reply: { batch_id: 8, changes: [f.auditChange] },
    request: 'GET /model_references/v2/pending_queue/audit/batches/8',
    check: (r) => expect(r).toMatchObject({ changes: [{ change_id: 7 }] }),
  },
  {
    route: 'audit.netChanges',
    call: (a) => a.audit.netChanges(8),
    reply: {
      batch_id: 8,
      domain: 'v2',
      model_changes: [],
      models_added: 1,
      models_modified: 0,
      models_deleted: 0,
      models_unchanged: 0,
      total_field_changes: 4,
      has_critical_changes: false,
      generated_at: 1,
    },
    request: 'GET /model_references/v2/pending_queue/audit/batches/8/net_changes',
    check: (r) => expect(r).toMatchObject({ models_added: 1 }),
  },

  {
    route: 'v1.info',
    call: (a) => a.v1.info(),
    reply: { message: 'v1' },
    request: 'GET /model_references/v1/info',
    check: (r) => expect(r).toEqual({ message: 'v1' }),
  },
  {
    route: 'v1.categories',
    call: (a) => a.v1.categories(),
    reply: ['lora', 'ti'],
    request: 'GET /model_references/v1/model_categories',
    check: (r) => expect(r).toEqual(['lora', 'ti']),
  },
  {
    route: 'v1.getCategory',
    call: (a) => a.v1.getCategory('clip'),
    reply: { 'ViT-L/14': { name: 'ViT-L/14' } },
    request: 'GET /model_references/v1/clip',
    check: (r) => expect(r).toHaveProperty('ViT-L/14'),
  },
  {
    route: 'v1.textGeneration',
    call: (a) => a.v1.textGeneration({ includeGroup: true }),
    reply: { 'a/B': { name: 'a/B' } },
    request: 'GET /model_references/v1/text_generation?include_group=true',
    check: (r) => expect(r).toHaveProperty('a/B'),
  },
  {
    route: 'v1.create',
    call: (a) => a.v1.create('clip', { name: 'ViT-B-32' }),
    reply: f.change({ category: 'clip' }),
    status: 202,
    request: 'POST /model_references/v1/clip',
    body: { name: 'ViT-B-32' },
    check: (r) => expect(r).toMatchObject({ change_id: 7 }),
  },
  {
    route: 'v1.update',
    call: (a) => a.v1.update('clip', { name: 'ViT-B-32' }),
    reply: { name: 'ViT-B-32' },
    request: 'PUT /model_references/v1/clip',
    body: { name: 'ViT-B-32' },
    check: (r) => expect(r).toEqual({ name: 'ViT-B-32' }),
  },
  {
    route: 'v1.delete',
    call: (a) => a.v1.delete('clip', 'ViT-B-32'),
    reply: null,
    status: 204,
    request: 'DELETE /model_references/v1/clip/model/ViT-B-32',
    check: (r) => expect(r).toBeUndefined(),
  },
];

describe('every method, happy path', () => {
  it.each(CASES.map((c) => [c.route, c] as const))('%s', async (_, c) => {
    const { api, seen } = clientAnswering(c.reply, c.status);
    c.check(await c.call(api));
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(`${request?.method} ${request?.path}${request?.query ? `?${request.query}` : ''}`).toBe(
      c.request,
    );
    if (c.body !== undefined) expect(request?.body).toEqual(c.body);
    expect(request?.apikey).toBe('secret-key');
  });

  it('covers every route of the registry', () => {
    const covered = new Set(CASES.map((c) => c.route));
    expect(Object.keys(API_ROUTES).filter((route) => !covered.has(route))).toEqual([]);
  });
});

describe('every method, every error status', () => {
  const STATUSES = [400, 401, 403, 404, 409, 422, 500, 503] as const;
  const answer = (status: number) =>
    status === 500
      ? new HttpResponse('Internal Server Error', {
          status,
          headers: { 'content-type': 'text/plain' },
        })
      : status === 422
        ? HttpResponse.json(
            { detail: [{ loc: ['query', 'x'], msg: 'bad', type: 'value_error' }] },
            { status },
          )
        : HttpResponse.json({ detail: `failed with ${status}` }, { status });

  it.each(CASES.map((c) => [c.route, c] as const))('%s', async (route, c) => {
    for (const status of STATUSES) {
      const handler = http.all(`${BASE}/*`, () => answer(status));
      const api = createApiClient({
        baseUrl: BASE,
        apiKey: 'secret-key',
        fetch: mswFetch([handler]),
        retry: 0,
      });
      const outcome = await c.call(api).then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
      if (route === 'v2.popular' && status >= 500) {
        // The one route where a server failure is an answer: "no popularity data right now".
        expect(outcome).toEqual({ value: expect.objectContaining({ available: false }) });
        continue;
      }
      if (route === 'v2.getModel' && status === 404) {
        expect((outcome as { error: Error }).error).toBeInstanceOf(ModelNotFoundError);
        continue;
      }
      const { error } = outcome as { error: ApiError };
      expect(error, `${route} ${status}`).toBeInstanceOf(ApiError);
      expect(error.status).toBe(status);
      expect(error.detail).toBe(
        status === 500
          ? 'Internal Server Error'
          : status === 422
            ? 'query.x: bad'
            : `failed with ${status}`,
      );
      expect(error.message).not.toContain('secret-key');
    }
  });
});
