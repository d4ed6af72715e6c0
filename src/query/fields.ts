import type { Category } from '../categories.js';

// The declared fields of each category's records, as the server's pydantic models declare them, in
// one string per category (the core bundle is held to a budget). `field` is a value or a list;
// `field=*` a dict (`requirements`, `settings`, the claim maps), which answers only the keys it
// holds; `field=a,b` a model whose optional fields are `a` and `b`: the server reads one the record
// leaves out as `None` (its required fields are always there); `field=,` a model with none. Checked
// against the record types in test/query/sort-rule.test.ts.
const GENERIC =
  'record_type name description version size_on_disk_bytes finetune_series=version,author,description,homepage metadata=created_at,updated_at,created_by,updated_by config=embedded_component_hashes model_classification=, licensing=attribution,reviewed_by,reviewed_at,notes';
const MEDIA = ' baseline nsfw tags';
const ADAPTER = `${MEDIA} trigger homepage showcases`;
const EXTRA: Readonly<Partial<Record<Category, string>>> = {
  image_generation: `${ADAPTER} inpainting optimization min_bridge_version style requirements=*`,
  text_generation: `${MEDIA} parameters style display_name url instruct_format settings=* text_model_group name_schema_exception context_window=qualification interaction_modes=* capabilities=* guidance=primary_profile_id`,
  controlnet: ' controlnet_style',
  controlnet_annotator: ' control_types preprocessors',
  clip: ' pretrained_name',
  video_generation: MEDIA,
  audio_generation: MEDIA,
  lora: ADAPTER,
  ti: ADAPTER,
};

/**
 * What a field holds: `''` a value or a list (sortable), `'*'` a dict, else the optional fields of
 * a model (comma separated). Objects of either kind cannot be ordered themselves.
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
 * The optional fields of an object field the server holds as a model (`config`:
 * `embedded_component_hashes`), which read as `null` when a record leaves them out; `undefined`
 * for a dict or a field that is not an object.
 */
export function optionalFields(field: string): readonly string[] | undefined {
  const kind = fieldsOf('text_generation')[field] ?? fieldsOf('image_generation')[field];
  return kind && kind !== '*' ? kind.split(',').filter(Boolean) : undefined;
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
