import { parseArgs } from 'node:util';
import type { SearchParams } from '../query/search-params.js';
import { CliError, EXIT } from './io.js';

/** Every command, with its usage line. */
export const COMMANDS: Readonly<Record<string, string>> = {
  categories: 'categories                     every category: records, origin, freshness',
  get: 'get <category> [name]          the models of a category, or one model as JSON',
  search: 'search <category> [filters]    search a category as the server does',
  stats: "stats <category>               the server's statistics, computed locally",
  status: 'status                         load everything, then show where it came from',
  watch: 'watch [--interval <s>]         print changes as they happen (Ctrl-C stops)',
  snapshot: 'snapshot export [file] | import <file>   save or restore the cache',
};

const GLOBAL = {
  'primary-url': { type: 'string' },
  'github-raw-url': { type: 'string' },
  'cache-dir': { type: 'string' },
  'timeout-ms': { type: 'string' },
  'api-key': { type: 'string' },
  offline: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

// Booleans take `--flag` / `--no-flag`: `parseArgs` only negates by itself from Node 22.4.
const SEARCH = {
  nsfw: { type: 'boolean' },
  'no-nsfw': { type: 'boolean' },
  inpainting: { type: 'boolean' },
  'no-inpainting': { type: 'boolean' },
  quantized: { type: 'boolean' },
  'no-quantized': { type: 'boolean' },
  'exclude-backend-variations': { type: 'boolean' },
  'sort-desc': { type: 'boolean' },
  baseline: { type: 'string' },
  backend: { type: 'string' },
  'tags-any': { type: 'string' },
  'tags-all': { type: 'string' },
  'tags-none': { type: 'string' },
  'name-contains': { type: 'string' },
  'sort-by': { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  source: { type: 'string' },
} as const;

const WATCH = { interval: { type: 'string' } } as const;

/** Parsed command line. */
export interface CliArgs {
  readonly command: string | undefined;
  readonly positionals: readonly string[];
  readonly global: {
    readonly primaryUrl?: string | undefined;
    readonly githubRawUrl?: string | undefined;
    readonly cacheDir?: string | undefined;
    readonly timeoutMs?: number | undefined;
    readonly apiKey?: string | undefined;
    readonly offline: boolean;
    readonly json: boolean;
    readonly help: boolean;
    readonly version: boolean;
  };
  readonly search: SearchParams;
  readonly intervalMs: number | undefined;
}

/**
 * Parses `argv` (without `node` and the script).
 *
 * @throws {CliError} (exit 2) for an unknown option, a missing value, or a flag the command
 * does not take.
 */
export function parseCli(argv: readonly string[]): CliArgs {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof ALL; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: ALL, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\nRun with --help for usage.`, EXIT.usage);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  const used = (spec: object) =>
    Object.keys(spec).filter((k) => values[k as keyof typeof values] !== undefined);
  if (command !== 'search' && used(SEARCH).length > 0)
    throw new CliError(`--${used(SEARCH)[0]} applies to the search command only`, EXIT.usage);
  if (command !== 'watch' && used(WATCH).length > 0)
    throw new CliError('--interval applies to the watch command only', EXIT.usage);
  return {
    command,
    positionals: rest,
    global: {
      primaryUrl: values['primary-url'],
      githubRawUrl: values['github-raw-url'],
      cacheDir: values['cache-dir'],
      timeoutMs: integer('timeout-ms', values['timeout-ms']),
      apiKey: values['api-key'],
      offline: values.offline ?? false,
      json: values.json ?? false,
      help: values.help ?? false,
      version: values.version ?? false,
    },
    search: searchParams(values),
    intervalMs:
      values.interval === undefined
        ? undefined
        : 1000 * (integer('interval', values.interval) ?? 60),
  };
}

const ALL = { ...GLOBAL, ...SEARCH, ...WATCH } as const;

type Values = Partial<Record<keyof typeof ALL, string | boolean>>;

function searchParams(values: Values): SearchParams {
  const list = (value: unknown) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
      : undefined;
  const flag = (name: 'nsfw' | 'inpainting' | 'quantized') => {
    const yes = values[name] === true;
    const no = values[`no-${name}`] === true;
    if (yes && no)
      throw new CliError(`--${name} and --no-${name} contradict each other`, EXIT.usage);
    return yes ? true : no ? false : undefined;
  };
  const params: Record<string, unknown> = {
    nsfw: flag('nsfw'),
    inpainting: flag('inpainting'),
    quantized: flag('quantized'),
    excludeBackendVariations: values['exclude-backend-variations'] === true ? true : undefined,
    sortDesc: values['sort-desc'] === true ? true : undefined,
    baseline: values.baseline,
    backend: values.backend,
    tagsAny: list(values['tags-any']),
    tagsAll: list(values['tags-all']),
    tagsNone: list(values['tags-none']),
    nameContains: values['name-contains'],
    sortBy: values['sort-by'],
    limit: integer('limit', values.limit),
    offset: integer('offset', values.offset),
    source: list(values.source),
  };
  return Object.fromEntries(
    Object.entries(params).filter(([, v]) => v !== undefined),
  ) as SearchParams;
}

function integer(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number))
    throw new CliError(`--${name} expects a whole number, got "${String(value)}"`, EXIT.usage);
  return number;
}

/** The `--help` text. */
export function usage(): string {
  return `Usage: horde-model-reference <command> [options]

Commands:
${Object.values(COMMANDS)
  .map((line) => `  ${line}`)
  .join('\n')}

Options:
  --primary-url <url>      the PRIMARY, with /api (default https://models.aihorde.net/api)
  --github-raw-url <url>   raw GitHub or a mirror of it (default https://raw.githubusercontent.com)
  --cache-dir <dir>        where the last-known-good data is kept (default $XDG_CACHE_HOME or
                           ~/.cache, then horde-model-reference)
  --offline                no network: serve only what the cache holds
  --timeout-ms <ms>        per-request timeout (default 10000)
  --api-key <key>          AI-Horde API key (or $HORDE_API_KEY): sent to the PRIMARY only; adds
                           the pending (beta) channel as --source pending
  --json                   machine-readable output
  -h, --help               this text;  -v, --version  the version

Search filters (search only; booleans as --flag or --no-flag, lists comma-separated):
  --nsfw  --inpainting  --quantized  --exclude-backend-variations  --sort-desc
  --baseline <b>  --backend <aphrodite|koboldcpp>  --tags-any <a,b>  --tags-all <a,b>
  --tags-none <a,b>  --name-contains <text>  --sort-by <field>  --limit <1-500>
  --offset <n>  --source <horde|any|id,...>

Exit codes: 0 ok, 1 the work failed (no source answered, model not found), 2 bad usage.`;
}
