import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testRecord } from '../downloads/records.js';
import {
  type FileServer,
  generatedBytes,
  sha256Of,
  startFileServer,
} from '../helpers/file-server.js';
import { until, useStandInCli } from './run-cli.js';

const t = useStandInCli();
let files: FileServer;
let root: string;
const MB = 1_000_000;

beforeAll(async () => {
  files = await startFileServer();
});
afterAll(async () => {
  await files.close();
});
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hmr-cli-dl-'));
  files.requests.length = 0;
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  for (const name of ['Local A', 'Local B', 'Local C', 'Evil\u001b[2J', 'Gated'])
    t.server.standIn.data.delete('image_generation', name);
});

/** Adds a model to the stand-in PRIMARY whose one file the local file server serves. */
function publish(name: string, size: number, options: { auth?: string; createdAt?: number } = {}) {
  const bytes = generatedBytes(size, size + name.length);
  const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
  files.serve(`/${slug}`, bytes, options.auth ? { auth: options.auth } : {});
  const record = testRecord(
    name,
    [{ name: `${slug}.safetensors`, url: files.url(`/${slug}`), sha256: sha256Of(bytes) }],
    { size, ...(options.createdAt !== undefined ? { createdAt: options.createdAt } : {}) },
  );
  t.server.standIn.data.create('image_generation', {
    ...(record as unknown as Record<string, unknown>),
    name,
    baseline: 'stable_diffusion_xl',
    nsfw: false,
  });
  return { bytes, slug, path: join(root, 'compvis', `${slug}.safetensors`) };
}

