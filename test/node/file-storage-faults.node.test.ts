// Item 6 of issue 14: a full disk, no permission, a read-only file system or a directory in the
// file's place reject with a StorageError carrying the errno and the key, and leave the old file
// intact; orphaned temporary files are removed at start, and nothing else in the folder is.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { isModelReferenceError, isStorageError, type StorageError } from '../../src/index.js';
import { createFileStorage } from '../../src/node/file-storage.js';
import { fileStorage } from '../../src/node.js';
import { setup } from '../helpers/manager.js';

const directories: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'hmr-faults-'));
  directories.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(directories.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});

const KEY = 'horde-model-reference:clip';
const FILE = 'horde-model-reference_clip.json';

function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code, errno: -1, syscall: 'write' });
}

async function rejection(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(isStorageError(error)).toBe(true);
  expect(isModelReferenceError(error)).toBe(true);
  return error as StorageError;
}

const leftovers = async (dir: string) => (await fs.readdir(dir)).filter((name) => name !== FILE);

describe('fileStorage when the disk fails', () => {
  // A full disk: the temporary file gets half the data, then the write fails, as it does on a
  // real file system; permission and read-only failures come when the file is opened.
  const faults: [string, (path: string, data: string) => Promise<void>][] = [
    [
      'ENOSPC',
      async (path, data) => {
        await fs.writeFile(path, data.slice(0, data.length / 2), { flag: 'wx' });
        throw systemError('ENOSPC');
      },
    ],
    [
      'EACCES',
      async () => {
        throw systemError('EACCES');
      },
    ],
    [
      'EROFS',
      async () => {
        throw systemError('EROFS');
      },
    ],
  ];
  for (const [code, failingWrite] of faults) {
    it(`${code}: the write rejects with a StorageError naming the key and ${code}, the old file survives, no temporary file is left`, async () => {
      const dir = await tempDir();
      await fileStorage(dir).set(KEY, '{"old":true}');
      const storage = createFileStorage(dir, {
        ...fs,
        writeFile: ((path: string, data: string) =>
          failingWrite(path, data)) as typeof fs.writeFile,
      });
      const error = await rejection(storage.set(KEY, JSON.stringify({ new: 'x'.repeat(10_000) })));
      expect(error).toMatchObject({
        code: 'STORAGE_FAILED',
        operation: 'set',
        key: KEY,
        errno: code,
      });
      expect(error.message).toContain(KEY);
      expect(error.message).toContain(code);
      expect(error.message).toContain('unchanged');
      expect(await storage.get(KEY)).toBe('{"old":true}');
      expect(await leftovers(dir)).toEqual([]);
    });
  }

  it('a failing rename (ENOSPC on the directory entry) also keeps the old file and removes the temporary one', async () => {
    const dir = await tempDir();
    await fileStorage(dir).set(KEY, 'old');
    const storage = createFileStorage(dir, {
      ...fs,
      rename: (async () => {
        throw systemError('ENOSPC');
      }) as typeof fs.rename,
    });
    const error = await rejection(storage.set(KEY, 'new'));
    expect(error).toMatchObject({ operation: 'set', key: KEY, errno: 'ENOSPC' });
    expect(await storage.get(KEY)).toBe('old');
    expect(await leftovers(dir)).toEqual([]);
  });

  it('a directory in place of the file: get, set and delete reject with EISDIR and the key; the directory is left alone', async () => {
    const dir = await tempDir();
    await fs.mkdir(join(dir, FILE));
    await fs.writeFile(join(dir, FILE, 'inside'), 'kept');
    const storage = fileStorage(dir);
    expect(await rejection(storage.get(KEY))).toMatchObject({
      operation: 'get',
      key: KEY,
      errno: 'EISDIR',
    });
    const write = await rejection(storage.set(KEY, '{"new":true}'));
    expect(write).toMatchObject({ operation: 'set', key: KEY });
    expect(['EISDIR', 'ENOTEMPTY', 'EEXIST']).toContain(write.errno);
    expect((await rejection(storage.delete(KEY))).operation).toBe('delete');
    expect(await fs.readFile(join(dir, FILE, 'inside'), 'utf8')).toBe('kept');
    expect(await leftovers(dir)).toEqual([]);
  });

  it('a FIFO in place of the file: get rejects at once with ENOTREG (never blocks), the next write replaces it', async () => {
    const dir = await tempDir();
    await promisify(execFile)('mkfifo', [join(dir, FILE)]);
    const storage = fileStorage(dir);
    const error = await rejection(storage.get(KEY));
    expect(error).toMatchObject({ operation: 'get', key: KEY, errno: 'ENOTREG' });
    await storage.set(KEY, 'a real file now');
    expect(await storage.get(KEY)).toBe('a real file now');
  });

  it('a folder path that is a file: the write rejects with the key and the errno, and works once the path is a folder', async () => {
    const dir = await tempDir();
    const folder = join(dir, 'cache');
    await fs.writeFile(folder, 'not a folder');
    const storage = fileStorage(folder);
    const error = await rejection(storage.set(KEY, 'v'));
    expect(error.key).toBe(KEY);
    expect(['EEXIST', 'ENOTDIR']).toContain(error.errno);
    await fs.rm(folder);
    await storage.set(KEY, 'v');
    expect(await storage.get(KEY)).toBe('v');
  });

  it('the manager reports a storage that cannot write as an error event carrying the key and errno, and keeps serving', async () => {
    const dir = await tempDir();
    await fs.mkdir(join(dir, 'horde-model-reference_image_generation.json'));
    const { refs } = setup({ storage: fileStorage(dir) });
    const errors: unknown[] = [];
    refs.on('error', ({ error }) => errors.push(error));
    expect(Object.keys(await refs.getCategory('image_generation')).length).toBeGreaterThan(0);
    await refs.close();
    const write = errors.find((e) => isStorageError(e) && e.operation === 'set');
    expect(write).toMatchObject({ key: 'horde-model-reference:image_generation' });
  });
});

