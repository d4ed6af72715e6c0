import type { Category } from '../categories.js';
import type { RequestOptions } from '../http/request-options.js';
import type { ModelReferenceManager } from '../manager/model-reference-manager.js';
import type { CliArgs } from './args.js';
import { describeFailures } from './describe-error.js';
import { type CliIo, EXIT } from './io.js';
import { terminalSafeJson, terminalText } from './terminal-text.js';

/** What a command needs. */
export interface CommandContext {
  readonly args: CliArgs;
  readonly io: CliIo;
  readonly refs: ModelReferenceManager;
  /** The cache folder in use (`--cache-dir` or the per-user default). */
  readonly cacheDir: string;
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
 * After loading every category: says on stderr which could not be loaded and why, and gives the
 * exit code — a failure only when nothing at all could be loaded, since a partial answer (the
 * GitHub fallback has no file for some categories) is still an answer.
 */
export function failuresExitCode(
  context: CommandContext,
  failures: ReadonlyMap<Category, Error>,
  total: number,
): number {
  if (failures.size === 0) return EXIT.ok;
  const { io, args, cacheDir } = context;
  const all = failures.size === total;
  const text = describeFailures(failures, total, { offline: args.global.offline, cacheDir });
  const safe = terminalText(text, { keepNewlines: true });
  io.stderr(`horde-model-reference: ${all ? '' : 'warning: '}${safe}\n`);
  return all ? EXIT.failure : EXIT.ok;
}
