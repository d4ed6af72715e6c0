import type { Category } from '../categories.js';

/** How a field's values compare: objects and maps cannot be ordered. */
export type FieldKind = 'string' | 'number' | 'boolean' | 'list' | 'object';

const GENERIC: Readonly<Record<string, FieldKind>> = {
  record_type: 'string',
  name: 'string',
  description: 'string',
  version: 'string',
  finetune_series: 'object',
  metadata: 'object',
  config: 'object',
  model_classification: 'object',
  size_on_disk_bytes: 'number',
  licensing: 'object',
};

const MEDIA = { baseline: 'string', nsfw: 'boolean', tags: 'list' } as const;
const ADAPTER = { ...MEDIA, trigger: 'list', homepage: 'string', showcases: 'list' } as const;

const EXTRA: Readonly<Partial<Record<Category, Readonly<Record<string, FieldKind>>>>> = {
  image_generation: {
    inpainting: 'boolean',
    baseline: 'string',
    optimization: 'string',
    tags: 'list',
    showcases: 'list',
    min_bridge_version: 'number',
    trigger: 'list',
    homepage: 'string',
    nsfw: 'boolean',
    style: 'string',
    requirements: 'object',
  },
  text_generation: {
    baseline: 'string',
    parameters: 'number',
    nsfw: 'boolean',
    style: 'string',
    display_name: 'string',
    url: 'string',
    tags: 'list',
    instruct_format: 'string',
    settings: 'object',
    text_model_group: 'string',
    name_schema_exception: 'string',
    context_window: 'object',
    interaction_modes: 'object',
    capabilities: 'object',
    guidance: 'object',
  },
  controlnet: { controlnet_style: 'string' },
  controlnet_annotator: { control_types: 'list', preprocessors: 'list' },
  clip: { pretrained_name: 'string' },
  video_generation: MEDIA,
  audio_generation: MEDIA,
  lora: ADAPTER,
  ti: ADAPTER,
};

/** The declared fields of a category's records (or, for `'all'`, the fields every record has). */
export function fieldsOf(scope: Category | 'all'): Readonly<Record<string, FieldKind>> {
  return scope === 'all' ? GENERIC : { ...GENERIC, ...EXTRA[scope] };
}

/**
 * The server spells the text parameter count `parameters_count` (its pydantic field name); the
 * records hold it as `parameters`. Both spellings resolve to the record's field.
 */
export function canonicalField(field: string): string {
  return field === 'parameters_count' ? 'parameters' : field;
}

/** Reads a `a__b__c` path; a missing or null segment gives `undefined` (never a throw). */
export function readPath(record: unknown, path: readonly string[]): unknown {
  let value: unknown = record;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment))
      return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}
