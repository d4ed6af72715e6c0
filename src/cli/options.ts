import type { SearchParams } from '../query/search-params.js';
import { DOWNLOAD_OPTIONS } from './download-options.js';

/** Which commands an option applies to: every one, `search` (and plan/download), `watch`, or plan/download. */
export type OptionGroup = 'global' | 'search' | 'watch' | 'download';

/** One command-line option: how it is parsed, where it applies, and its line in `--help`. */
export interface OptionSpec {
  /** The long name, without `--`. */
  readonly name: string;
  readonly type: 'string' | 'boolean';
  readonly group: OptionGroup;
  /** Placeholder of the value in `--help`, e.g. `<url>`. */
  readonly value?: string;
  readonly help: string;
  /** Also accepted as `--no-<name>` (and `--<name>=false`), meaning false. */
  readonly negatable?: boolean;
  readonly short?: string;
  /** The search parameter it sets, and how its text becomes that parameter's value. */
  readonly param?: keyof SearchParams;
  readonly parse?: 'list' | 'integer';
  /** May be given several times (each value kept). */
  readonly multiple?: boolean;
}

/**
 * Every option, in `--help` order. The single source for parsing, validation and help, so a new
 * option cannot be parsed without being documented.
 */
export const OPTIONS: readonly OptionSpec[] = [
  {
    name: 'primary-url',
    type: 'string',
    group: 'global',
    value: '<url>',
    help: 'the PRIMARY, with /api (default $HORDE_PRIMARY_URL, else https://models.aihorde.net/api)',
  },
  {
    name: 'github-raw-url',
    type: 'string',
    group: 'global',
    value: '<url>',
    help: 'raw GitHub or a mirror of it (default $HORDE_GITHUB_RAW_URL, else https://raw.githubusercontent.com)',
  },
  {
    name: 'cache-dir',
    type: 'string',
    group: 'global',
    value: '<dir>',
    help: 'where last-known-good data is kept (default $XDG_CACHE_HOME/horde-model-reference, else ~/.cache/horde-model-reference)',
  },
  {
    name: 'offline',
    type: 'boolean',
    group: 'global',
    help: 'no network at all: serve only what the cache holds',
  },
  {
    name: 'timeout-ms',
    type: 'string',
    group: 'global',
    value: '<ms>',
    help: 'timeout of each request (default 10000)',
  },
  {
    name: 'api-key',
    type: 'string',
    group: 'global',
    value: '<key>',
    help: 'AI-Horde API key (or $HORDE_API_KEY), sent to the PRIMARY only; adds the pending (beta) channel as a search --source',
  },
  {
    name: 'json',
    type: 'boolean',
    group: 'global',
    help: 'machine-readable output on stdout; a failure is one {"error": {...}} line on stderr',
  },
  {
    name: 'debug',
    type: 'boolean',
    group: 'global',
    help: 'each request (URL, status, time) and the fallback, stale and error events on stderr (or $HORDE_MODEL_REFERENCE_DEBUG=1)',
  },
  { name: 'help', type: 'boolean', group: 'global', short: 'h', help: 'help for the command' },
  { name: 'version', type: 'boolean', group: 'global', short: 'v', help: 'the version' },
  {
    name: 'nsfw',
    type: 'boolean',
    group: 'search',
    negatable: true,
    param: 'nsfw',
    help: 'only NSFW models; --no-nsfw: only SFW ones',
  },
  {
    name: 'baseline',
    type: 'string',
    group: 'search',
    value: '<baseline>',
    param: 'baseline',
    help: 'exact baseline, e.g. stable_diffusion_xl, flux_1',
  },
  {
    name: 'inpainting',
    type: 'boolean',
    group: 'search',
    negatable: true,
    param: 'inpainting',
    help: 'only inpainting models; --no-inpainting: none (image only)',
  },
  {
    name: 'tags-any',
    type: 'string',
    group: 'search',
    value: '<a,b>',
    param: 'tagsAny',
    parse: 'list',
    help: 'at least one of these tags (exact, case-sensitive)',
  },
  {
    name: 'tags-all',
    type: 'string',
    group: 'search',
    value: '<a,b>',
    param: 'tagsAll',
    parse: 'list',
    help: 'every one of these tags',
  },
  {
    name: 'tags-none',
    type: 'string',
    group: 'search',
    value: '<a,b>',
    param: 'tagsNone',
    parse: 'list',
    help: 'none of these tags',
  },
  {
    name: 'name-contains',
    type: 'string',
    group: 'search',
    value: '<text>',
    param: 'nameContains',
    help: 'case-insensitive part of the name',
  },
  {
    name: 'backend',
    type: 'string',
    group: 'search',
    value: '<aphrodite|koboldcpp>',
    param: 'backend',
    help: 'only names with this backend prefix (text only)',
  },
  {
    name: 'exclude-backend-variations',
    type: 'boolean',
    group: 'search',
    param: 'excludeBackendVariations',
    help: 'drop backend-prefixed duplicate names (text only)',
  },
  {
    name: 'quantized',
    type: 'boolean',
    group: 'search',
    negatable: true,
    param: 'quantized',
    help: 'only quantized names; --no-quantized: none (text only)',
  },
  {
    name: 'sort-by',
    type: 'string',
    group: 'search',
    value: '<field>',
    param: 'sortBy',
    help: 'a record field; nested with __, e.g. metadata__created_at',
  },
  {
    name: 'sort-desc',
    type: 'boolean',
    group: 'search',
    param: 'sortDesc',
    help: 'descending order',
  },
  {
    name: 'limit',
    type: 'string',
    group: 'search',
    value: '<1-500>',
    param: 'limit',
    parse: 'integer',
    help: 'page size (default 50)',
  },
  {
    name: 'offset',
    type: 'string',
    group: 'search',
    value: '<n>',
    param: 'offset',
    parse: 'integer',
    help: 'records to skip (default 0)',
  },
  {
    name: 'source',
    type: 'string',
    group: 'search',
    value: '<horde|any|id,...>',
    param: 'source',
    parse: 'list',
    help: 'which sources to search (default horde)',
  },
  {
    name: 'interval',
    type: 'string',
    group: 'watch',
    value: '<seconds>',
    help: 'time between two checks, decimals allowed (default 60)',
  },
  ...DOWNLOAD_OPTIONS,
];

/** `--name` with its value placeholder, as shown in help and error messages. */
export function optionLabel(option: OptionSpec): string {
  const flag = option.negatable ? `--[no-]${option.name}` : `--${option.name}`;
  return option.value ? `${flag} ${option.value}` : flag;
}
