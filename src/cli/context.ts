import { homedir } from 'node:os';
import { join } from 'node:path';
import { CATEGORIES, type Category } from '../categories.js';
import { isSourceUnavailableError } from '../errors/source-unavailable-error.js';
import { isStorageError } from '../errors/storage-error.js';
import { ModelReferenceManager } from '../manager/model-reference-manager.js';
import { fileStorage } from '../node/file-storage.js';
import { pendingProvider } from '../providers/pending-provider.js';
import { VERSION } from '../version.js';
import type { CliArgs } from './args.js';
import { debugRequested, stderrLogger } from './debug-logger.js';
import { attemptsInline } from './describe-error.js';
import type { CliIo } from './io.js';
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
 * network at all when `--offline`, and with the pending channel when an API key is given.
 */
export function openManager(args: CliArgs, io: CliIo): ModelReferenceManager {
  const { global } = args;
  const apiKey = global.apiKey ?? io.env.HORDE_API_KEY;
  const refs = new ModelReferenceManager({
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
    // $HORDE_MODEL_REFERENCE_DEBUG: every request, retry, fallback and failure on stderr.
    ...(debugRequested(io.env) ? { logger: stderrLogger(io) } : {}),
  });
  if (apiKey && !global.offline) refs.registerProvider(pendingProvider({ apiKey }));
  // A cache write that fails (full disk, no permission) is said once, loudly: the next --offline
  // run would otherwise find nothing with no clue why.
  let warned = false;
  refs.on('error', ({ error }) => {
    if (!isStorageError(error) || warned) return;
    warned = true;
    io.stderr(
      `warning: the cache could not be saved (${terminalText(error.message)}); a later --offline run will not have this data\n`,
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
 * Loads every category concurrently, showing `Loading 7/15 categories` on stderr when it is a
 * terminal. Categories no source could provide are returned as errors, not thrown.
 *
 * @throws the abort reason when `io.signal` aborts.
 */
export async function loadAll(
  refs: ModelReferenceManager,
  io: CliIo,
): Promise<Map<Category, Error>> {
  let done = 0;
  const progress = () => {
    if (io.isTTY) io.stderr(`\rLoading ${done}/${CATEGORIES.length} categories`);
  };
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
    if (io.isTTY) io.stderr('\r\u001b[K');
  }
  io.signal?.throwIfAborted();
  // Keep CATEGORIES order, whatever order the loads finished in.
  return new Map(
    CATEGORIES.flatMap((c) => (failures.has(c) ? [[c, failures.get(c) as Error]] : [])),
  );
}
