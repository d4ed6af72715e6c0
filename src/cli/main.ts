import { isModelReferenceError } from '../errors/model-reference-error.js';
import { VERSION } from '../version.js';
import { COMMANDS, parseCli, usage } from './args.js';
import { openManager } from './context.js';
import { CliError, type CliIo, EXIT } from './io.js';
import {
  type CommandContext,
  categoriesCommand,
  getCommand,
  searchCommand,
  statsCommand,
  statusCommand,
} from './read-commands.js';
import { snapshotCommand, watchCommand } from './state-commands.js';

const RUN: Readonly<Record<string, (context: CommandContext) => Promise<number>>> = {
  categories: categoriesCommand,
  get: getCommand,
  search: searchCommand,
  stats: statsCommand,
  status: statusCommand,
  watch: watchCommand,
  snapshot: snapshotCommand,
};

// Mistakes in what was asked, as opposed to failures of the work.
const USAGE_ERRORS = new Set(['UNKNOWN_CATEGORY', 'INVALID_SEARCH_PARAMS', 'INVALID_OPTIONS']);

/**
 * Runs the `horde-model-reference` command line and returns its exit code: 0 success, 1 the
 * work failed (no source answered, model not found), 2 bad usage. Never throws.
 *
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2), nodeIo());
 * ```
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseCli(argv);
    if (args.global.version) {
      io.stdout(`${VERSION}\n`);
      return EXIT.ok;
    }
    if (args.global.help || args.command === undefined) {
      (args.global.help ? io.stdout : io.stderr)(`${usage()}\n`);
      return args.global.help ? EXIT.ok : EXIT.usage;
    }
    const run = RUN[args.command];
    if (!run)
      throw new CliError(
        `unknown command "${args.command}"; commands: ${Object.keys(COMMANDS).join(', ')}`,
        EXIT.usage,
      );
    const refs = openManager(args, io);
    try {
      return await run({ args, io, refs });
    } finally {
      await refs.close();
    }
  } catch (error) {
    io.stderr(`horde-model-reference: ${describe(error)}\n`);
    if (error instanceof CliError) return error.exitCode;
    if (isModelReferenceError(error) && USAGE_ERRORS.has(error.code)) return EXIT.usage;
    return EXIT.failure;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (isModelReferenceError(error) && error.code === 'SOURCE_UNAVAILABLE')
    return `${error.message}\nUse --offline to serve the cache only, or check --primary-url / --github-raw-url.`;
  return error.message;
}
