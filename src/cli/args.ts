import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import type { SearchParams } from '../query/search-params.js';
import { closestMatches } from '../util/closest-matches.js';
import { COMMAND_NAMES, COMMANDS, type CommandName, commandGroups, isCommand } from './commands.js';
import { type DownloadArgs, type DownloadValues, downloadArgs } from './download-args.js';
import { debugFromEnv, nonEmpty } from './environment.js';
import { CliError, type CliIo, EXIT } from './io.js';
import { OPTIONS, type OptionSpec } from './options.js';

/** The command line, parsed and checked. */
export interface CliArgs {
  /** `undefined` when none was given (then only `--help` or `--version` make sense). */
  readonly command: CommandName | undefined;
  /** Arguments after the command name. */
  readonly positionals: readonly string[];
  readonly global: {
    readonly primaryUrl?: string | undefined;
    readonly githubRawUrl?: string | undefined;
    readonly cacheDir?: string | undefined;
    readonly timeoutMs?: number | undefined;
    readonly apiKey?: string | undefined;
    readonly offline: boolean;
    readonly json: boolean;
    /** `--debug` or `$HORDE_MODEL_REFERENCE_DEBUG`: requests and the manager's events on stderr. */
    readonly debug: boolean;
    readonly help: boolean;
    readonly version: boolean;
  };
  /** Search parameters from the filter options (empty unless the command is `search`). */
  readonly search: SearchParams;
  /** `watch --interval`, in milliseconds. */
  readonly intervalMs: number | undefined;
  /** The options of `plan` and `download`. */
  readonly download: DownloadArgs;
}

// `multiple` options (only plan/download have them) hold arrays; downloadArgs reads those.
type Values = Readonly<Record<string, string | boolean | undefined>>;

// `--no-<flag>` is spelled out rather than left to parseArgs' `allowNegative`, which only exists
// from Node 22.4 while the package supports every Node 22.
const PARSE_OPTIONS: ParseArgsOptionsConfig = Object.fromEntries(
  OPTIONS.flatMap((option) => {
    const entry = [
      option.name,
      {
        type: option.type,
        ...(option.short ? { short: option.short } : {}),
        ...(option.multiple ? { multiple: true } : {}),
      },
    ];
    return option.negatable ? [entry, [`no-${option.name}`, { type: 'boolean' }]] : [entry];
  }),
);

const usageError = (message: string, code?: string, closest?: readonly string[]) =>
  new CliError(message, EXIT.usage, { ...(code ? { code } : {}), ...(closest ? { closest } : {}) });

/** ` (did you mean search?)`, ` (did you mean --json or --debug?)`, or nothing. */
export function didYouMeanHint(names: readonly string[]): string {
  return names.length > 0 ? ` (did you mean ${names.join(' or ')}?)` : '';
}

const helpHint = (command: string | undefined) =>
  `Run \`horde-model-reference ${command && isCommand(command) ? `${command} ` : ''}--help\` for usage.`;

/**
 * Parses `argv` (without `node` and the script): `<command> [arguments] [options]`, options in
 * any position. `help <command>` is `<command> --help`. The variables of `ENVIRONMENT` fill in
 * the flags not given.
 *
 * @throws {CliError} (exit 2) for an unknown command or option (with the closest names), a
 * missing or malformed value (flag or variable), an option the command does not take, or too many
 * or too few arguments; the message says what is allowed.
 */
