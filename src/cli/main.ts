import { isModelReferenceError } from '../errors/model-reference-error.js';
import { VERSION } from '../version.js';
import { type CliArgs, parseCli } from './args.js';
import { prepareCacheFolder } from './cache-folder.js';
import type { CommandContext } from './command-context.js';
import type { CommandName } from './commands.js';
import { cacheDirectory, openManager } from './context.js';
import { debugLog } from './debug-log.js';
import { describeError, type ErrorContext } from './describe-error.js';
import { downloadCommand } from './download-command.js';
import { errorJson } from './error-json.js';
import { commandHelp, usage } from './help.js';
import { CliError, type CliIo, EXIT } from './io.js';
import { nodeIo } from './node-io.js';
import { planCommand } from './plan-command.js';
import {
  categoriesCommand,
  getCommand,
  searchCommand,
  statsCommand,
  statusCommand,
} from './read-commands.js';
import { snapshotCommand } from './snapshot-command.js';
import { statusLine } from './status-line.js';
import { terminalSafeJson, terminalText } from './terminal-text.js';
import { watchCommand } from './watch-command.js';

const RUN: Readonly<Record<CommandName, (context: CommandContext) => Promise<number>>> = {
  categories: categoriesCommand,
  get: getCommand,
  search: searchCommand,
  stats: statsCommand,
  status: statusCommand,
  watch: watchCommand,
  snapshot: snapshotCommand,
  plan: planCommand,
  download: downloadCommand,
};

// Mistakes in what was asked, as opposed to failures of the work.
const USAGE_ERRORS = new Set([
  'UNKNOWN_CATEGORY',
  'UNKNOWN_SOURCE',
  'INVALID_SEARCH_PARAMS',
  'INVALID_OPTIONS',
]);

/**
 * Runs the `horde-model-reference` command line and returns its exit code: 0 success, 1 the
 * work failed (no source answered, model not found), 2 bad usage, 130 interrupted. Never
 * throws; messages go to `io.stderr`, results to `io.stdout`. With `--json`, a failure is one
 * line on stderr, `{"error": {"code", "name", "message", "exitCode", ...}}`.
 *
 * @param argv - the arguments after the program name.
 * @param io - where to write and what to read; the real process (`nodeIo()`) by default.
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2));
 * const code = await main(['get', 'clip', '--json'], { stdout, stderr, isTTY: false, env: {} });
 * ```
 */
export async function main(argv: readonly string[], io?: CliIo): Promise<number> {
  const ownIo = io === undefined ? nodeIo() : undefined;
  try {
    return await run(argv, io ?? (ownIo as CliIo));
  } finally {
    ownIo?.release();
  }
}

async function run(argv: readonly string[], terminal: CliIo): Promise<number> {
  // Progress on a terminal; every other stderr write steps around it.
  const { io, line } = statusLine(terminal);
  let args: CliArgs | undefined;
  let cacheDir = '';
  try {
    args = parseCli(argv, io.env);
    if (args.global.version) {
      io.stdout(`${VERSION}\n`);
      return EXIT.ok;
    }
    if (args.command === undefined) {
      // No command: the overview, on stdout when asked for, else on stderr as a usage error.
      (args.global.help ? io.stdout : io.stderr)(`${usage()}\n`);
      return args.global.help ? EXIT.ok : EXIT.usage;
    }
    if (args.global.help) {
      io.stdout(`${commandHelp(args.command)}\n`);
      return EXIT.ok;
    }
    cacheDir = cacheDirectory(args, io.env);
    await prepareCacheFolder(cacheDir, args.global.cacheDir !== undefined, io);
    const debug = args.global.debug ? debugLog(io) : null;
    debug?.(
      `${args.command} with cache folder ${cacheDir}${args.global.offline ? ', --offline' : ''}`,
    );
    const refs = openManager(args, io, debug);
    try {
      return await RUN[args.command]({ args, io, refs, cacheDir, line, debug });
    } finally {
      // Waits for cache writes in flight, so the next run (--offline too) has this run's data.
      await refs.close();
    }
  } catch (error) {
    line.clear();
    const code = exitCode(error, io);
    const context: ErrorContext = {
      offline: args?.global.offline ?? false,
      cacheDir: cacheDir || (args ? cacheDirectory(args, io.env) : ''),
    };
    if (args?.global.json ?? asksForJson(argv)) {
      const json = JSON.stringify(errorJson(error, code, context));
      io.stderr(`${terminalSafeJson(json)}\n`);
    } else {
      const message = terminalText(describeError(error, context), { keepNewlines: true });
      io.stderr(`horde-model-reference: ${message}\n`);
    }
    return code;
  }
}

/** Whether `--json` is among arguments the parser refused (an error then is JSON too). */
function asksForJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some(
    (a) => a === '--json' || a === '--json=true',
  );
}

function exitCode(error: unknown, io: CliIo): number {
  if (error instanceof CliError) return error.exitCode;
  if (io.signal?.aborted) return EXIT.interrupted;
  if (isModelReferenceError(error) && USAGE_ERRORS.has(error.code)) return EXIT.usage;
  return EXIT.failure;
}
