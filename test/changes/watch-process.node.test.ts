// In a real Node process: a watch keeps the process alive until it is stopped or the manager is
// closed, and `unref: true` lets the process exit while only the watch is left.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SCRIPT = join(import.meta.dirname, 'fixtures/watch-script.ts');

/** Starts the script in Node with tsx's loader (no wrapper process between us and it). */
function start(mode: 'unref' | 'stop' | 'close') {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SCRIPT, mode], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const until = async (text: string) => {
    for (let i = 0; i < 800 && !output.includes(text); i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(output).toContain(text);
  };
  return { child, exited, until, output: () => output };
}

/** Resolves with the exit, or `null` if the process is still running after `ms`. */
const exitWithin = <T>(exited: Promise<T>, ms: number) =>
  Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), ms))]);

describe('watch() and the process', () => {
  it('with unref: true, the process exits by itself', async () => {
    const run = start('unref');
    await run.until('watching');
    expect(await exitWithin(run.exited, 20_000)).toEqual({ code: 0, signal: null });
  }, 30_000);

  it.each(['stop', 'close'] as const)(
    'by default it keeps the process alive until %s, then the process exits by itself',
    async (mode) => {
      const run = start(mode);
      try {
        await run.until('watching');
        // An idle process with nothing holding it would be gone well within this.
        expect(await exitWithin(run.exited, 1_500)).toBeNull();
        run.child.kill('SIGUSR2');
        await run.until('stopping');
        expect(await exitWithin(run.exited, 20_000)).toEqual({ code: 0, signal: null });
      } finally {
        run.child.kill('SIGKILL');
      }
    },
    30_000,
  );
});
