import { assertCategory, CATEGORIES, type Category } from '../categories.js';
import type { ModelRecord } from '../schemas/record-schemas.js';
import { downloadManifest } from '../worker/download-manifest.js';
import {
  type CommandContext,
  callOptions,
  failuresExitCode,
  printJson,
} from './command-context.js';
import { loadAll, reportProvenance } from './context.js';
import { warnUnmatchedFilters } from './filter-hints.js';
import { EXIT } from './io.js';
import { offlineStatus } from './offline-status.js';
import { withProgress } from './status-line.js';
import { age, bytes, table } from './table.js';

const field = (record: ModelRecord, key: string) =>
  (record as unknown as Record<string, unknown>)[key];
const modelRow = (record: ModelRecord) => [
  record.name,
  field(record, 'baseline'),
  field(record, 'nsfw'),
  bytes(downloadManifest(record).totalBytes),
];
const MODEL_HEADERS = ['name', 'baseline', 'nsfw', 'download'];

// Argument counts are checked by the parser; the category is checked here, before any request.
const categoryArg = ({ args }: CommandContext): Category =>
  assertCategory(args.positionals[0] ?? '');

/** `categories`: every category with its record count, origin and staleness. */
export async function categoriesCommand(context: CommandContext): Promise<number> {
  const { refs, io, args, line } = context;
  const failures = await loadAll(refs, io, line);
  const status = offlineStatus(refs.status(), args.global.offline).categories;
  const rows = CATEGORIES.map((category) => {
    const s = status[category];
    return {
      category,
      records: s?.records ?? 0,
      origin: s?.origin ?? null,
      stale: s?.stale ?? false,
      error: failures.get(category)?.message ?? null,
    };
  });
  if (args.global.json) printJson(io, rows);
  else
    io.stdout(
      `${table(
        ['category', 'records', 'origin', 'stale'],
        rows.map((r) => [r.category, r.records, r.origin ?? 'unavailable', r.stale]),
      )}\n`,
    );
  return failuresExitCode(context, failures, CATEGORIES.length);
}

/** `get <category> [name]`: the models of a category as a table, or one model as JSON. */
export async function getCommand(context: CommandContext): Promise<number> {
  const { refs, io, args } = context;
  const category = categoryArg(context);
  const name = args.positionals[1];
  reportProvenance(refs, io, args.global.offline);
  const loading = `Loading ${category}`;
  if (name !== undefined) {
    // One record is nested data (config, files, metadata): JSON is its most readable form.
    const record = await withProgress(context.line, loading, () =>
      refs.getModel(category, name, callOptions(io)),
    );
    printJson(io, record);
    return EXIT.ok;
  }
  const records = await withProgress(context.line, loading, () =>
    refs.getCategory(category, callOptions(io)),
  );
  if (args.global.json) printJson(io, records);
  else io.stdout(`${table(MODEL_HEADERS, Object.values(records).map(modelRow))}\n`);
  return EXIT.ok;
}

/** `search <category> [filters]`: one page of the server's search, answered locally. */
export async function searchCommand(context: CommandContext): Promise<number> {
  const { refs, io, args } = context;
  const category = categoryArg(context);
  reportProvenance(refs, io, args.global.offline);
  const page = await withProgress(context.line, `Searching ${category}`, () =>
    refs.search(category, args.search, callOptions(io)),
  );
  await warnUnmatchedFilters(refs, io, category, args.search);
  if (args.global.json) {
    printJson(io, page);
    return EXIT.ok;
  }
  const shown = page.results.length;
  const range = shown === 0 ? 'none' : `${page.offset + 1}-${page.offset + shown}`;
  io.stdout(`${table(MODEL_HEADERS, page.results.map(modelRow))}\n${range} of ${page.total}\n`);
  return EXIT.ok;
}

/** `stats <category>`: the server's statistics, computed locally. */
export async function statsCommand(context: CommandContext): Promise<number> {
  const { refs, io, args } = context;
  const category = categoryArg(context);
  reportProvenance(refs, io, args.global.offline);
  const stats = await withProgress(context.line, `Loading ${category}`, () =>
    refs.statistics(category, callOptions(io)),
  );
  if (args.global.json) {
    printJson(io, stats);
    return EXIT.ok;
  }
  const d = stats.download_stats;
  const lines = [
    `${stats.category}: ${stats.total_models} models (${stats.nsfw_count} NSFW, ${stats.sfw_count} SFW)`,
    `downloads: ${d.total_download_entries} files, ${bytes(d.total_size_bytes)} over ${d.models_with_size_info} models with a size`,
    '',
    table(
      ['baseline', 'models', '%'],
      Object.values(stats.baseline_distribution).map((b) => [b.baseline, b.count, b.percentage]),
    ),
  ];
  if (stats.top_tags.length > 0)
    lines.push(
      '',
      table(
        ['tag', 'models', '%'],
        stats.top_tags.slice(0, 10).map((t) => [t.tag, t.count, t.percentage]),
      ),
    );
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

// Full reasons are in --json; a table line stays readable.
const clip = (text: string | null | undefined) =>
  text && text.length > 60 ? `${text.slice(0, 59)}…` : (text ?? null);

/**
 * `status`: loads everything, then shows where each category came from and each source's
 * health. Under `--offline` nothing was asked of the network, so nothing is called stale: the
 * table says instead which data is older than the manager's `maxStalenessMs` (24 h).
 */
export async function statusCommand(context: CommandContext): Promise<number> {
  const { refs, io, args, line } = context;
  const { offline } = args.global;
  const failures = await loadAll(refs, io, line);
  const status = offlineStatus(refs.status(), offline);
  if (args.global.json) {
    printJson(io, {
      ...status,
      offline,
      unavailable: Object.fromEntries([...failures].map(([c, e]) => [c, e.message])),
    });
  } else if (offline) {
    const categories = CATEGORIES.map((category) => {
      const s = status.categories[category];
      return s
        ? [category, s.origin, s.records, age(s.ageMs), s.old]
        : [category, 'not cached', 0, '-', '-'];
    });
    io.stdout(`${table(['category', 'origin', 'records', 'age', 'old'], categories)}\n`);
  } else {
    // The category is on the line already; its error message repeats it.
    const reason = (message: string | null | undefined) =>
      clip(message?.replace(/^No source could provide category \S+\. Tried: /, '')) ?? '-';
    const categories = CATEGORIES.map((category) => {
      const s = status.categories[category];
      if (!s)
        return [category, 'unavailable', 0, '-', false, reason(failures.get(category)?.message)];
      return [category, s.origin, s.records, age(s.ageMs), s.stale, reason(s.lastError)];
    });
    const origins = Object.entries(status.chain).map(([id, s]) => [
      id,
      s?.requests ?? 0,
      s?.failures ?? 0,
      s?.circuit.state ?? '-',
      clip(s?.lastFailure?.reason),
    ]);
    const parts = [
      table(['category', 'origin', 'records', 'age', 'stale', 'last error'], categories),
      table(['origin', 'requests', 'failures', 'circuit', 'last failure'], origins),
    ];
    io.stdout(`${parts.join('\n\n')}\n`);
  }
  return failuresExitCode(context, failures, CATEGORIES.length);
}
