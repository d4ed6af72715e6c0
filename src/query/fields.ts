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

// Null-prototype tables: a caller's `sortBy: 'constructor'` or `'__proto__'` finds nothing here,
// never a member inherited from Object.prototype.
const FIELDS_BY_SCOPE = new Map<Category | 'all', Readonly<Record<string, FieldKind>>>();

/**
 * The declared fields of a category's records (or, for `'all'`, the fields every record has), in a
 * null-prototype object: only declared names are keys.
 */
export function fieldsOf(scope: Category | 'all'): Readonly<Record<string, FieldKind>> {
  const known = FIELDS_BY_SCOPE.get(scope);
  if (known) return known;
  const extra = scope === 'all' ? {} : EXTRA[scope];
  const fields: Readonly<Record<string, FieldKind>> = Object.freeze(
    Object.assign(Object.create(null), GENERIC, extra),
  );
  FIELDS_BY_SCOPE.set(scope, fields);
  return fields;
}

// The object fields the server holds as pydantic models, with their declared fields (space
// separated, to keep the core small). A model answers every declared field (`None` when the JSON
// left it out) and nothing else; every other object (`requirements`, `settings`, the claim maps) is
// a dict, which answers only the keys it holds. Checked against the record types in
// test/query/sort-rule.test.ts.
const MODEL_FIELDS: Readonly<Record<string, string>> = {
  config: 'download embedded_component_hashes',
  metadata: 'schema_version created_at updated_at created_by updated_by',
  finetune_series: 'name version author description homepage',
  model_classification: 'domain purpose',
  licensing:
    'license_expression license_ids commercial_use redistribution obligations attribution evidence reviewed_by reviewed_at notes files',
  context_window: 'maximum_tokens sources qualification',
  guidance: 'status primary_profile_id supplemental_profile_ids',
};

/**
 * The declared fields of an object field the server holds as a model (`config`: `download`,
 * `embedded_component_hashes`), or `undefined` for a dict or a field that is not an object.
 */
export function modelFields(field: string): readonly string[] | undefined {
  return Object.hasOwn(MODEL_FIELDS, field) ? MODEL_FIELDS[field]?.split(' ') : undefined;
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
