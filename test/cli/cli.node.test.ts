import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { type StandInServer, startStandInServer } from '../../src/node.js';
import { createStandInPrimary } from '../../src/testing.js';

let server: StandInServer;
let cacheDir: string;

beforeAll(async () => {
  server = await startStandInServer(createStandInPrimary);
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  server.standIn.setFault('primary', 'ok');
  server.standIn.setFault('github', 'ok');
  cacheDir = await mkdtemp(join(tmpdir(), 'hmr-cli-'));
  return () => rm(cacheDir, { recursive: true, force: true, maxRetries: 5 });
});

/** Runs the CLI in-process against the stand-in, capturing its output. */
async function cli(...argv: string[]) {
  return cliWith({ isTTY: false }, ...argv);
}

async function cliWith(terminal: { isTTY: boolean }, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(
    [
      ...argv,
      '--primary-url',
      server.primaryUrl,
      '--github-raw-url',
      server.githubRawUrl,
      '--cache-dir',
      cacheDir,
      '--timeout-ms',
      '500',
    ],
    {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      isTTY: terminal.isTTY,
      env: {},
    },
  );
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

describe('commands', () => {
  it('categories: a table for people, JSON for machines', async () => {
    const human = await cli('categories');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^category\s+records\s+origin\s+stale$/m);
    expect(human.stdout).toMatch(/^image_generation\s+8\s+v2\s+no$/m);
    const machine = await cli('categories', '--json');
    const rows = machine.json() as { category: string; records: number; origin: string }[];
    expect(rows).toHaveLength(15);
    expect(rows.find((r) => r.category === 'text_generation')).toMatchObject({ origin: 'v2' });
  });

  it('get: a category as a table, one model as JSON', async () => {
    const list = await cli('get', 'image_generation');
    expect(list.stdout).toMatch(/^AlbedoBase XL \(SDXL\)\s+stable_diffusion_xl\s+no\s+6\.9 GB$/m);
    const one = await cli('get', 'image_generation', 'Ghibli Style');
    expect(one.json()).toMatchObject({ name: 'Ghibli Style', baseline: 'stable_diffusion_1' });
    const missing = await cli('get', 'image_generation', 'Nope');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Nope.*image_generation|image_generation.*Nope/);
  });

  it('search: filters, sort and paging as the server', async () => {
    const page = await cli(
      'search',
      'image_generation',
      '--baseline',
      'stable_diffusion_xl',
      '--no-nsfw',
      '--sort-by',
      'name',
      '--json',
    );
    expect(page.code).toBe(0);
    expect(page.json()).toMatchObject({ total: 1, results: [{ name: 'AlbedoBase XL (SDXL)' }] });
    const human = await cli('search', 'image_generation', '--nsfw', '--limit', '2');
    expect(human.stdout).toMatch(/^1-2 of 3$/m);
  });

  it('stats: the statistics, as text and JSON', async () => {
    expect((await cli('stats', 'image_generation')).stdout).toMatch(
      /image_generation: 8 models \(3 NSFW, 5 SFW\)/,
    );
    expect((await cli('stats', 'image_generation', '--json')).json()).toMatchObject({
      total_models: 8,
      nsfw_count: 3,
    });
  });

  it('status: shows the fallback to GitHub when the PRIMARY is down', async () => {
    server.standIn.setFault('primary', 'refuse');
    const status = await cli('status', '--json');
    expect(status.code).toBe(0);
    const report = status.json() as { categories: Record<string, { origin: string }> };
    expect(report.categories.image_generation?.origin).toBe('github');
    const human = await cli('status');
    expect(human.stdout).toMatch(/^image_generation\s+github\s+8/m);
  });
});

describe('progress', () => {
  it('shows loading progress on stderr in a terminal, and nothing otherwise', async () => {
    const terminal = await cliWith({ isTTY: true }, 'categories', '--json');
    expect(terminal.stderr).toMatch(/Loading 0\/15 categories[\s\S]*Loading 15\/15 categories/);
    expect(JSON.parse(terminal.stdout)).toHaveLength(15);
    expect((await cli('categories', '--json')).stderr).toBe('');
  });
});

