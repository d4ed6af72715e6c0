import { homedir } from 'node:os';
import { join } from 'node:path';
import { CATEGORIES, type Category } from '../categories.js';
import { ModelReferenceManager } from '../manager.js';
import { fileStorage } from '../node/file-storage.js';
import { pendingProvider } from '../providers/pending-provider.js';
import { VERSION } from '../version.js';
import type { CliArgs } from './args.js';
import type { CliIo } from './io.js';

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
    ...(apiKey ? { apiKey } : {}),
  });
  if (apiKey && !global.offline) refs.registerProvider(pendingProvider({ apiKey }));
  return refs;
}

/**
 * Loads every category concurrently, showing `Loading 7/15 categories` on stderr when it is a
 * terminal. Categories no source could provide are returned as errors, not thrown.
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
  if (io.isTTY) io.stderr('\r\u001b[K');
  return failures;
}
