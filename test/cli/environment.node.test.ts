import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { until, useStandInCli } from './run-cli.js';

const t = useStandInCli();
const KEY = 'env-key-7f3a';

/** The stand-in's URLs and a key, given only through the environment. */
const env = () => ({
  HORDE_PRIMARY_URL: t.server.primaryUrl,
  HORDE_GITHUB_RAW_URL: t.server.githubRawUrl,
  HORDE_API_KEY: KEY,
});

/** Runs with no --primary-url / --github-raw-url: only the cache folder is a flag. */
const run = (environment: Record<string, string>, ...argv: string[]) =>
  t.start(
    { standIn: false, env: environment },
    ...argv,
    '--cache-dir',
    t.cacheDir,
    '--timeout-ms',
    '2000',
  ).done;

const primaryRequests = () =>
  t.requests().filter((r) => r.family !== 'github' && r.family !== 'other');

describe('HORDE_PRIMARY_URL, HORDE_GITHUB_RAW_URL and HORDE_API_KEY', () => {
  it.each([
    [['categories']],
    [['get', 'clip']],
    [['get', 'image_generation', 'Ghibli Style']],
    [['search', 'clip', '--source', 'pending,horde']],
    [['stats', 'clip']],
    [['status']],
    [['snapshot', 'export']],
    [['plan', 'image_generation', '--budget', '1']],
    [['download', 'image_generation', 'Ghibli Style', '--budget', '1']],
  ])('every command reads them: %j', async (argv) => {
    const root = await mkdtemp(join(tmpdir(), 'hmr-cli-env-'));
    try {
      const withRoot = argv[0] === 'plan' || argv[0] === 'download' ? ['--root', root] : [];
      const result = await run(env(), ...argv, ...withRoot);
      expect(result.stderr).not.toMatch(/error|could not/i);
      expect(result.code).toBe(0);
      // Every request went to the stand-in, each to the PRIMARY with the key from the environment.
      const seen = primaryRequests();
      expect(seen.length).toBeGreaterThan(0);
      for (const request of seen) expect(request.headers.apikey).toBe(KEY);
      // The key is a secret: never on any output.
      expect(result.stdout + result.stderr).not.toContain(KEY);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('watch reads them too', async () => {
    const stop = new AbortController();
    const watch = t.start(
      { standIn: false, env: env(), signal: stop.signal },
      'watch',
      '--interval',
      '0.1',
      '--cache-dir',
      t.cacheDir,
    );
    await until(() => watch.stderr().includes('Watching for changes'));
    await until(() => primaryRequests().some((r) => r.family === 'metadata'));
    stop.abort(new DOMException('Stopped by SIGINT', 'AbortError'));
    expect((await watch.done).code).toBe(0);
    for (const request of primaryRequests()) expect(request.headers.apikey).toBe(KEY);
  });

  it('HORDE_GITHUB_RAW_URL is where the fallback goes when the PRIMARY is down', async () => {
    t.server.standIn.setFault('primary', 'refuse');
    const result = await run(env(), 'get', 'clip', '--json');
    expect(result.code).toBe(0);
    expect(Object.keys(result.json() as object)).toEqual(['ViT-L/14', 'coca_ViT-L-14']);
    expect(result.stderr).toMatch(/note: clip came from github/);
    const github = t.requests().filter((r) => r.family === 'github');
    expect(github.length).toBeGreaterThan(0);
    // The key goes to the PRIMARY only, never to GitHub.
    for (const request of github) expect(request.headers.apikey).toBeUndefined();
  });

  it('a flag wins over its variable', async () => {
    const wrong = {
      HORDE_PRIMARY_URL: 'http://127.0.0.1:9/api',
      HORDE_GITHUB_RAW_URL: 'http://127.0.0.1:9',
      HORDE_API_KEY: 'wrong-key',
    };
    const result = await run(
      wrong,
      'get',
      'clip',
      '--primary-url',
      t.server.primaryUrl,
      '--github-raw-url',
      t.server.githubRawUrl,
      '--api-key',
      KEY,
      '--json',
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(primaryRequests().map((r) => r.headers.apikey)).toEqual([KEY]);
    expect(t.requests()).toHaveLength(1);
  });

  it('an empty variable is no variable; a malformed one is a usage error naming it', async () => {
    const empty = await run({ ...env(), HORDE_API_KEY: '' }, 'get', 'clip');
    expect(empty.code).toBe(0);
    expect(primaryRequests().every((r) => r.headers.apikey === undefined)).toBe(true);
    const asked = t.requests().length;
    const bad = await run({ HORDE_PRIMARY_URL: 'models.aihorde.net' }, 'status');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /\$HORDE_PRIMARY_URL expects an http\(s\) URL, got "models\.aihorde\.net"/,
    );
    const github = await run({ HORDE_GITHUB_RAW_URL: 'ftp://mirror' }, 'status');
    expect(github.code).toBe(2);
    expect(github.stderr).toMatch(/\$HORDE_GITHUB_RAW_URL expects an http\(s\) URL/);
    // Refused before any request.
    expect(t.requests()).toHaveLength(asked);
  });

  it('--help says so, in the overview and for each command', async () => {
    for (const argv of [['--help'], ['get', '--help'], ['download', '--help']]) {
      const help = await t.start({ standIn: false }, ...argv).done;
      expect(help.stdout).toMatch(
        /^Environment \(a flag on the command line wins over its variable\):$/m,
      );
      for (const name of [
        'HORDE_PRIMARY_URL',
        'HORDE_GITHUB_RAW_URL',
        'HORDE_API_KEY',
        'HORDE_MODEL_REFERENCE_DEBUG',
      ])
        expect(help.stdout).toMatch(new RegExp(`^  ${name}\\s+\\S`, 'm'));
      expect(help.stdout).toMatch(
        /--primary-url <url>\s+the PRIMARY, with \/api \(default \$HORDE_PRIMARY_URL/,
      );
    }
  });
});
