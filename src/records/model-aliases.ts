// Read-side model aliases (upstream `model_aliases.py` at 0f516682; see docs/upstream-8x.md): a
// deprecated name finds the canonical record, and is never a write target.
import type { Category } from '../categories.js';
import type { CategoryRecords, RecordOf } from '../schemas/record-schemas.js';

type AliasTable = Readonly<Partial<Record<Category, Readonly<Record<string, string>>>>>;

/** Deprecated model names and the canonical name each stands for, per category. */
export const MODEL_ALIASES: AliasTable = Object.freeze({
  controlnet: Object.freeze({ control_qr_sdxl: 'control_qr_xl' }),
});

function aliasesOf(category: Category): Readonly<Record<string, string>> | undefined {
  return Object.hasOwn(MODEL_ALIASES, category) ? MODEL_ALIASES[category] : undefined;
}

/**
 * The canonical name for `name` in `category`: the alias target, or `name` itself.
 *
 * @example
 * ```ts
 * resolveModelAlias('controlnet', 'control_qr_sdxl'); // 'control_qr_xl'
 * resolveModelAlias('controlnet', 'control_canny'); // 'control_canny'
 * ```
 */
export function resolveModelAlias(category: Category, name: string): string {
  const aliases = aliasesOf(category);
  return aliases && Object.hasOwn(aliases, name) ? (aliases[name] as string) : name;
}

/** Whether `name` is a deprecated alias in `category` (a write must use the canonical name). */
export function isModelAlias(category: Category, name: string): boolean {
  const aliases = aliasesOf(category);
  return aliases !== undefined && Object.hasOwn(aliases, name);
}

/**
 * The names to try, in order, when reading `name`: the canonical name, then the other aliases of
 * it (a deployment being migrated may still store the old key), then `name` itself. No duplicates.
 *
 * @example
 * ```ts
 * modelNameCandidates('controlnet', 'control_qr_xl'); // ['control_qr_xl', 'control_qr_sdxl']
 * ```
 */
export function modelNameCandidates(category: Category, name: string): readonly string[] {
  const canonical = resolveModelAlias(category, name);
  const others = Object.entries(aliasesOf(category) ?? {})
    .filter(([alias, target]) => target === canonical && alias !== name)
    .map(([alias]) => alias);
  return [...new Set([canonical, ...others, name])];
}

/**
 * Finds a record by name or alias in records keyed by name (null-prototype or not: only own keys
 * count, so `constructor` is never a match).
 *
 * @example
 * ```ts
 * findRecordByName(await refs.getCategory('controlnet'), 'controlnet', 'control_qr_sdxl')?.name; // 'control_qr_xl'
 * ```
 */
export function findRecordByName<C extends Category>(
  records: CategoryRecords<C>,
  category: C,
  name: string,
): RecordOf<C> | undefined {
  for (const candidate of modelNameCandidates(category, name))
    if (Object.hasOwn(records, candidate)) return records[candidate];
  return undefined;
}
