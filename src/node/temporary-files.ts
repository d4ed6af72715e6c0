import { createHash, randomBytes } from 'node:crypto';
import type * as fsPromises from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The part of `node:fs/promises` that file storage uses (a seam for fault tests). */
export type FileSystem = Pick<
  typeof fsPromises,
  'mkdir' | 'open' | 'writeFile' | 'rename' | 'rm' | 'readdir' | 'stat'
>;

/**
 * A temporary file older than this is an orphan whoever wrote it. Writing one category takes
 * milliseconds; ten minutes leaves room for a very slow network file system.
 */
export const STALE_TEMPORARY_AGE_MS: number = 10 * 60_000;

const SUFFIX = '.hmr-tmp';
// The host is part of the name so that a process checks only its own host's pids: two machines
// sharing a folder (NFS) never judge each other's writers by a pid that means nothing locally.
const HOST = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
const OURS = /^.+\.json\.([0-9a-f]{8})-(\d+)-[0-9a-f]{8}-\d+\.hmr-tmp$/;
// Version 0.1 named its temporary files `<file>.json.<pid>.<Date.now()>.tmp`.
const VERSION_0_1 = /^.+\.json\.\d+\.\d{13}\.tmp$/;

let counter = 0;
/** Temporary files this copy of the module is writing now: never an orphan. */
const writing = new Set<string>();

/**
 * A temporary path beside `target` that no other writer uses: host, pid, 32 random bits and a
 * per-process counter. The caller creates it exclusively (`wx`) and calls `release` when done.
 */
export function claimTemporaryPath(target: string): { path: string; release: () => void } {
  counter = (counter + 1) % Number.MAX_SAFE_INTEGER;
  const path = `${target}.${HOST}-${process.pid}-${randomBytes(4).toString('hex')}-${counter}${SUFFIX}`;
  writing.add(path);
  return { path, release: () => writing.delete(path) };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a temporary file left in the folder can be removed: one of ours (by name only; nothing
 * else in the folder is ever touched) whose writer is gone (a dead pid on this host, or this
 * process's pid from before it started) or which is older than {@link STALE_TEMPORARY_AGE_MS}.
 */
export function isOrphan(path: string, name: string, modifiedMs: number, now: number): boolean {
  const old = now - modifiedMs > STALE_TEMPORARY_AGE_MS;
  const match = OURS.exec(name);
  if (!match) return VERSION_0_1.test(name) && old;
  if (old) return true;
  const [, host, pidText] = match;
  if (host !== HOST) return false;
  const pid = Number(pidText);
  if (pid !== process.pid) return !isAlive(pid);
  // Our own pid: an earlier process that had the same pid (containers reuse low pids), unless
  // this process is writing it now.
  const startedAt = now - process.uptime() * 1000;
  return !writing.has(path) && modifiedMs < startedAt - 1000;
}

/**
 * Removes orphaned temporary files of this library from `directory` (best effort: a file that
 * vanished meanwhile, or a folder that does not exist yet, is not an error).
 *
 * @returns how many files were removed.
 */
export async function removeOrphans(directory: string, fs: FileSystem): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(directory);
  } catch {
    return 0;
  }
  let removed = 0;
  const now = Date.now();
  for (const name of names) {
    if (!name.endsWith(SUFFIX) && !name.endsWith('.tmp')) continue;
    const path = join(directory, name);
    try {
      const stats = await fs.stat(path);
      if (!stats.isFile() || !isOrphan(path, name, stats.mtimeMs, now)) continue;
      await fs.rm(path, { force: true });
      removed++;
    } catch {
      // Renamed or removed by its writer meanwhile.
    }
  }
  return removed;
}
