import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDashboard } from '../../examples/dashboard/serve.js';
import { type StandInServer, startStandInServer } from '../../src/node.js';
import { createStandInPrimary, FIXTURE_V2, type StandInPrimary } from '../../src/testing.js';

const ROOT = join(import.meta.dirname, '../..');
let server: StandInServer<StandInPrimary>;

beforeAll(async () => {
  server = await startStandInServer(createStandInPrimary);
});
afterAll(async () => {
  await server.close();
});

// A clean environment: what a user's shell would have, not the test runner's own variables.
const env = () => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  HORDE_PRIMARY_URL: server.primaryUrl,
  HORDE_GITHUB_RAW_URL: server.githubRawUrl,
});

/** Starts an example and collects its output; `until` waits for a line. */
function start(script: string, extra: Record<string, string>) {
  // Node itself with tsx's loader: SIGTERM goes straight to the example's own handler, with no
  // wrapper process (npx, the tsx binary) to relay it.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...env(), ...extra },
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const until = async (pattern: RegExp) => {
    for (let i = 0; i < 600 && !pattern.test(output); i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(output).toMatch(pattern);
  };
  const stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return { until, stop, output: () => output };
}

describe('examples', () => {
  it('script.ts prints the SFW SDXL models with their download size', async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'examples/script.ts'], {
      cwd: ROOT,
      env: env(),
    });
    expect(stdout).toMatch(/^AlbedoBase XL \(SDXL\)\s+6\.94 GB {2}1 file\(s\)$/m);
    expect(stdout).toMatch(/^1 SFW SDXL models, 6\.94 GB in all$/m);
  });

  it('worker.ts persists, watches, says what to re-download, and restarts from its folder offline', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'hmr-worker-'));
    try {
      const online = start('examples/worker.ts', { HORDE_CACHE_DIR: cache, HORDE_WATCH_MS: '200' });
      await online.until(/started with 2 models \(from v2\)/);
      await online.until(/watching for changes/);
      const albedo = FIXTURE_V2.image_generation['AlbedoBase XL (SDXL)'] as {
        name: string;
        config: { download: object[] };
      };
      const [file] = albedo.config.download;
      server.standIn.data.update('image_generation', {
        ...albedo,
        config: { download: [{ ...file, sha256sum: 'ab'.repeat(32) }] },
      });
      await online.until(/download: AlbedoBase XL \(SDXL\)/);
      await online.stop();
      expect(online.output()).toMatch(/stopped/);

      server.standIn.setFault('primary', 'refuse');
      server.standIn.setFault('github', 'refuse');
      const offline = start('examples/worker.ts', {
        HORDE_CACHE_DIR: cache,
        HORDE_WATCH_MS: '100000',
      });
      await offline.until(/started with 2 models \(from the cache folder\)/);
      await offline.stop();
    } finally {
      server.standIn.setFault('primary', 'ok');
      server.standIn.setFault('github', 'ok');
      await rm(cache, { recursive: true, force: true });
    }
  });

  it('the dashboard searches in headless Chromium (screenshot in test-results/)', async () => {
    const dashboard = await serveDashboard();
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage();
      await page.goto(dashboard.url);
      await page.waitForFunction('document.body.dataset.ready === "true"', undefined, {
        polling: 50,
      });
      expect(await page.locator('#status').textContent()).toBe('5 models · from v2');
      await page.locator('#search').fill('xl');
      await page.waitForFunction(
        'document.querySelectorAll("#results tr").length === 1',
        undefined,
        { polling: 50 },
      );
      expect(await page.locator('#results td.name').allTextContents()).toEqual([
        'AlbedoBase XL (SDXL)',
      ]);
      await page.locator('#search').fill('');
      await page.locator('#baseline').selectOption('stable_diffusion_xl');
      await page.locator('#sfw').uncheck();
      await page.waitForFunction(
        'document.querySelectorAll("#results tr").length === 3',
        undefined,
        { polling: 50 },
      );
      expect(await page.locator('#results td.name').allTextContents()).toEqual([
        'AlbedoBase XL (SDXL)',
        'Juggernaut Lightning',
        'Pony Grimdark',
      ]);
      await mkdir(join(ROOT, 'test-results'), { recursive: true });
      await page.screenshot({ path: join(ROOT, 'test-results/dashboard.png'), fullPage: true });
    } finally {
      await browser.close();
      await dashboard.close();
    }
  });
});
