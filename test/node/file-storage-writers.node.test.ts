// Item 6 of issue 14: two writers of one folder (in one process, or two processes), and writers
// killed with SIGKILL mid-write, never leave a broken or mixed file, and never leave orphaned
// temporary files behind once the folder is used again.
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileStorage } from '../../src/node.js';

const WRITER = join(import.meta.dirname, '../helpers/storage-writer.ts');
const directories: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hmr-writers-'));
  directories.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(directories.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A writer process: Node itself with tsx's loader, so SIGKILL hits the writer, not a wrapper. */
function startWriter(args: (string | number)[]): {
  child: ChildProcess;
  messages: string[];
  next: (pattern: RegExp) => Promise<string>;
  exited: Promise<unknown>;
} {
  const child = fork(WRITER, args.map(String), {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const messages: string[] = [];
  const waiters: (() => void)[] = [];
  child.on('message', (message) => {
    messages.push(String(message));
    for (const wake of waiters.splice(0)) wake();
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const next = async (pattern: RegExp): Promise<string> => {
    for (;;) {
      const found = messages.find((m) => pattern.test(m));
      if (found) return found;
      const more = new Promise<void>((resolve) => waiters.push(resolve));
      if ((await Promise.race([more.then(() => 'message'), exited.then(() => 'exit')])) === 'exit')
        return messages.find((m) => pattern.test(m)) ?? `exited after ${messages.join(', ')}`;
    }
  };
  return { child, messages, next, exited };
}

/** The value must be one writer's complete value: JSON, padding of that writer's letter only. */
function expectOneWriter(text: string | null | undefined, size: number, writers: string[]): void {
  if (text === null || text === undefined) return;
  const value = JSON.parse(text) as { writer: string; i: number; pad: string };
  expect(writers).toContain(value.writer);
  expect(value.pad).toBe(value.writer.repeat(size));
}

const temporaryFiles = async (dir: string) =>
  (await readdir(dir)).filter((name) => name !== 'k.json');

describe('fileStorage with several writers', () => {
  it('two storages in one process writing one key at once: every write succeeds, the file is always one complete value', async () => {
    const dir = await tempDir();
    const first = fileStorage(dir);
    const second = fileStorage(dir);
    const size = 100_000;
    const reads: (string | null | undefined)[] = [];
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 40; i++) {
      writes.push(first.set('k', JSON.stringify({ writer: 'A', i, pad: 'A'.repeat(size) })));
      writes.push(second.set('k', JSON.stringify({ writer: 'B', i, pad: 'B'.repeat(size) })));
      reads.push(await first.get('k'));
    }
    const outcomes = await Promise.allSettled(writes);
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    for (const text of [...reads, await second.get('k')]) expectOneWriter(text, size, ['A', 'B']);
    expect(await second.get('k')).not.toBeNull();
    expect(await temporaryFiles(dir)).toEqual([]);
  });

  it('two processes writing one key at once: never invalid JSON, never a mixed file, never ENOENT on rename', async () => {
    const dir = await tempDir();
    const size = 300_000;
    const writers = ['A', 'B'].map((letter) => startWriter([dir, 'k', letter, 60, size]));
    const reader = fileStorage(dir);
    let reads = 0;
    let running = true;
    void Promise.all(writers.map((w) => w.exited)).then(() => {
      running = false;
    });
    while (running) {
      expectOneWriter(await reader.get('k'), size, ['A', 'B']);
      reads++;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    for (const writer of writers) expect(await writer.next(/^(done|failed)/)).toBe('done');
    expect(reads).toBeGreaterThan(0);
    expectOneWriter(await reader.get('k'), size, ['A', 'B']);
    expect(await temporaryFiles(dir)).toEqual([]);
  });

  it('writers killed with SIGKILL mid-write: the file stays one complete value, and a restart removes every orphaned temporary file', async () => {
    const dir = await tempDir();
    const size = 5_000_000;
    const kills = 12;
    let orphansSeen = 0;
    // Three at a time, each killed during one of its 5 MB writes.
    for (let round = 0; round < kills / 3; round++) {
      await Promise.all(
        [0, 1, 2].map(async (slot) => {
          const letter = String.fromCharCode(65 + round * 3 + slot);
          const writer = startWriter([dir, 'k', letter, 1_000, size]);
          await writer.next(/^writing/);
          // Kill it while its temporary file exists: in the middle of a write.
          const mine = `-${writer.child.pid}-`;
          for (let i = 0; i < 2_000; i++) {
            if ((await readdir(dir)).some((name) => name.includes(mine))) break;
            await new Promise((resolve) => setTimeout(resolve, 2));
          }
          writer.child.kill('SIGKILL');
          await writer.exited;
        }),
      );
      orphansSeen = Math.max(orphansSeen, (await temporaryFiles(dir)).length);
      // Read the file itself: a new storage would already clean the folder up.
      const stored = await readFile(join(dir, 'k.json'), 'utf8').catch(() => null);
      expectOneWriter(stored, size, [...'ABCDEFGHIJKL']);
    }
    // The kills left partial temporary files (otherwise this test proves nothing)...
    expect(orphansSeen).toBeGreaterThan(0);
    // ...the first use of a storage on the folder (a restart) removes all of them...
    const restarted = fileStorage(dir);
    expectOneWriter(await restarted.get('k'), size, [...'ABCDEFGHIJKL']);
    expect(await temporaryFiles(dir)).toEqual([]);
    // ...and the folder keeps working.
    await restarted.set('k', JSON.stringify({ writer: 'Z', i: 0, pad: 'Z'.repeat(size) }));
    expectOneWriter(await restarted.get('k'), size, ['Z']);
  }, 60_000);
});