describe('plan', () => {
  it('plans the selected models under a budget: the largest does not fit; JSON has every list', async () => {
    publish('Local A', 2 * MB);
    publish('Local B', 5 * MB);
    publish('Local C', 1 * MB);
    const { code, json } = await t.cli(
      'plan',
      'image_generation',
      '--name-contains',
      'local',
      '--root',
      root,
      '--budget',
      '4M',
      '--json',
    );
    expect(code).toBe(0);
    const plan = json() as {
      download: { name: string }[];
      doesNotFit: { name: string; reason: string; missingBytes: number }[];
      budgetBytes: number;
    };
    expect(plan.budgetBytes).toBe(4 * MB);
    expect(plan.download.map((m) => m.name)).toEqual(['Local A', 'Local C']);
    expect(plan.doesNotFit).toMatchObject([
      { name: 'Local B', reason: 'budget', missingBytes: 3 * MB },
    ]);
  });

  it('prints the plan for people, names escaped; --order newest --top 1 picks the newest', async () => {
    publish('Local A', 1000, { createdAt: 100 });
    publish('Local B', 1000, { createdAt: 200 });
    publish('Evil\u001b[2J', 1000, { createdAt: 50 });
    const { code, stdout } = await t.cli(
      'plan',
      'image_generation',
      '--name-contains',
      'l',
      '--root',
      root,
      '--order',
      'newest',
      '--top',
      '3',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^To download: 3 models, 3.0 KB to fetch$/m);
    expect(stdout.indexOf('Local B')).toBeLessThan(stdout.indexOf('Local A'));
    expect(stdout).toContain('Evil\\x1b[2J');
    expect(stdout).not.toContain('\u001b');
    const top = await t.cli(
      'plan',
      'image_generation',
      'Local A',
      'Local B',
      '--root',
      root,
      '--order',
      'newest',
      '--top',
      '1',
      '--json',
    );
    expect((top.json() as { download: { name: string }[] }).download.map((m) => m.name)).toEqual([
      'Local B',
    ]);
  });

  it('usage errors exit 2 and say what is allowed', async () => {
    const cases: [string[], RegExp][] = [
      [['--budget', '12 parsecs'], /--budget expects a size such as 200G/],
      [['--order', 'random'], /--order expects catalogue, newest or usage/],
      [['--order', 'usage'], /--order usage needs --usage/],
      [['--concurrency', '0'], /--concurrency expects a whole number from 1 to 64/],
      [['--token', 'nohost'], /--token expects <host>=<token>/],
    ];
    for (const [extra, message] of cases) {
      const { code, stderr } = await t.cli('plan', 'image_generation', '--root', root, ...extra);
      expect(code, extra.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
    }
    const noRoot = await t.cli('plan', 'image_generation');
    expect(noRoot).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--root <dir>.*AIWORKER_CACHE_HOME/),
    });
    const unknown = await t.cli('plan', 'image_generation', 'No Such Model', '--root', root);
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringMatching(/not found/) });
    const bad = await t.cli('download', 'clip', '--root', root, '--nsfw', '--budget', '1G');
    expect(bad.code).toBe(2);
  });

  it('--quick trusts what is on disk without hashing it', async () => {
    const { slug } = publish('Local A', 1000);
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(root, 'compvis'), { recursive: true });
    // Right size, wrong bytes: only a hash can tell.
    await writeFile(join(root, 'compvis', `${slug}.safetensors`), Buffer.alloc(1000));
    const quick = await t.cli('plan', 'image_generation', 'Local A', '--root', root, '--quick');
    expect(quick.stdout).toMatch(/Local A +1\.0 KB +not checked \(--quick\)/);
    const hashed = await t.cli('plan', 'image_generation', 'Local A', '--root', root, '--json');
    expect(hashed.json()).toMatchObject({
      download: [{ name: 'Local A', files: [{ status: 'wrong-hash' }] }],
    });
  });

  it('takes several roots and finds files on any of them; AIWORKER_CACHE_HOME stands in for --root', async () => {
    const { bytes, slug } = publish('Local A', 1000);
    const second = await mkdtemp(join(tmpdir(), 'hmr-cli-dl2-'));
    try {
      const { mkdir } = await import('node:fs/promises');
      await mkdir(join(second, 'compvis'), { recursive: true });
      await writeFile(join(second, 'compvis', `${slug}.safetensors`), bytes);
      const { json } = await t.cli(
        'plan',
        'image_generation',
        'Local A',
        '--root',
        `${root},${second}`,
        '--json',
      );
      expect(json()).toMatchObject({
        roots: [root, second],
        present: [{ name: 'Local A' }],
        download: [],
      });
      const viaEnv = await t.start(
        { env: { AIWORKER_CACHE_HOME: second } },
        'plan',
        'image_generation',
        'Local A',
        '--json',
      ).done;
      expect(viaEnv.json()).toMatchObject({ roots: [second], present: [{ name: 'Local A' }] });
    } finally {
      await rm(second, { recursive: true, force: true });
    }
  });
});

