import type { Category } from '../categories.js';

// The declared fields of each category's records, as the server's pydantic models declare them, in
// one string per category (the core bundle is held to a budget). `field` is a value or a list;
// `field=*` is a dict (it answers only the keys it holds: `requirements`, `settings`, the claim
// maps); `field=a,b` is a model with the fields `a` and `b` (it answers each of them, `None` when
// the record leaves one out, and nothing else). Checked against the record types in
// test/query/sort-rule.test.ts.
const GENERIC =
  'record_type name description version size_on_disk_bytes finetune_series=name,version,author,description,homepage metadata=schema_version,created_at,updated_at,created_by,updated_by config=download,embedded_component_hashes model_classification=domain,purpose licensing=license_expression,license_ids,commercial_use,redistribution,obligations,attribution,evidence,reviewed_by,reviewed_at,notes,files';
const MEDIA = ' baseline nsfw tags';
const ADAPTER = `${MEDIA} trigger homepage showcases`;
const EXTRA: Readonly<Partial<Record<Category, string>>> = {
  image_generation: `${ADAPTER} inpainting optimization min_bridge_version style requirements=*`,
  text_generation: `${MEDIA} parameters style display_name url instruct_format settings=* text_model_group name_schema_exception context_window=maximum_tokens,sources,qualification interaction_modes=* capabilities=* guidance=status,primary_profile_id,supplemental_profile_ids`,
  controlnet: ' controlnet_style',
  controlnet_annotator: ' control_types preprocessors',
  clip: ' pretrained_name',
  video_generation: MEDIA,
  audio_generation: MEDIA,
  lora: ADAPTER,
  ti: ADAPTER,
};

/**
 * What a field holds: `''` a value or a list (sortable), `'*'` a dict, else the fields of a model
 * (comma separated). Objects of either kind cannot be ordered themselves.
 */
export type FieldKind = string;

// Null-prototype tables: a caller's `sortBy: 'constructor'` or `'__proto__'` finds nothing here,
// never a member inherited from Object.prototype.
const FIELDS_BY_SCOPE = new Map<Category | 'all', Readonly<Record<string, FieldKind>>>();

/**
 * The declared fields of a category's records (or, for `'all'`, the fields every record has), in a
 * null-prototype object: only declared names are keys, each with its {@link FieldKind}.
 */
export function fieldsOf(scope: Category | 'all'): Readonly<Record<string, FieldKind>> {
  let fields = FIELDS_BY_SCOPE.get(scope);
  if (!fields) {
    const table: Record<string, FieldKind> = Object.create(null);
    for (const entry of `${GENERIC}${scope === 'all' ? '' : (EXTRA[scope] ?? '')}`.split(' ')) {
      const [name = '', kind = ''] = entry.split('=');
      table[name] = kind;
    }
    fields = Object.freeze(table);
    FIELDS_BY_SCOPE.set(scope, fields);
  }
  return fields;
}

/**
 * The declared fields of an object field the server holds as a model (`config`: `download`,
 * `embedded_component_hashes`), or `undefined` for a dict or a field that is not an object.
 */
export function modelFields(field: string): readonly string[] | undefined {
  const kind = fieldsOf('text_generation')[field] ?? fieldsOf('image_generation')[field];
  return kind && kind !== '*' ? kind.split(',') : undefined;
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
