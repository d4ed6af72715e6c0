// Rows for the 8.x text-guidance and baseline methods, with answers in the upstream shapes
// (text_guidance.py at 360038b2, image_baselines.py at 24886069).
import { expect } from 'vitest';
import { FIXTURE_BASELINE_CATALOG, FIXTURE_GUIDANCE_CATALOG } from '../../../src/testing.js';
import type { Case } from './case.js';

type Json = Record<string, unknown>;

const guidance = FIXTURE_GUIDANCE_CATALOG as {
  metadata: Json;
  profiles: Record<string, Json> & { chatml: Json; 'json-output': Json };
  assignments: Record<string, Json>;
};
const baselines = FIXTURE_BASELINE_CATALOG as { metadata: Json; baselines: Record<string, Json> };
const SDXL = baselines.baselines.stable_diffusion_xl as Json;
const HERMES = 'NousResearch/Hermes-3-Llama-3.1-70B';
const queued = (kind: string): Json => ({
  change_id: 9,
  resource_kind: kind,
  resource_id: '0b5f7e9c-3c1d-4a6e-9f51-2d7c1b0a9e11',
  category: kind === 'text_guidance' ? 'text_generation' : 'image_generation',
  model_name: `${kind === 'text_guidance' ? 'guidance' : 'baseline'}:0b5f7e9c-3c1d-4a6e-9f51-2d7c1b0a9e11`,
  operation: 'update',
  payload: {},
  requested_by: '11',
  requested_at: 1_788_000_000,
  status: 'pending',
  updated_at: 1_788_000_000,
});
const guidanceChangeSet = {
  title: 'Document ChatML',
  profile_changes: [
    {
      operation: 'update' as const,
      profile_id: 'chatml',
      profile: guidance.profiles.chatml,
      expected_before: guidance.profiles.chatml,
    },
  ],
  assignment_changes: [],
};
const baselineChangeSet = {
  title: 'SDXL alt names',
  changes: [
    {
      operation: 'upsert' as const,
      name: 'stable_diffusion_xl',
      record: SDXL,
      expected_before: SDXL,
    },
  ],
};

