import { DOWNLOAD_COMMANDS } from './download-commands.js';
import type { OptionGroup } from './options.js';

/** The commands of `horde-model-reference`. */
export type CommandName =
  | 'categories'
  | 'get'
  | 'search'
  | 'stats'
  | 'status'
  | 'watch'
  | 'snapshot'
  | 'plan'
  | 'download';

/** What a command takes, and its `--help`. */
export interface CommandSpec {
  /** Arguments after the command name, e.g. `<category> [name]`. */
  readonly args: string;
  /** One line for the command list. */
  readonly summary: string;
  /** How many positional arguments it takes, at least and at most. */
  readonly positionals: readonly [min: number, max: number];
  /** Options besides the global ones. */
  readonly options: OptionGroup | readonly OptionGroup[] | null;
  /** What `--help` says beyond the summary. */
  readonly details: readonly string[];
  readonly examples: readonly string[];
}

/** Every command, in `--help` order. */
export const COMMANDS: Readonly<Record<CommandName, CommandSpec>> = {
  categories: {
    args: '',
    summary: 'records, origin (v2/v1/github/snapshot) and staleness per category',
    positionals: [0, 0],
    options: null,
    details: [
      'Loads the 15 categories concurrently. A category no source could provide is listed as',
      'unavailable; the run fails (exit 1) only when none could be loaded.',
    ],
    examples: ['categories', 'categories --json'],
  },
  get: {
    args: '<category> [name]',
    summary: 'the models of a category as a table, or one model as JSON',
    positionals: [1, 2],
    options: null,
    details: [
      'Without a name: name, baseline, nsfw and download size of every model (--json: every',
      'record). With a name: that record as JSON; an unknown name fails with exit 1.',
    ],
    examples: ['get image_generation', "get image_generation 'AlbedoBase XL (SDXL)'"],
  },
  search: {
    args: '<category> [filters]',
    summary: 'one page of a search, with the same answers as the server',
    positionals: [1, 1],
    options: 'search',
    details: [
      'Booleans: --nsfw means true, --no-nsfw false (--nsfw=true|false also work); leaving a',
      'flag out does not filter. Lists are comma-separated: --tags-any anime,furry. A filter that',
      'cannot apply to the category (--baseline on clip) is a usage error (exit 2).',
    ],
    examples: [
      'search image_generation --baseline stable_diffusion_xl --no-nsfw --sort-by name --limit 10',
      'search text_generation --name-contains llama --exclude-backend-variations --json',
    ],
  },
  stats: {
    args: '<category>',
    summary: "the server's statistics of a category, computed locally",
    positionals: [1, 1],
    options: null,
    details: ['Model counts (NSFW/SFW), download sizes, baselines and the top tags.'],
    examples: ['stats image_generation', 'stats text_generation --json'],
  },
  status: {
    args: '',
    summary: 'where each category came from, and the health of each origin of the chain',
    positionals: [0, 0],
    options: null,
    details: [
      'Per category: origin, records, age, stale, last error. Per origin of the fallback chain: requests, failures,',
      'circuit state and last failure. Exit 1 when no category could be loaded. With --offline,',
      'nothing is asked, so nothing is stale: per category its origin, age, and whether it is old',
      '(older than 24 h).',
    ],
    examples: ['status', 'status --json'],
  },
  watch: {
    args: '',
    summary: 'print each change (models added, removed, changed) until Ctrl-C',
    positionals: [0, 0],
    options: 'watch',
    details: [
      'Loads everything, then asks the PRIMARY what changed every --interval seconds. Each change',
      'is one line (--json: one JSON object per line). Ctrl-C or SIGTERM stops it cleanly (exit 0).',
    ],
    examples: ['watch', 'watch --interval 30 --json'],
  },
  snapshot: {
    args: 'export|import [file]',
    summary: 'save every category to a file, or seed the cache from one',
    positionals: [1, 2],
    options: null,
    details: [
      'export: loads everything and writes the snapshot JSON to the file, or to stdout.',
      'import: stores the file into the cache folder (--cache-dir), so --offline works there.',
    ],
    examples: [
      'snapshot export seed.json',
      'snapshot import seed.json --cache-dir ./cache',
      'get clip --offline --cache-dir ./cache',
    ],
  },
  ...DOWNLOAD_COMMANDS,
};

/** The option groups a command takes besides the global ones. */
export function commandGroups(name: CommandName): readonly OptionGroup[] {
  const { options } = COMMANDS[name];
  return options === null ? [] : typeof options === 'string' ? [options] : options;
}

/** The command names, in `--help` order. */
export const COMMAND_NAMES: readonly CommandName[] = Object.keys(COMMANDS) as CommandName[];

/** Whether `name` is a command. */
export function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}
