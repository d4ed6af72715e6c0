import { assertCategory, CATEGORIES, type Category } from '../categories.js';
import type { ModelReferenceManager } from '../manager.js';
import type { ModelRecord } from '../schemas/index.js';
import { downloadManifest } from '../worker/download-manifest.js';
import type { CliArgs } from './args.js';
import { loadAll } from './context.js';
import { CliError, type CliIo, EXIT } from './io.js';
import { age, bytes, table } from './table.js';

/** What a command needs. */
export interface CommandContext {
  readonly args: CliArgs;
  readonly io: CliIo;
  readonly refs: ModelReferenceManager;
}

const json = (io: CliIo, value: unknown) => io.stdout(`${JSON.stringify(value, null, 2)}\n`);
const field = (record: ModelRecord, key: string) =>
  (record as unknown as Record<string, unknown>)[key];
const modelRow = (record: ModelRecord) => [
  record.name,
  field(record, 'baseline'),
  field(record, 'nsfw'),
  bytes(downloadManifest(record).totalBytes),
];
const MODEL_HEADERS = ['name', 'baseline', 'nsfw', 'download'];

function categoryArg({ args }: CommandContext): Category {
  const [category] = args.positionals;
  if (category === undefined)
    throw new CliError(`${args.command} needs a category: ${CATEGORIES.join(', ')}`, EXIT.usage);
  return assertCategory(category);
}

/** `categories`: every category with its record count, origin and freshness. */
export async function categoriesCommand(context: CommandContext): Promise<number> {
  const { refs, io, args } = context;
  const failures = await loadAll(refs, io);
  const status = refs.status().categories;
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
  if (args.global.json) json(io, rows);
  else
    io.stdout(
      `${table(
        ['category', 'records', 'origin', 'stale'],
        rows.map((r) => [r.category, r.records, r.origin ?? 'unavailable', r.stale]),
      )}\n`,
    );
  return failures.size === CATEGORIES.length ? EXIT.failure : EXIT.ok;
}

/** `get <category> [name]`: the models of a category, or one model as JSON. */
export async function getCommand(context: CommandContext): Promise<number> {
  const { refs, io, args } = context;
  const category = categoryArg(context);
  const name = args.positionals[1];
  if (name !== undefined) {
    json(io, await refs.getModel(category, name));
    return EXIT.ok;
  }
  const records = await refs.getCategory(category);
  if (args.global.json) json(io, records);
  else io.stdout(`${table(MODEL_HEADERS, Object.values(records).map(modelRow))}\n`);
  return EXIT.ok;
}

/** `search <category> [filters]`: one page of the server's search, answered locally. */
export async function searchCommand(context: CommandContext): Promise<number> {
  const { refs, io, args } = context;
  const page = await refs.search(categoryArg(context), args.search);
  if (args.global.json) {
    json(io, page);
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
  const stats = await refs.statistics(categoryArg(context));
  if (args.global.json) {
    json(io, stats);
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

/** `status`: loads everything, then shows where each category came from and each source's health. */
export async function statusCommand(context: CommandContext): Promise<number> {
  const { refs, io, args } = context;
  const failures = await loadAll(refs, io);
  const status = refs.status();
  if (args.global.json) {
    json(io, {
      ...status,
      unavailable: Object.fromEntries([...failures].map(([c, e]) => [c, e.message])),
    });
    return EXIT.ok;
  }
  const categories = CATEGORIES.map((category) => {
    const s = status.categories[category];
    if (!s)
      return [category, 'unavailable', 0, '-', false, failures.get(category)?.message ?? null];
    return [category, s.origin, s.records, age(s.ageMs), s.stale, clip(s.lastError)];
  });
  const sources = Object.entries(status.sources).map(([id, s]) => [
    id,
    s?.requests ?? 0,
    s?.failures ?? 0,
    s?.circuit.state ?? '-',
    s?.lastFailure?.reason ?? null,
  ]);
  io.stdout(
    `${table(['category', 'origin', 'records', 'age', 'stale', 'last error'], categories)}\n\n${table(['source', 'requests', 'failures', 'circuit', 'last failure'], sources)}\n`,
  );
  return EXIT.ok;
}
