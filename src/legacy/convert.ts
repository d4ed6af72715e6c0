import { CATEGORY_DESCRIPTORS, type Category } from '../categories.js';
import { LegacyFormatError } from '../errors/legacy-format-error.js';
import { convertImageCategory } from './convert-image.js';
import { convertTextCsv, convertTextLegacyJson } from './convert-text.js';
import type { LegacyConversion } from './legacy-conversion.js';

// The origins load this module on demand and tell a LegacyFormatError by this guard, so the
// error class is loaded with the converters rather than in the core bundle.
export { isLegacyFormatError } from '../errors/legacy-format-error.js';

function legacyFileOf(category: Category): string {
  const legacy = CATEGORY_DESCRIPTORS[category].legacy;
  if (legacy === null) {
    throw new LegacyFormatError(
      category,
      `${category} has no legacy (v1) format; only the PRIMARY's v2 API serves it`,
    );
  }
  return legacy.file;
}

/**
 * Converts the PRIMARY's v1 answer for `category` (already JSON-parsed) to v2 JSON records.
 * For text this is the `db.json` shape; for the image categories, the legacy JSON file shape.
 *
 * @example
 * ```ts
 * const { records, issues } = convertLegacyJson('clip', await (await fetch(v1Url)).json());
 * ```
 * @throws {LegacyFormatError} when the category has no legacy format, or `data` is not an object
 * of records (a non-empty array, a string, ...). An empty array is an empty category.
 */
export function convertLegacyJson(category: Category, data: unknown): LegacyConversion {
  const file = legacyFileOf(category);
  if (Array.isArray(data) && data.length === 0) return { records: Object.create(null), issues: [] };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    const got = Array.isArray(data) ? 'an array' : data === null ? 'null' : `a ${typeof data}`;
    throw new LegacyFormatError(
      file,
      `expected a JSON object of records keyed by name, got ${got}`,
    );
  }
  const records = data as Record<string, unknown>;
  return category === 'text_generation'
    ? convertTextLegacyJson(records)
    : convertImageCategory(category, records);
}

/**
 * Converts a raw legacy file, as the GitHub fallback serves it, to v2 JSON records:
 * `models.csv` for text, the category's JSON file otherwise.
 *
 * @example
 * ```ts
 * const { records } = convertLegacyFile('image_generation', await (await fetch(rawUrl)).text());
 * ```
 * @throws {LegacyFormatError} when the file is not valid JSON / CSV of the expected shape.
 */
export function convertLegacyFile(category: Category, text: string): LegacyConversion {
  const file = legacyFileOf(category);
  if (category === 'text_generation') return convertTextCsv(text, file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new LegacyFormatError(file, `not valid JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
  return convertLegacyJson(category, data);
}