describe('the pending channel', () => {
  it('--api-key adds the pending (beta) channel as a search source, the key sent to the PRIMARY', async () => {
    const albedo = { name: 'Beta Model', baseline: 'flux_1', nsfw: false };
    server.standIn.data.setPending('image_generation', { 'Beta Model': albedo });
    const page = await cli(
      'search',
      'image_generation',
      '--source',
      'pending,horde',
      '--baseline',
      'flux_1',
      '--json',
      '--api-key',
      'k-123',
    );
    expect((page.json() as { results: { name: string }[] }).results.map((r) => r.name)).toContain(
      'Beta Model',
    );
    const pending = server.standIn.requests.filter((r) => r.family === 'pending');
    expect(pending.at(-1)?.headers.apikey).toBe('k-123');
    const without = await cli('search', 'image_generation', '--source', 'pending');
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/no provider is registered under "pending"/);
  });
});

describe('offline and snapshots', () => {
  it('--offline serves what an earlier run cached, and fails clearly with nothing cached', async () => {
    const empty = await cli('get', 'clip', '--offline');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/No source could provide category clip/);
    await cli('get', 'clip');
    server.standIn.setFault('primary', 'refuse');
    server.standIn.setFault('github', 'refuse');
    const offline = await cli('get', 'clip', '--offline', '--json');
    expect(offline.code).toBe(0);
    expect(Object.keys(offline.json())).toEqual(['ViT-L/14', 'coca_ViT-L-14']);
  });

  it('snapshot export then import into a fresh cache lets --offline work', async () => {
    const file = join(cacheDir, 'snapshot.json');
    expect((await cli('snapshot', 'export', file)).code).toBe(0);
    const exported = JSON.parse(await readFile(file, 'utf8')) as { categories: unknown[] };
    expect(exported.categories.length).toBeGreaterThanOrEqual(10);
    const fresh = await mkdtemp(join(tmpdir(), 'hmr-cli-import-'));
    const previous = cacheDir;
    cacheDir = fresh;
    try {
      expect((await cli('snapshot', 'import', file)).code).toBe(0);
      const offline = await cli('get', 'image_generation', 'Ghibli Style', '--offline');
      expect(offline.json()).toMatchObject({ name: 'Ghibli Style' });
      const bad = await cli('snapshot', 'import', join(previous, 'missing.json'));
      expect(bad.code).toBe(1);
    } finally {
      cacheDir = previous;
      await rm(fresh, { recursive: true, force: true });
    }
  });
});

describe('usage errors exit with 2 and say what is allowed', () => {
  it.each([
    [['frobnicate'], /unknown command "frobnicate"; commands: categories, get, search/],
    [['get', 'imagegen'], /imagegen.*image_generation/s],
    [['get'], /needs a category/],
    [['search', 'clip', '--limit', '900'], /limit/],
    [['search', 'clip', '--baseline', 'x'], /baseline: does not apply to clip/],
    [['categories', '--bogus'], /Unknown option '--bogus'/],
    [['categories', '--nsfw'], /applies to the search command only/],
    [['search', 'clip', '--nsfw', '--no-nsfw'], /contradict/],
    [['snapshot', 'frob'], /usage: snapshot export/],
  ])('%j', async (argv, message) => {
    const result = await cli(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('--help and --version', async () => {
    expect((await cli('--help')).stdout).toMatch(/Usage: horde-model-reference <command>/);
    expect((await cli('--version')).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('the bin', () => {
  it('runs as a process and exits with the right code', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(
      'npx',
      [
        'tsx',
        'src/cli.ts',
        'categories',
        '--json',
        '--primary-url',
        server.primaryUrl,
        '--github-raw-url',
        server.githubRawUrl,
        '--cache-dir',
        cacheDir,
      ],
      { cwd: join(import.meta.dirname, '../..') },
    );
    expect((JSON.parse(stdout) as unknown[]).length).toBe(15);
    await expect(
      run('npx', ['tsx', 'src/cli.ts', 'nope'], { cwd: join(import.meta.dirname, '../..') }),
    ).rejects.toMatchObject({ code: 2 });
  });
});
