import type { Category } from '../categories.js';
import type { ModelReferenceManager } from '../manager/model-reference-manager.js';
import type { SourceSelector } from '../providers/model-provider.js';
import type { SearchParams } from '../query/search-params.js';
import { closestMatches } from '../util/closest-matches.js';
import { callOptions } from './command-context.js';
import type { CliIo } from './io.js';
import { terminalText } from './terminal-text.js';

// The exact-match filters, with the flag that sets each and the record field it compares.
const EXACT = [
  { param: 'baseline', flag: '--baseline', field: 'baseline', what: 'baseline' },
  { param: 'tagsAny', flag: '--tags-any', field: 'tags', what: 'tag' },
  { param: 'tagsAll', flag: '--tags-all', field: 'tags', what: 'tag' },
  { param: 'tagsNone', flag: '--tags-none', field: 'tags', what: 'tag' },
] as const;

const LISTED = 8;

/** The distinct text values of `field` over the records (a list field's items). */
function valuesOf(records: readonly object[], field: string): Set<string> {
  const values = new Set<string>();
  for (const record of records) {
    const value = (record as Record<string, unknown>)[field];
    for (const item of Array.isArray(value) ? value : [value])
      if (typeof item === 'string') values.add(item);
  }
  return values;
}

/**
 * For each exact-match filter value (`--baseline`, `--tags-*`) that no record of the category
 * has: a warning naming it and the closest values the records do have (or, when none is close
 * and there are few, all of them). The search itself stays as it was: a filter on a value no
 * record has is a valid, empty answer, as on the server.
 *
 * @example
 * ```ts
 * unmatchedFilters('image_generation', records, { baseline: 'Stable_Diffusion_XL' });
 * // ['--baseline "Stable_Diffusion_XL" matches no image_generation model (exact, case-sensitive); closest: "stable_diffusion_xl"']
 * ```
 */
export function unmatchedFilters(
  category: Category,
  records: readonly object[],
  params: SearchParams,
): string[] {
  const warnings: string[] = [];
  for (const { param, flag, field, what } of EXACT) {
    const given = params[param];
    if (given === undefined) continue;
    const values = valuesOf(records, field);
    for (const value of typeof given === 'string' ? [given] : given) {
      if (values.has(value)) continue;
      const closest = closestMatches(value, values);
      const sorted = [...values].sort();
      const hint =
        closest.length > 0
          ? `closest: ${closest.map((v) => JSON.stringify(v)).join(', ')}`
          : values.size === 0
            ? `no model of it has a ${what}`
            : values.size <= LISTED
              ? `its ${what}s: ${sorted.map((v) => JSON.stringify(v)).join(', ')}`
              : `none is close among its ${values.size} ${what}s`;
      warnings.push(
        `${flag} ${JSON.stringify(value)} matches no ${category} model (exact, case-sensitive); ${hint}`,
      );
    }
  }
  return warnings;
}

/**
 * Warns on stderr about each exact-match filter value that no record of the category has (see
 * {@link unmatchedFilters}), reading the records from the sources the search used. Call it after
 * the search: the records are cached by then.
 */
export async function warnUnmatchedFilters(
  refs: ModelReferenceManager,
  io: CliIo,
  category: Category,
  params: SearchParams,
): Promise<void> {
  if (!EXACT.some(({ param }) => params[param] !== undefined)) return;
  const source = params.source as SourceSelector | undefined;
  const records = Object.values(
    await refs.getCategory(category, { ...callOptions(io), ...(source ? { source } : {}) }),
  ) as object[];
  for (const warning of unmatchedFilters(category, records, params))
    io.stderr(`warning: ${terminalText(warning)}\n`);
}
