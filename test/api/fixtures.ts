// Answers shaped as the PRIMARY sends them (peer-service-api.md), for the API client tests.
import { FIXTURE_V2 } from '../../src/testing.js';

export const ALBEDO = FIXTURE_V2.image_generation['AlbedoBase XL (SDXL)'] as Record<
  string,
  unknown
> & { name: string };

type Json = Record<string, unknown>;

export const change = (over: Json = {}): Json => ({
  change_id: 7,
  category: 'image_generation',
  model_name: 'AlbedoBase XL (SDXL)',
  operation: 'create',
  payload: ALBEDO,
  requested_by: '42',
  requested_username: 'alice#42',
  requested_at: 1_700_000_000,
  status: 'pending',
  updated_at: 1_700_000_000,
  request_metadata: { route: 'create_v2_image_generation' },
  ...over,
});

export const page: Json = { items: [change()], total: 1, offset: 0, limit: 50 };

export const diff: Json = {
  change_id: 7,
  category: 'image_generation',
  model_name: 'AlbedoBase XL (SDXL)',
  operation: 'update',
  current_state: ALBEDO,
  proposed_state: { ...ALBEDO, nsfw: true },
  net_operation: 'modified',
  field_diffs: [{ field_path: 'nsfw', old_value: false, new_value: true, change_type: 'modified' }],
  is_critical: true,
  fields_added: [],
  fields_removed: [],
  fields_modified: ['nsfw'],
};

export const metadata: Json = {
  category: 'clip',
  last_updated: 1_700_000_100,
  last_operation_type: 'update',
  last_operation_model: 'ViT-L/14',
  total_creates: 1,
  total_updates: 2,
  total_deletes: 0,
  total_models: 0,
  initialization_time: 1_700_000_000,
  last_successful_operation: 1_700_000_100,
  error_count: 0,
  metadata_schema_version: '1.0.0',
  backend_type: 'FileSystemBackend',
};

export const statistics: Json = {
  category: 'image_generation',
  total_models: 8,
  returned_models: 8,
  offset: 0,
  limit: null,
  nsfw_count: 3,
  baseline_distribution: {},
  download_stats: {},
  top_tags: [],
  top_styles: [],
  parameter_buckets: [],
  models_without_param_info: 8,
  models_with_trigger_words: 1,
  models_with_inpainting: 1,
  models_with_requirements: 0,
  models_with_showcases: 1,
  computed_at: 1_700_000_000,
};

export const stats: Json = { worker_count: 3, usage_stats: { day: 1, month: 20, total: 300 } };

export const alias: Json = { canonical: 'Llama-3', aliases: ['Llama3'] };
export const family: Json = { family_name: 'llama', members: ['Llama-2', 'Llama-3'] };
export const nameSchema: Json = {
  group_name: 'Mistral-7B-Instruct',
  name_schema: {
    separator: '-',
    part_order: ['base', 'size'],
    author_included: false,
    extra_parts: [],
  },
  is_custom: false,
};
export const applied: Json = {
  applied: [change({ status: 'applied' })],
  batch_split_occurred: false,
};
export const auditChange: Json = { change_id: 7, status: 'pending', events: [] };
