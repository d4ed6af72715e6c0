import { CATEGORY_DESCRIPTORS } from '../categories.js';
import { LegacyFormatError } from '../errors/legacy-format-error.js';
import { legacyTextGenerationRecordSchema } from '../schemas/legacy-records.js';
import { parseWith } from '../schemas/parse-records.js';
import { type SettingsMap, settingsMapSchema } from '../schemas/shared.js';
import { parseCsv } from './csv.js';
import { ConversionBuilder, type LegacyConversion, withoutNulls } from './legacy-conversion.js';
import { backendPrefixOf, getBaseModelName } from './text-model-name.js';

/** The columns of the legacy `models.csv`, in order. */
export const TEXT_CSV_COLUMNS = [
  'name',
  'parameters_bn',
  'display_name',
  'url',
  'baseline',
  'description',
  'style',
  'tags',
  'instruct_format',
  'settings',
] as const;

/** The fields a text record gets from either legacy shape, before its group is known. */
interface TextFields {
  name: string;
  description: string;
  version: string;
  baseline: string;
  parameters: number;
  style: string;
  display_name: string;
  url: string;
  tags: string[];
  instruct_format: string;
  settings: SettingsMap | null;
}

// Python's float() grammar for the cells we meet; JS Number() would also take '0x10' or ''.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Builds v2 records the way the reference converter writes them, adding `text_model_group`. */
function finish(out: ConversionBuilder, rows: Map<string, TextFields>): LegacyConversion {
  const classification = CATEGORY_DESCRIPTORS.text_generation.classification;
  for (const [name, row] of rows) {
    out.records[name] = withoutNulls({
      record_type: 'text_generation',
      name,
      description: row.description,
      version: row.version,
      metadata: { schema_version: '2.0.0' },
      config: { download: [] },
      model_classification: { ...classification },
      baseline: row.baseline,
      parameters: row.parameters,
      nsfw: false,
      style: row.style,
      display_name: row.display_name,
      url: row.url,
      tags: row.tags,
      instruct_format: row.instruct_format || null,
      settings: row.settings,
      text_model_group: getBaseModelName(name),
    });
  }
  return out.result();
}

/**
 * Converts the legacy `models.csv` (the GitHub source of truth for text models) to v2 records.
 *
 * Like the reference: empty cells stay `""`, tags are only the CSV tags, `version` is `""`, a
 * duplicated name keeps its last row. Rows that cannot be read (no name, a bad `parameters_bn`,
 * bad `settings` JSON, a wrong number of cells) are reported and skipped.
 *
 * @throws {LegacyFormatError} when the file is not CSV with the expected header.
 */
export function convertTextCsv(text: string, file = 'models.csv'): LegacyConversion {
  const table = parseCsv(text, file);
  const missing = TEXT_CSV_COLUMNS.filter((column) => !table.header.includes(column));
  if (missing.length > 0) {
    throw new LegacyFormatError(
      file,
      `the header lacks ${missing.join(', ')}; expected ${TEXT_CSV_COLUMNS.join(',')}`,
      {
        line: 1,
      },
    );
  }
  const out = new ConversionBuilder('text_generation');
  const rows = new Map<string, TextFields>();
  for (const { line, cells } of table.rows) {
    const cell = (column: string) => cells[table.header.indexOf(column)] ?? '';
    const name = cell('name').trim();
    const key = name || `${file}:${line}`;
    const fail = (path: string, message: string) =>
      out.skip(key, name || undefined, [{ path, message: `${file}:${line}: ${message}` }]);
    if (cells.length !== table.header.length) {
      fail('(row)', `expected ${table.header.length} cells, found ${cells.length}`);
      continue;
    }
    if (!name) {
      fail('name', 'the name cell is empty');
      continue;
    }
    const billions = cell('parameters_bn').trim();
    if (billions !== '' && !(DECIMAL.test(billions) && Number.isFinite(Number(billions)))) {
      fail('parameters_bn', `${JSON.stringify(billions)} is not a number of billions`);
      continue;
    }
    const settings = parseSettings(cell('settings').trim());
    if (settings === undefined) {
      fail('settings', 'not a JSON object of numbers, strings, booleans or lists of them');
      continue;
    }
    // Re-adding a name moves it to the end, as the last duplicate row wins in the reference.
    rows.delete(name);
    rows.set(name, {
      name,
      description: cell('description'),
      version: '',
      baseline: cell('baseline'),
      parameters: Math.trunc(Number(billions || '0') * 1e9),
      style: cell('style'),
      display_name: cell('display_name'),
      url: cell('url'),
      tags: cell('tags')
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
      instruct_format: cell('instruct_format'),
      settings,
    });
  }
  return finish(out, rows);
}

/** `null` for an empty cell, `undefined` when the cell is not a valid settings object. */
function parseSettings(text: string): SettingsMap | null | undefined {
  if (text === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null) return null;
  const parsed = settingsMapSchema.safeParse(value);
  return parsed.success && !Array.isArray(value) ? parsed.data : undefined;
}

/** Python's `round(x)` for the size tag: halves go to the even neighbour. */
export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff !== 0.5) return Math.round(value);
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * Converts the PRIMARY's v1 text answer (the `db.json` shape: each model three times, as
 * `name`, `aphrodite/name` and `koboldcpp/<name without author>`) to v2 records.
 *
 * The duplicates fold into the one base record. Fields the legacy writer generated are undone as
 * the reference's reverse conversion does: the size and style tags leave `tags`, a generated
 * `display_name` and a default `generalist` style become `""`. `version` is `""` as from the CSV.
 */
export function convertTextLegacyJson(data: Record<string, unknown>): LegacyConversion {
  const out = new ConversionBuilder('text_generation');
  const rows = new Map<string, TextFields>();
  const baseNames = new Set(Object.keys(data).filter((key) => backendPrefixOf(key) === null));
  for (const [key, value] of Object.entries(data)) {
    const backend = backendPrefixOf(key);
    const name = backend === null ? key : key.slice(backend.length + 1);
    if (backend !== null && (baseNames.has(name) || backend === 'koboldcpp')) continue;
    const parsed = parseWith(legacyTextGenerationRecordSchema, value);
    if (!parsed.ok) {
      out.skip(key, (value as { name?: unknown } | null)?.name, parsed.issues);
      continue;
    }
    const legacy = parsed.record;
    const parameters = legacy.parameters ?? 0;
    const style = legacy.style ?? '';
    const modelName = legacy.model_name ?? (name.includes('/') ? name.split('/')[1] : name) ?? name;
    const sizeTag = `${roundHalfEven(parameters / 1e9)}B`;
    const tags = (legacy.tags ?? []).filter((tag) => tag !== sizeTag && tag !== style);
    const generatedDisplayName = modelName.replace(/[-_]/g, ' ').replace(/ +/g, ' ').trim();
    rows.set(name, {
      name,
      description: legacy.description ?? '',
      version: '',
      baseline: legacy.baseline ?? '',
      parameters,
      style: style === 'generalist' && !(legacy.tags ?? []).includes('generalist') ? '' : style,
      display_name: legacy.display_name === generatedDisplayName ? '' : (legacy.display_name ?? ''),
      url: legacy.url ?? '',
      tags,
      instruct_format: legacy.instruct_format ?? '',
      settings: legacy.settings && Object.keys(legacy.settings).length > 0 ? legacy.settings : null,
    });
  }
  return finish(out, rows);
}
