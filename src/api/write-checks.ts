import type { Category } from '../categories.js';
import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import { backendPrefixOf } from '../legacy/text-model-name.js';
import { isModelAlias, resolveModelAlias } from '../records/model-aliases.js';
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
  checkWriteTarget(category, parsed.record.name);
  const prefix = category === 'text_generation' ? backendPrefixOf(parsed.record.name) : null;
  if (prefix)
    throw new InvalidOptionsError(
      'record.name',
      `"${parsed.record.name}" starts with the backend prefix "${prefix}/"; write the canonical name (the server derives backend variants itself)`,
    );
  // `guidance` is computed by the service per read and never stored: it is not sent back.
  if ((parsed.record as { guidance?: unknown }).guidance !== undefined) {
    const { guidance: _, ...rest } = parsed.record as RecordOf<C> & { guidance?: unknown };
    return rest as RecordOf<C>;
  }
  return parsed.record;
}

/**
 * A deprecated alias (`control_qr_sdxl`) finds its record on reads but is never a write target.
 *
 * @throws {InvalidOptionsError} naming the canonical name to use instead.
 */
export function checkWriteTarget(category: Category, name: string): void {
  if (isModelAlias(category, name))
    throw new InvalidOptionsError(
      'name',
      `"${name}" is a deprecated alias of "${resolveModelAlias(category, name)}"; writes must name the canonical record`,
    );
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
