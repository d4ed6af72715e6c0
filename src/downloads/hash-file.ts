import { createHash, type Hash } from 'node:crypto';
import type { DownloadFileSystem } from './file-system.js';
import { nodeFileSystem } from './file-system.js';

const CHUNK = 4 * 1024 * 1024;

/** Options of {@link hashFileInto}. */
export interface HashFileOptions {
  /** Stop after this many bytes. @default the whole file */
  readonly length?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Called with the bytes hashed so far, after each chunk. */
  readonly onBytes?: ((bytes: number) => void) | undefined;
  readonly fileSystem?: DownloadFileSystem | undefined;
}

/**
 * Feeds the first `length` bytes of a file (all of it by default) into `hash`, reading the next
 * chunk while the current one is hashed, so the disk and the CPU work at the same time. Returns
 * the bytes hashed.
 *
 * @throws the abort reason when `signal` aborts; file-system errors as they come.
 */
export async function hashFileInto(
  hash: Hash,
  path: string,
  options: HashFileOptions = {},
): Promise<number> {
  const { signal, onBytes } = options;
  const handle = await (options.fileSystem ?? nodeFileSystem).open(path, 'r');
  try {
    const limit = options.length ?? Number.POSITIVE_INFINITY;
    const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
    let position = 0;
    const read = (index: number) => {
      const length = Math.min(CHUNK, limit - position);
      if (length <= 0) return Promise.resolve(0);
      const at = position;
      position += length;
      return handle.read(buffers[index] as Buffer, 0, length, at).then((r) => r.bytesRead);
    };
    let index = 0;
    let pending = read(index);
    let total = 0;
    for (;;) {
      const bytes = await pending;
      signal?.throwIfAborted();
      if (bytes === 0) break;
      const current = buffers[index] as Buffer;
      index = 1 - index;
      // A read past the end returns 0 bytes, which ends the loop.
      pending = read(index);
      hash.update(current.subarray(0, bytes));
      total += bytes;
      onBytes?.(total);
    }
    return total;
  } finally {
    await handle.close();
  }
}

/**
 * The lower-case hex sha256 of a file, streamed (4 MiB at a time, whatever the file's size).
 *
 * @example
 * ```ts
 * const digest = await sha256File('/models/compvis/model.safetensors');
 * ```
 * @throws the abort reason when `signal` aborts; file-system errors (ENOENT, EACCES, ...).
 */
export async function sha256File(
  path: string,
  options: Omit<HashFileOptions, 'length'> = {},
): Promise<string> {
  const hash = createHash('sha256');
  await hashFileInto(hash, path, options);
  return hash.digest('hex');
}
