import type { Category } from '../categories.js';
import type { RequestOptions } from '../http/request-options.js';
import type { ModelReferenceManager } from '../manager/model-reference-manager.js';
import type { CliArgs } from './args.js';
import type { DebugLog } from './debug-log.js';
import { describeFailures, type ErrorContext } from './describe-error.js';
import { failuresJson } from './error-json.js';
import { type CliIo, EXIT } from './io.js';
import type { StatusLine } from './status-line.js';
import { terminalSafeJson, terminalText } from './terminal-text.js';

/** What a command needs. */
export interface CommandContext {
  readonly args: CliArgs;
  /** Its stderr steps around the status line. */
  readonly io: CliIo;
  readonly refs: ModelReferenceManager;
  /** The cache folder in use (`--cache-dir` or the per-user default). */
  readonly cacheDir: string;
  /** Progress on a terminal's stderr (shows nothing otherwise). */
  readonly line: StatusLine;
  /** `--debug`: where debug lines go; `null` when off. */
  readonly debug: DebugLog | null;
}

/** What error messages need to know of a command's run. */
export function errorContext({ args, cacheDir, refs }: CommandContext): ErrorContext {
  const lastFailures: Record<string, string> = {};
  for (const [origin, s] of Object.entries(refs.status().chain))
    if (s?.lastFailure) lastFailures[origin] = s.lastFailure.reason;
  return { offline: args.global.offline, cacheDir, lastFailures };
}

/** The per-call options that let Ctrl-C abandon a read in flight. */
export function callOptions(io: CliIo): RequestOptions {
  return io.signal ? { signal: io.signal } : {};
}

/**
 * Writes `value` as indented JSON on stdout: exactly the data (`JSON.parse` gives it back), with
 * DEL, C1 and bidi controls as `\uXXXX` escapes so a terminal never acts on them.
 */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${terminalSafeJson(JSON.stringify(value, null, 2))}\n`);
}

/**
 * After loading every category: says on stderr which could not be loaded and why, grouped by
 * cause, and gives the exit code — a failure only when nothing at all could be loaded, since a
 * partial answer (the GitHub fallback has no file for some categories) is still an answer. With
 * `--json`, that failure is one `{"error": ...}` line; a partial answer stays a text warning.
 */
export function failuresExitCode(
  context: CommandContext,
  failures: ReadonlyMap<Category, Error>,
  total: number,
): number {
  if (failures.size === 0) return EXIT.ok;
  const { io, args } = context;
  const all = failures.size === total;
  const code = all ? EXIT.failure : EXIT.ok;
  const errors = errorContext(context);
  if (all && args.global.json) {
    const json = JSON.stringify(failuresJson(failures, total, code, errors));
    io.stderr(`${terminalSafeJson(json)}\n`);
    return code;
  }
  const safe = terminalText(describeFailures(failures, total, errors), { keepNewlines: true });
  io.stderr(`horde-model-reference: ${all ? '' : 'warning: '}${safe}\n`);
  return code;
}