describe('download', () => {
  it('downloads with plain lines when not a terminal, verifies, and a second run has nothing to do', async () => {
    const a = publish('Local A', 300_000);
    const b = publish('Local B', 200_000);
    const { code, stdout, stderr } = await t.cli(
      'download',
      'image_generation',
      'Local A',
      'Local B',
      '--root',
      root,
    );
    expect(code).toBe(0);
    expect(stderr).toMatch(/^start +compvis\/local-a\.safetensors \(Local A\)$/m);
    expect(stderr).toMatch(/^downloaded +compvis\/local-b\.safetensors +200\.0 KB$/m);
    expect(stderr).not.toContain('\u001b[');
    expect(stdout).toMatch(/^2 downloaded: 500\.0 KB fetched in /);
    expect((await readFile(a.path)).equals(a.bytes)).toBe(true);
    expect((await readFile(b.path)).equals(b.bytes)).toBe(true);
    const again = await t.cli('download', 'image_generation', 'Local A', 'Local B', '--root', root);
    expect(again.stdout).toMatch(/^2 present: 0 B fetched/);
  });

  it('--json: one object per event, then the report', async () => {
    publish('Local A', 100_000);
    const { code, stdout } = await t.cli(
      'download',
      'image_generation',
      'Local A',
      '--root',
      root,
      '--json',
    );
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string });
    expect(lines[0]?.type).toBe('start');
    expect(lines.at(-2)).toMatchObject({
      type: 'done',
      result: { status: 'downloaded', verified: true },
    });
    expect(lines.at(-1)).toMatchObject({ type: 'report', ok: true, counts: { downloaded: 1 } });
  });

  it('on a terminal: a line per file in flight and the totals with an ETA, cleared at the end', async () => {
    publish('Local A', 2 * MB);
    files.fault('/local-a', { kind: 'slow', bytes: 64 * 1024, everyMs: 20 });
    const { code, stderr } = await t.start(
      { isTTY: true },
      'download',
      'image_generation',
      'Local A',
      '--root',
      root,
    ).done;
    expect(code).toBe(0);
    expect(stderr).toMatch(/Local A: local-a\.safetensors +\[#*\.*\] +\d+%/);
    expect(stderr).toMatch(/0\/1 files +[\d.]+ [KM]B \/ 2\.0 MB +[\d.]+ [KM]?B\/s +ETA \d+s/);
    expect(stderr).toMatch(/downloaded +compvis\/local-a\.safetensors +2\.0 MB/);
    // Redraws move the cursor up and clear below; the last one leaves nothing behind.
    expect(stderr).toContain('\u001b[J');
    expect(stderr.endsWith('\u001b[J')).toBe(true);
  });

  it('a failed file exits 1 and names it; the token goes to its host only and is never printed', async () => {
    publish('Gated', 1000, { auth: 'Bearer hunter2' });
    const denied = await t.cli('download', 'image_generation', 'Gated', '--root', root);
    expect(denied.code).toBe(1);
    expect(denied.stdout).toMatch(/Failed:\n +failed +compvis\/gated\.safetensors .*HTTP 401/);
    const host = new URL(files.origin).host;
    const allowed = await t.cli(
      'download',
      'image_generation',
      'Gated',
      '--root',
      root,
      '--token',
      `${host}=hunter2`,
    );
    expect(allowed.code).toBe(0);
    expect(`${allowed.stdout}${allowed.stderr}`).not.toContain('hunter2');
    expect(files.seen('/gated').at(-1)?.headers.authorization).toBe('Bearer hunter2');
  });

  it('--debug shows each file request (URL, status), never its token', async () => {
    publish('Gated', 1000, { auth: 'Bearer hunter2' });
    const host = new URL(files.origin).host;
    const run = await t.cli(
      'download',
      'image_generation',
      'Gated',
      '--root',
      root,
      '--token',
      `${host}=hunter2`,
      '--debug',
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      new RegExp(
        `^debug \\+\\d+ms download GET ${files.url('/gated')} → HTTP 200 in \\d+ ms$`,
        'm',
      ),
    );
    expect(run.stderr).toMatch(/^debug \+\d+ms v2 GET \S+\/v2\/image_generation → HTTP 200/m);
    expect(`${run.stdout}${run.stderr}`).not.toContain('hunter2');
  });

  it('Ctrl-C exits 130 keeping the .part; the same command resumes it', async () => {
    const a = publish('Local A', 3 * MB);
    files.fault('/local-a', { kind: 'slow', bytes: 64 * 1024, everyMs: 10 }, 1);
    const stop = new AbortController();
    const run = t.start(
      { signal: stop.signal },
      'download',
      'image_generation',
      'Local A',
      '--root',
      root,
    );
    const part = `${a.path}.part`;
    await until(() => run.stderr().includes('start'));
    for (let i = 0; i < 500 && ((await stat(part).catch(() => null))?.size ?? 0) < 1_100_000; i++)
      await new Promise((r) => setTimeout(r, 10));
    stop.abort(new DOMException('Stopped by SIGINT', 'AbortError'));
    const { code, stdout } = await run.done;
    expect(code).toBe(130);
    expect(stdout).toMatch(/Interrupted: the \.part files are kept/);
    expect(await readdir(join(root, 'compvis'))).toContain('local-a.safetensors.part');
    const again = await t.cli('download', 'image_generation', 'Local A', '--root', root);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(
      /^resumed +compvis\/local-a\.safetensors +3\.0 MB \([\d.]+ MB resumed\)$/m,
    );
    expect((await readFile(a.path)).equals(a.bytes)).toBe(true);
  });
});