export const CATALOG_CASES: Case[] = [
  {
    route: 'textGuidance.profiles',
    call: (a) => a.textGuidance.profiles({ includeDeprecated: true }),
    reply: {
      items: [
        {
          profile_id: 'chatml',
          kind: 'prompt_contract',
          display_name: 'ChatML',
          summary: 's',
          aliases: [],
          deprecated: false,
          assigned_model_count: 1,
        },
      ],
      total: 1,
      metadata: guidance.metadata,
    },
    request: 'GET /model_references/v2/text_generation/guidance/profiles?include_deprecated=true',
    check: (r) => expect(r).toMatchObject({ items: [{ assigned_model_count: 1 }] }),
  },
  {
    route: 'textGuidance.profile',
    call: (a) => a.textGuidance.profile('json-output'),
    reply: guidance.profiles['json-output'],
    request: 'GET /model_references/v2/text_generation/guidance/profiles/json-output',
    check: (r) =>
      expect(r).toMatchObject({ kind: 'usage_recipe', capability: 'structured_output' }),
  },
  {
    route: 'textGuidance.assignments',
    call: (a) => a.textGuidance.assignments({ profileId: 'chatml' }),
    reply: { items: Object.values(guidance.assignments), total: 1, metadata: guidance.metadata },
    request: 'GET /model_references/v2/text_generation/guidance/assignments?profile_id=chatml',
    check: (r) => expect(r).toMatchObject({ items: [{ model_name: HERMES }] }),
  },
  {
    route: 'textGuidance.model',
    call: (a) => a.textGuidance.model(HERMES),
    reply: {
      model_name: HERMES,
      summary: {
        status: 'published',
        primary_profile_id: 'chatml',
        supplemental_profile_ids: ['json-output'],
      },
      primary_profile: guidance.profiles.chatml,
      supplemental_profiles: [guidance.profiles['json-output']],
      legacy_instruct_format: 'ChatML',
      catalog_metadata: guidance.metadata,
    },
    request: `GET /model_references/v2/text_generation/guidance/model?name=${HERMES}`,
    check: (r) => expect(r).toMatchObject({ primary_profile: { stop_sequences: ['<|im_end|>'] } }),
  },
  {
    route: 'textGuidance.catalog',
    call: (a) => a.textGuidance.catalog(),
    reply: guidance,
    request: 'GET /model_references/v2/text_generation/guidance/export',
    check: (r) =>
      expect(Object.keys((r as { profiles: object }).profiles)).toEqual(['chatml', 'json-output']),
  },
  {
    route: 'textGuidance.catalogIfChanged',
    call: (a) => a.textGuidance.catalogIfChanged('W/"text-guidance-1"'),
    reply: guidance,
    request: 'GET /model_references/v2/text_generation/guidance/export',
    check: (r) => expect(r).toEqual({ modified: false, etag: 'W/"text-guidance-1"' }),
  },
  {
    route: 'textGuidance.previewMigration',
    call: (a) => a.textGuidance.previewMigration(),
    reply: { change_set: null, source_model_count: 0, format_count: 0 },
    request: 'POST /model_references/v2/text_generation/guidance/migration/preview',
    check: (r) => expect(r).toEqual({ change_set: null, source_model_count: 0, format_count: 0 }),
  },
  {
    route: 'textGuidance.submitChangeSet',
    call: (a) => a.textGuidance.submitChangeSet(guidanceChangeSet),
    reply: queued('text_guidance'),
    status: 202,
    request: 'POST /model_references/v2/text_generation/guidance/change-sets',
    body: guidanceChangeSet,
    check: (r) =>
      expect(r).toMatchObject({
        resource_kind: 'text_guidance',
        model_name: expect.stringMatching(/^guidance:/),
      }),
  },

  {
    route: 'baselines.list',
    call: (a) => a.baselines.list(),
    reply: { items: [SDXL], total: 1, metadata: baselines.metadata },
    request: 'GET /model_references/v2/image_generation/baselines/',
    check: (r) =>
      expect(r).toMatchObject({
        items: [
          {
            native_resolution: 1024,
            alternative_names: ['stable diffusion xl', 'SDXL', 'stable_diffusion_xl'],
          },
        ],
      }),
  },
  {
    route: 'baselines.catalog',
    call: (a) => a.baselines.catalog(),
    reply: baselines,
    request: 'GET /model_references/v2/image_generation/baselines/export',
    check: (r) => {
      const catalog = r as { baselines: Record<string, unknown> };
      expect(Object.getPrototypeOf(catalog.baselines)).toBeNull();
      expect(Object.keys(catalog.baselines)).toContain('zeta_turbo');
    },
  },
  {
    route: 'baselines.catalogIfChanged',
    call: (a) => a.baselines.catalogIfChanged('W/"image-baselines-1"'),
    reply: baselines,
    request: 'GET /model_references/v2/image_generation/baselines/export',
    check: (r) => expect(r).toMatchObject({ modified: true, etag: 'W/"image-baselines-2"' }),
  },
  {
    route: 'baselines.baseline',
    call: (a) => a.baselines.baseline('krea2_turbo'),
    reply: baselines.baselines.krea2_turbo,
    request: 'GET /model_references/v2/image_generation/baselines/krea2_turbo',
    check: (r) => expect(r).toMatchObject({ alternative_names: ['krea_2_turbo', 'krea2'] }),
  },
  {
    route: 'baselines.submitChangeSet',
    call: (a) => a.baselines.submitChangeSet(baselineChangeSet),
    reply: queued('image_baseline'),
    status: 202,
    request: 'POST /model_references/v2/image_generation/baselines/change-sets',
    body: baselineChangeSet,
    check: (r) =>
      expect(r).toMatchObject({ resource_kind: 'image_baseline', resource_id: expect.any(String) }),
  },
];