describe('fileStorage removes orphaned temporary files at start', () => {
  const host = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
  const temp = (h: string, pid: number, n: number) => `${FILE}.${h}-${pid}-0123abcd-${n}.hmr-tmp`;

  it('removes ours when their writer is gone or they are older than ten minutes, and touches nothing else', async () => {
    const dir = await tempDir();
    const exited = await promisify(execFile)(process.execPath, ['-p', 'process.pid']);
    const deadPid = Number(exited.stdout.trim());
    const alivePid = process.ppid;
    const elevenMinutesAgo = new Date(Date.now() - 11 * 60_000);
    const beforeThisProcess = new Date(Date.now() - process.uptime() * 1000 - 60_000);
    const files: Record<string, { removed: boolean; mtime?: Date }> = {
      [FILE]: { removed: false },
      'notes.tmp': { removed: false, mtime: elevenMinutesAgo },
      [`${FILE}.tmp`]: { removed: false, mtime: elevenMinutesAgo },
      'other.hmr-tmp': { removed: false, mtime: elevenMinutesAgo },
      [temp(host, deadPid, 1)]: { removed: true },
      [temp(host, alivePid, 2)]: { removed: false },
      [temp(host, alivePid, 3)]: { removed: true, mtime: elevenMinutesAgo },
      [temp('ffffffff', deadPid, 4)]: { removed: false },
      [temp('ffffffff', deadPid, 5)]: { removed: true, mtime: elevenMinutesAgo },
      [temp(host, process.pid, 6)]: { removed: true, mtime: beforeThisProcess },
      [temp(host, process.pid, 7)]: { removed: false },
      [`${FILE}.123.1700000000000.tmp`]: { removed: true, mtime: elevenMinutesAgo },
      [`${FILE}.123.${Date.now()}.tmp`]: { removed: false },
    };
    for (const [name, { mtime }] of Object.entries(files)) {
      await fs.writeFile(join(dir, name), 'x');
      if (mtime) await fs.utimes(join(dir, name), mtime, mtime);
    }
    await fs.mkdir(join(dir, temp(host, deadPid, 8)));
    await fileStorage(dir).get(KEY);
    const kept = Object.keys(files).filter((name) => !files[name]?.removed);
    expect((await fs.readdir(dir)).sort()).toEqual([...kept, temp(host, deadPid, 8)].sort());
  });
});
