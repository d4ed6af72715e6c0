import type { Category } from '../categories.js';
import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import { backendPrefixOf } from '../legacy/text-model-name.js';
import { parseRecord } from '../schemas/parse-records.js';
import type { RecordOf } from '../schemas/record-schemas.js';

/**
 * Validates a record before it is queued, as the server would, so a mistake costs no round trip:
 * the category's schema (defaults filled, `parameters_count` sent as `parameters`, which the
 * server's text apply step requires), and no backend-prefixed text names (the server answers 400).
 *
 * @throws {InvalidOptionsError} naming every problem.
 */
export function checkRecordForWrite<C extends Category>(category: C, record: unknown): RecordOf<C> {
  const parsed = parseRecord(category, record);
  if (!parsed.ok)
    throw new InvalidOptionsError(
      'record',
      `not a valid ${category} record: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  const prefix = category === 'text_generation' ? backendPrefixOf(parsed.record.name) : null;
  if (prefix)
    throw new InvalidOptionsError(
      'record.name',
      `"${parsed.record.name}" starts with the backend prefix "${prefix}/"; write the canonical name (the server derives backend variants itself)`,
    );
  return parsed.record;
}

/**
 * The server decodes `%2F` before routing, so `/{category}/model/{name}` cannot address a name
 * containing `/`.
 *
 * @throws {InvalidOptionsError} for such a name.
 */
export function checkAddressable(name: string, what: string): void {
  if (name.includes('/'))
    throw new InvalidOptionsError(
      'name',
      `"${name}" contains "/", which the server's /model/{name} route cannot address, so it cannot ${what} it`,
    );
}
