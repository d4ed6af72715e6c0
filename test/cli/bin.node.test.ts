import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT, until, useStandInCli } from './run-cli.js';

const t = useStandInCli();
const run = promisify(execFile);

describe('the bin', () => {
  it('npx tsx src/cli.ts categories --json: JSON on stdout, exit 0', async () => {
    const { stdout, stderr } = await run(
      'npx',
      ['tsx', 'src/cli.ts', 'categories', '--json', ...t.where()],
      {
        cwd: ROOT,
      },
    );
    const rows = JSON.parse(stdout) as { category: string; origin: string }[];
    expect(rows).toHaveLength(15);
    expect(rows.every((r) => r.origin === 'v2')).toBe(true);
    // Not a terminal: no progress display.
    expect(stderr).not.toMatch(/Loading/);
  });

  it('exits 2 on a usage error and 1 when no source answers', async () => {
    await expect(run('npx', ['tsx', 'src/cli.ts', 'nope'], { cwd: ROOT })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unknown command "nope"/),
    });
    await expect(
      run('npx', ['tsx', 'src/cli.ts', 'get', 'clip', '--offline', '--cache-dir', t.cacheDir], {
        cwd: ROOT,
      }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/nothing is cached/) });
  });

  it('watch stays up, prints changes, and SIGINT stops it cleanly with exit 0', async () => {
    // tsx itself, not npx: a signal sent to npx may not reach the program.
    const child = spawn(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['src/cli.ts', 'watch', '--interval', '0.2', '--json', ...t.where()],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await until(() => stderr.includes('Watching for changes'), 15_000);
      // Still running well after the first checks: the process does not end by itself.
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(child.exitCode).toBeNull();
      t.server.standIn.data.create('clip', { name: 'ViT-B-32', description: 'new' });
      await until(() => stdout.includes('ViT-B-32'));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
    expect(JSON.parse(stdout.trim().split('\n')[0] ?? '')).toMatchObject({
      category: 'clip',
      added: ['ViT-B-32'],
    });
    const offline = await t.cli('get', 'clip', 'ViT-B-32', '--offline', '--json');
    expect(offline.json()).toMatchObject({ name: 'ViT-B-32' });
  }, 30_000);
});
