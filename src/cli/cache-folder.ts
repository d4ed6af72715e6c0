import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import type { CliIo } from './io.js';
import { CliError, EXIT } from './io.js';

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${message}` : message;
}

/** Why `path` cannot hold the cache, or `null` when it can (it is created when missing). */
async function unusable(path: string): Promise<string | null> {
  try {
    const stats = await stat(path);
    if (!stats.isDirectory()) return 'it is a file, not a folder';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return `a part of its path is a file, not a folder (${reason(error)})`;
    if (code !== 'ENOENT') return `it cannot be read (${reason(error)})`;
    try {
      await mkdir(path, { recursive: true });
    } catch (cause) {
      return `it cannot be created (${reason(cause)})`;
    }
  }
  try {
    await access(path, constants.W_OK | constants.X_OK);
    return null;
  } catch (error) {
    return `it cannot be written (${reason(error)})`;
  }
}

/**
 * Makes sure the cache folder can be used before a command runs, so a run never silently
 * persists nothing: a `--cache-dir` that is a file, or cannot be created or written, is a usage
 * error (exit 2); the default folder failing is a warning on stderr (the command still runs, but
 * a later `--offline` run will not have its data).
 *
 * @throws {CliError} (exit 2) for an unusable `--cache-dir`.
 */
export async function prepareCacheFolder(
  path: string,
  explicit: boolean,
  io: CliIo,
): Promise<void> {
  const why = await unusable(path);
  if (why === null) return;
  if (explicit)
    throw new CliError(
      `--cache-dir ${path} cannot hold the cache: ${why}. Pass a folder this user can write (it is created when missing).`,
      EXIT.usage,
    );
  io.stderr(
    `warning: the cache folder ${path} cannot be used: ${why}. Nothing from this run is saved for --offline; pass --cache-dir <folder> or set XDG_CACHE_HOME.\n`,
  );
}
