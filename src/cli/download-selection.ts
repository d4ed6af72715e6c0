import { readFile } from 'node:fs/promises';
import { assertCategory, type Category } from '../categories.js';
import { findWeightsRoot } from '../downloads/find-weights-root.js';
import { type DownloadPlan, planDownloads } from '../downloads/plan.js';
import type { PlanOrder } from '../downloads/plan-order.js';
import { ModelNotFoundError } from '../errors/model-not-found-error.js';
import type { ModelRecord } from '../schemas/record-schemas.js';
import { closestMatches } from '../util/closest-matches.js';
import { type CommandContext, callOptions } from './command-context.js';
import { reportProvenance } from './context.js';
import { warnUnmatchedFilters } from './filter-hints.js';
import { CliError, EXIT } from './io.js';
import { withProgress } from './status-line.js';
import { terminalText } from './terminal-text.js';

/** The plan a `plan` or `download` run works from. */
export interface Selection {
  readonly category: Category;
  readonly roots: readonly string[];
  readonly plan: DownloadPlan;
}

const PAGE = 500;

/** The weights roots: `--root`, else the model tree under `$AIWORKER_CACHE_HOME`. */
async function roots(context: CommandContext): Promise<string[]> {
  const given = context.args.download.roots;
  if (given.length > 0) return [...given];
  const home = context.io.env.AIWORKER_CACHE_HOME;
  if (home) return [await findWeightsRoot(home)];
  throw new CliError(
    'give the weights root with --root <dir> (or set AIWORKER_CACHE_HOME as the Python worker does)',
    EXIT.usage,
  );
}

/** The search's results: one page when --limit/--offset ask for one, else every page. */
async function searched(context: CommandContext, category: Category): Promise<ModelRecord[]> {
  const { refs, args, io } = context;
  const params = args.search;
  if (params.limit !== undefined || params.offset !== undefined)
    return (await refs.search(category, params, callOptions(io))).results;
  const all: ModelRecord[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await refs.search(category, { ...params, limit: PAGE, offset }, callOptions(io));
    all.push(...page.results);
    if (!page.hasMore) return all;
  }
}

async function usageMap(file: string): Promise<Record<string, number>> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CliError(`cannot read --usage ${file}: ${(error as Error).message}`, EXIT.failure);
  }
  const map: Record<string, number> = Object.create(null);
  const entries =
    value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : null;
  if (!entries || entries.some(([, n]) => typeof n !== 'number' || !Number.isFinite(n)))
    throw new CliError(
      `--usage ${file} must be a JSON object of {"model name": count}`,
      EXIT.failure,
    );
  for (const [name, n] of entries) map[name] = n as number;
  return map;
}

/**
 * Selects the models (search filters, names), ranks them, and plans them under the budget, with
 * a progress line on a terminal while files on disk are hashed.
 *
 * @throws {CliError} for a missing root or an unreadable usage file; {@link ModelNotFoundError}
 * for a name the category does not have; what a search throws for bad filters.
 */
export async function selectAndPlan(context: CommandContext): Promise<Selection> {
  const { refs, args, io } = context;
  const category = assertCategory(args.positionals[0] ?? '');
  const names = args.positionals.slice(1);
  const root = await roots(context);
  reportProvenance(refs, io, args.global.offline);
  const known = Object.values(
    await withProgress(context.line, `Loading ${category}`, () =>
      refs.getCategory(category, callOptions(io)),
    ),
  ) as ModelRecord[];
  for (const name of names)
    if (!known.some((r) => r.name === name))
      throw new ModelNotFoundError(
        category,
        name,
        closestMatches(
          name,
          known.map((r) => r.name),
        ),
      );
  let records = await searched(context, category);
  await warnUnmatchedFilters(refs, io, category, args.search);
  if (names.length > 0) {
    const wanted = new Set(names);
    const kept = records.filter((r) => wanted.has(r.name));
    for (const name of names)
      if (!kept.some((r) => r.name === name))
        io.stderr(`note: ${terminalText(name)} does not match the filters; left out\n`);
    records = kept;
  }
  const { download } = args;
  const order: PlanOrder =
    download.order === 'usage'
      ? { usage: await usageMap(download.usageFile as string) }
      : download.order;
  let last = 0;
  const plan = await planDownloads(records, {
    root,
    known,
    order,
    ...(download.budgetBytes !== undefined ? { budgetBytes: download.budgetBytes } : {}),
    ...(download.top !== undefined ? { limit: download.top } : {}),
    verify: download.quick ? 'exists' : 'hash',
    signal: io.signal,
    onHashProgress: ({ path, bytes, totalBytes }) => {
      const now = Date.now();
      if (!io.isTTY || now - last < 200) return;
      last = now;
      const percent = totalBytes > 0 ? Math.floor((bytes / totalBytes) * 100) : 100;
      io.stderr(
        `\r\u001b[KVerifying ${terminalText(path.split(/[\\/]/).pop() ?? path)} ${percent}%`,
      );
    },
  });
  if (io.isTTY) io.stderr('\r\u001b[K');
  return { category, roots: plan.roots, plan };
}
