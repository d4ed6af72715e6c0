// Rows for the root, user, v2 and v1 methods.
import { expect } from 'vitest';
import * as f from '../fixtures.js';
import type { Case } from './case.js';

export const CORE_CASES: Case[] = [
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
    route: 'user.roles',
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