export function parseCli(argv: readonly string[], env: CliIo['env'] = {}): CliArgs {
  const args = booleansWithValues(argv);
  let parsed: { values: Values; positionals: string[] };
  try {
    // Only `multiple` options have arrays as values.
    parsed = parseArgs({
      args,
      options: PARSE_OPTIONS,
      allowPositionals: true,
      strict: true,
    }) as typeof parsed;
  } catch (error) {
    throw parseFailure(error, guessCommand(args));
  }
  const { values } = parsed;
  let [name, ...positionals] = parsed.positionals;
  let help = values.help === true;
  if (name === 'help') {
    [name, ...positionals] = positionals;
    help = true;
  }
  if (name !== undefined && !isCommand(name)) {
    const closest = closestMatches(name, COMMAND_NAMES);
    throw usageError(
      `unknown command "${name}"${didYouMeanHint(closest)}; commands: ${COMMAND_NAMES.join(', ')}`,
      'UNKNOWN_COMMAND',
      closest,
    );
  }
  const global = {
    primaryUrl:
      url('--primary-url', values['primary-url']) ??
      url('$HORDE_PRIMARY_URL', nonEmpty(env.HORDE_PRIMARY_URL)),
    githubRawUrl:
      url('--github-raw-url', values['github-raw-url']) ??
      url('$HORDE_GITHUB_RAW_URL', nonEmpty(env.HORDE_GITHUB_RAW_URL)),
    cacheDir: string(values['cache-dir']),
    timeoutMs: positiveInteger('timeout-ms', values['timeout-ms']),
    apiKey: string(values['api-key']) ?? nonEmpty(env.HORDE_API_KEY),
    offline: values.offline === true,
    json: values.json === true,
    debug: values.debug === true || debugFromEnv(env.HORDE_MODEL_REFERENCE_DEBUG),
    help,
    version: values.version === true,
  };
  if (name === undefined || help || global.version)
    return {
      command: name,
      positionals,
      global,
      search: {},
      intervalMs: undefined,
      download: downloadArgs({}),
    };
  checkOptions(name, values);
  const [min, max] = COMMANDS[name].positionals;
  if (positionals.length < min || positionals.length > max) {
    const spec = COMMANDS[name];
    throw usageError(
      `${name} takes ${spec.args || 'no arguments'}, got ${positionals.length === 0 ? 'nothing' : positionals.map((p) => JSON.stringify(p)).join(' ')}. ${helpHint(name)}`,
    );
  }
  return {
    command: name,
    positionals,
    global,
    search: searchParams(values),
    intervalMs: interval(values.interval),
    download: downloadArgs(values as DownloadValues),
  };
}

// `--nsfw=false` reads naturally but parseArgs refuses a value on a boolean: rewrite it to the
// documented `--no-nsfw` (or drop it, for a flag that has no negative form).
function booleansWithValues(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return argv.flatMap((arg, index) => {
    const match = /^--([a-z-]+)=(.*)$/s.exec(arg);
    const option = match && OPTIONS.find((o) => o.name === match[1] && o.type === 'boolean');
    if (!match || !option || (end !== -1 && index > end)) return [arg];
    const value = match[2]?.toLowerCase();
    if (value === 'true') return [`--${option.name}`];
    if (value === 'false') return option.negatable ? [`--no-${option.name}`] : [];
    throw usageError(
      option.negatable
        ? `--${option.name} takes no value: --${option.name} means true, --no-${option.name} false (--${option.name}=true|false also work)`
        : `--${option.name} takes no value (--${option.name}=true|false also work)`,
    );
  });
}

/** The command as far as a loose parse can tell, for error messages. */
function guessCommand(args: readonly string[]): string | undefined {
  const { positionals } = parseArgs({
    args: [...args],
    options: PARSE_OPTIONS,
    allowPositionals: true,
    strict: false,
  });
  return positionals[0] === 'help' ? positionals[1] : positionals[0];
}

function allowedOptions(command: string | undefined): OptionSpec[] {
  const own = command && isCommand(command) ? commandGroups(command) : [];
  return OPTIONS.filter((o) => o.group === 'global' || own.includes(o.group));
}

