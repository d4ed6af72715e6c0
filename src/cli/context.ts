import { homedir } from 'node:os';
import { join } from 'node:path';
import { CATEGORIES, type Category } from '../categories.js';
import { isSourceUnavailableError } from '../errors/source-unavailable-error.js';
import { isStorageError } from '../errors/storage-error.js';
import { DEFAULT_PRIMARY_URL } from '../http/defaults.js';
import { ModelReferenceManager } from '../manager/model-reference-manager.js';
import { fileStorage } from '../node/file-storage.js';
import { DEFAULT_GITHUB } from '../origins/github-origin.js';
import { pendingProvider } from '../providers/pending-provider.js';
import { VERSION } from '../version.js';
import type { CliArgs } from './args.js';
import { type DebugLog, debugManagerOptions, logManagerEvents } from './debug-log.js';
import { attemptsInline } from './describe-error.js';
import type { CliIo } from './io.js';
import type { StatusLine } from './status-line.js';
import { age } from './table.js';
import { terminalText } from './terminal-text.js';

/** The cache folder: `--cache-dir`, else `$XDG_CACHE_HOME` or `~/.cache`, then the package name. */
export function cacheDirectory(args: CliArgs, env: CliIo['env']): string {
  if (args.global.cacheDir) return args.global.cacheDir;
  const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  return join(base, 'horde-model-reference');
}

/**
 * The manager a command works with: persistent (so a later `--offline` run has data), with no
 * network at all when `--offline`, with the pending channel when an API key is given (`--api-key`
 * or `$HORDE_API_KEY`, resolved by the parser), and reporting to `debug` when it is given.
 */
export function openManager(
  args: CliArgs,
  io: CliIo,
  debug: DebugLog | null = null,
): ModelReferenceManager {
  const { global } = args;
  const { apiKey } = global;
  const targets = {
    primaryUrl: global.offline ? null : (global.primaryUrl ?? DEFAULT_PRIMARY_URL),
    githubRawUrl: global.offline ? null : (global.githubRawUrl ?? DEFAULT_GITHUB.rawBaseUrl),
  };
  const refs = new ModelReferenceManager({
    ...(debug ? debugManagerOptions(debug, targets) : {}),
    storage: fileStorage(cacheDirectory(args, io.env)),
    // A one-shot command asks the network first; the cache answers only when it cannot.
    staleWhileRevalidate: false,
    ...(global.offline
      ? { primaryUrl: null, github: false }
      : {
          ...(global.primaryUrl ? { primaryUrl: global.primaryUrl } : {}),
          ...(global.githubRawUrl ? { github: { rawBaseUrl: global.githubRawUrl } } : {}),
        }),
    ...(global.timeoutMs !== undefined ? { timeoutMs: global.timeoutMs } : {}),
    clientAgent: `horde-model-reference-cli:${VERSION}:unknown`,
    ...(apiKey && !global.offline ? { apiKey } : {}),
  });
  if (apiKey && !global.offline) refs.registerProvider(pendingProvider({ apiKey }));
  if (debug) logManagerEvents(refs, debug);
  // A cache that cannot be read or written (full disk, no permission, a damaged file) is said once
  // per kind, loudly: the next --offline run would otherwise find nothing with no clue why.
  const warned = new Set<string>();
  refs.on('error', ({ error }) => {
    if (!isStorageError(error) || warned.has(error.operation)) return;
    warned.add(error.operation);
    io.stderr(
      error.operation === 'get'
        ? `warning: the cached copy could not be read (${terminalText(error.message)}); the next good answer replaces it\n`
        : `warning: the cache could not be saved (${terminalText(error.message)}); a later --offline run will not have this data\n`,
    );
  });
  return refs;
}

/**
 * Tells people on stderr when what they see is not fresh from the PRIMARY: a category served by
 * a later source of the chain, or last-known-good data after every source failed (not under
 * `--offline`, where cached data is what was asked for). For the one-category commands;
 * `status` shows the same for every category.
 */
export function reportProvenance(refs: ModelReferenceManager, io: CliIo, offline: boolean): void {
  refs.on('fallback', ({ category, origin, attempts }) => {
    const before = attempts.length > 0 ? ` after ${attemptsInline(attempts)}` : '';
    io.stderr(`note: ${category} came from ${origin}${terminalText(before)}\n`);
  });
  if (offline) return;
  refs.on('stale', ({ category, error }) => {
    const why = isSourceUnavailableError(error) ? attemptsInline(error.attempts) : error.message;
    const status = refs.status().categories[category];
    const fetched = status ? ` fetched ${age(status.ageMs)} ago` : '';
    io.stderr(`warning: ${category} is last-known-good data${fetched}; ${terminalText(why)}\n`);
  });
}

/**
 * Loads every category concurrently, showing `Loading 7/15 categories` on the status line (a
 * terminal's stderr). Categories no source could provide are returned as errors, not thrown.
 *
 * @throws the abort reason when `io.signal` aborts.
 */
export async function loadAll(
  refs: ModelReferenceManager,
  io: CliIo,
  line: StatusLine,
): Promise<Map<Category, Error>> {
  let done = 0;
  const progress = () => line.show(`Loading ${done}/${CATEGORIES.length} categories`);
  progress();
  const failures = new Map<Category, Error>();
  try {
    await Promise.all(
      CATEGORIES.map(async (category) => {
        try {
          await refs.getCategory(category, io.signal ? { signal: io.signal } : {});
        } catch (error) {
          failures.set(category, error instanceof Error ? error : new Error(String(error)));
        }
        done++;
        progress();
      }),
    );
  } finally {
    // Clear the progress line so the table (or an error) starts on a clean line.
    line.clear();
  }
  io.signal?.throwIfAborted();
  // Keep CATEGORIES order, whatever order the loads finished in.
  return new Map(
    CATEGORIES.flatMap((c) => (failures.has(c) ? [[c, failures.get(c) as Error]] : [])),
  );
}
