import { CATEGORIES, type Category } from '../categories.js';
import { isSourceUnavailableError } from '../errors/source-unavailable-error.js';
import { isStorageError } from '../errors/storage-error.js';
import type { CategoryChange } from '../records/diff-records.js';
import { type CommandContext, failuresExitCode } from './command-context.js';
import { loadAll } from './context.js';
import { attemptsInline } from './describe-error.js';
import { CliError, EXIT } from './io.js';
import { terminalSafeJson, terminalText } from './terminal-text.js';

/** One change as a line for people: when, which category, and what happened to which models. */
export function changeLine(change: CategoryChange, at: Date): string {
  const parts = [
    change.added.length > 0 ? `added ${change.added.join(', ')}` : '',
    change.removed.length > 0 ? `removed ${change.removed.join(', ')}` : '',
    ...change.changed.map((c) => `changed ${c.name} (${c.fields.join(', ')})`),
  ].filter(Boolean);
  return `${at.toISOString()} ${change.category}: ${parts.join('; ')}`;
}

/**
 * `watch`: loads everything, then prints each `change` event (one line, or one JSON object per
 * line with `--json`) until `io.signal` aborts (Ctrl-C); the caller then closes the manager.
 */
export async function watchCommand(context: CommandContext): Promise<number> {
  const { refs, io, args } = context;
  if (args.global.offline)
    throw new CliError('watch asks the PRIMARY what changed: it cannot run --offline', EXIT.usage);
  const failures = await loadAll(refs, io, context.line);
  const loaded = failuresExitCode(context, failures, CATEGORIES.length);
  if (loaded !== EXIT.ok) return loaded;
  refs.on('change', (change) => {
    const at = new Date();
    io.stdout(
      args.global.json
        ? `${terminalSafeJson(JSON.stringify({ at: at.toISOString(), ...change }))}\n`
        : `${terminalText(changeLine(change, at))}\n`,
    );
  });
  // A failed check is retried at the next interval: say so rather than stop watching.
  refs.on('error', ({ error }) => {
    // Storage failures have their own warning (openManager).
    if (!isStorageError(error)) io.stderr(`warning: ${terminalText(error.message)}\n`);
  });
  const health = outageReporter(context);
  const intervalMs = args.intervalMs ?? 60_000;
  io.stderr(`Watching for changes every ${intervalMs / 1000}s; Ctrl-C stops.\n`);
  const stop = refs.watch({ intervalMs, ...(io.signal ? { signal: io.signal } : {}) });
  // The watch's own timer is unref'd so it never holds a library user's process open; the CLI
  // exists to stay up, so this timer holds the process until stopped (and reports outages).
  const keepAlive = setInterval(health, 250);
  try {
    await new Promise<void>((resolve) => {
      if (io.signal?.aborted) resolve();
      io.signal?.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    clearInterval(keepAlive);
    stop();
  }
  return EXIT.ok;
}

/**
 * Reports an outage once, not at every check of every category: categories that went stale
 * (served from the last-known-good data) in one line, and again when they are fresh again.
 * Returns the function to call periodically.
 */
function outageReporter({ refs, io }: CommandContext): () => void {
  const stale = new Set<Category>();
  const fresh: Category[] = [];
  let why = '';
  refs.on('stale', ({ category, error }) => {
    if (stale.has(category)) return;
    stale.add(category);
    fresh.push(category);
    // The first category of a batch stands for the outage; `status` has every one's reasons.
    if (fresh.length === 1)
      why = isSourceUnavailableError(error) ? attemptsInline(error.attempts) : error.message;
  });
  return () => {
    if (fresh.length > 0) {
      io.stderr(
        `warning: serving last-known-good data for ${fresh.join(', ')}: ${terminalText(why)}\n`,
      );
      fresh.length = 0;
    }
    const status = refs.status().categories;
    const back = [...stale].filter((c) => status[c]?.stale === false);
    if (back.length === 0) return;
    for (const category of back) stale.delete(category);
    io.stderr(`note: fresh data again for ${back.join(', ')}\n`);
  };
}