function parseFailure(error: unknown, command: string | undefined): CliError {
  const { code, message } = error as { code?: string; message?: string };
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(message ?? '')?.[1] ?? '?';
    const names = optionNames(allowedOptions(command));
    // The command's own options first; else an option of another command, which the next run
    // will then say applies elsewhere.
    const closest = closestOptions(option, names) ?? closestOptions(option, optionNames(OPTIONS));
    const scope = command && isCommand(command) ? command : 'every command';
    return usageError(
      `unknown option ${option}${didYouMeanHint(closest ?? [])}; ${scope} takes ${names.join(', ')}. ${helpHint(command)}`,
      'UNKNOWN_OPTION',
      closest ?? [],
    );
  }
  const option = /'(-[^' ]+)/.exec(message ?? '')?.[1];
  if (option && /argument missing|ambiguous/.test(message ?? ''))
    return usageError(
      `${option} needs a value${/ambiguous/.test(message ?? '') ? ` (write ${option}=<value> for one starting with -)` : ''}. ${helpHint(command)}`,
    );
  return usageError(`${message ?? String(error)} ${helpHint(command)}`);
}

const optionNames = (options: readonly OptionSpec[]): string[] =>
  options.flatMap((o) => (o.negatable ? [`--${o.name}`, `--no-${o.name}`] : [`--${o.name}`]));

/** The closest of `names` (`--x` each) to `option`, or `null` when none is close. */
function closestOptions(option: string, names: readonly string[]): string[] | null {
  const bare = option.replace(/^-+/, '').replace(/=.*$/s, '');
  const found = closestMatches(
    bare,
    names.map((n) => n.slice(2)),
  ).map((n) => `--${n}`);
  return found.length > 0 ? found : null;
}

function checkOptions(command: CommandName, values: Values): void {
  const own = commandGroups(command);
  for (const option of OPTIONS) {
    if (option.group === 'global' || own.includes(option.group)) continue;
    const used = values[option.name] !== undefined || values[`no-${option.name}`] !== undefined;
    if (used)
      throw usageError(
        `--${option.name} applies to the ${commandList(option.group)} only. ${helpHint(command)}`,
      );
  }
}

/** `search command`, or `search, plan and download commands`. */
function commandList(group: OptionSpec['group']): string {
  const names = COMMAND_NAMES.filter((c) => commandGroups(c).includes(group));
  if (names.length === 1) return `${names[0]} command`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} commands`;
}

function searchParams(values: Values): SearchParams {
  const params: Record<string, unknown> = {};
  for (const option of OPTIONS) {
    if (!option.param) continue;
    const yes = values[option.name];
    const no = values[`no-${option.name}`] === true;
    if (yes === true && no)
      throw usageError(`--${option.name} and --no-${option.name} contradict each other`);
    if (no) params[option.param] = false;
    else if (yes === undefined) continue;
    else if (option.parse === 'list') params[option.param] = list(yes);
    else if (option.parse === 'integer') params[option.param] = integer(option.name, yes);
    else params[option.param] = yes;
  }
  return params as SearchParams;
}

function list(value: string | boolean): string[] {
  return String(value)
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function string(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function integer(name: string, value: string | boolean): number {
  const number = Number(value);
  if (String(value).trim() === '' || !Number.isInteger(number))
    throw usageError(`--${name} expects a whole number, got "${String(value)}"`);
  return number;
}

function positiveInteger(name: string, value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = integer(name, value);
  if (number <= 0) throw usageError(`--${name} expects a positive whole number, got ${number}`);
  return number;
}

function interval(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (String(value).trim() === '' || !Number.isFinite(seconds) || seconds < 0.1)
    throw usageError(`--interval expects a number of seconds >= 0.1, got "${String(value)}"`);
  return Math.round(seconds * 1000);
}

/** `value` checked as an http(s) URL; `label` is the flag or variable it came from. */
function url(label: string, value: string | boolean | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  let parsed: URL | undefined;
  try {
    parsed = new URL(value);
  } catch {}
  if (parsed?.protocol !== 'http:' && parsed?.protocol !== 'https:')
    throw usageError(`${label} expects an http(s) URL, got ${JSON.stringify(value)}`);
  return value;
}
