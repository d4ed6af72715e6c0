import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storageKey } from '../../src/cache/snapshot.js';
import { debugLog, debugManagerOptions, redactUrl } from '../../src/cli/debug-log.js';
import { ModelReferenceManager } from '../../src/manager/model-reference-manager.js';
import { useStandInCli } from './run-cli.js';

const t = useStandInCli();
const KEY = 'secret-key-9c1d';
const debugLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('debug +'));

describe('--debug and HORDE_MODEL_REFERENCE_DEBUG', () => {
  it('each request with what it is for, its URL, status and time; the key never shown', async () => {
    const result = await t.start(
      { env: { HORDE_MODEL_REFERENCE_DEBUG: '1', HORDE_API_KEY: KEY } },
      'get',
      'clip',
      '--json',
    ).done;
    expect(result.code).toBe(0);
    expect(Object.keys(result.json() as object)).toEqual(['ViT-L/14', 'coca_ViT-L-14']);
    const url = `${t.server.primaryUrl}/model_references/v2/clip`;
    const lines = debugLines(result.stderr);
    expect(lines).toContainEqual(
      expect.stringMatching(/^debug \+\d+ms get with cache folder .*hmr-cli-/),
    );
    // Each request twice: when it starts (a hang shows), and how it ended.
    const asked = lines.map((line) => line.replace(/^debug \+\d+ms /, ''));
    expect(asked).toContain(`v2 GET ${url} …`);
    expect(asked).toContainEqual(
      expect.stringMatching(/^v2 GET \S+\/v2\/clip → HTTP 200 in \d+ ms$/),
    );
    // One request to it: its start and its end.
    expect(lines.filter((line) => line.includes(url))).toHaveLength(2);
    expect(result.stderr).not.toContain(KEY);
  });

  it('the fallback: the failed request, the next origin, and the fallback event', async () => {
    t.server.standIn.setFault('primary', 'refuse');
    const result = await t.cli('get', 'clip', '--debug');
    expect(result.code).toBe(0);
    const lines = debugLines(result.stderr);
    expect(lines).toContainEqual(
      expect.stringMatching(/ v2 GET \S+\/v2\/clip → failed after \d+ ms: /),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/ github GET \S+\/clip\.json → HTTP 200 in \d+ ms$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        / event fallback: clip served by github after v2 failed \(connection to \S+ closed unexpectedly\)/,
      ),
    );
  });

  it('the stale event', async () => {
    expect((await t.cli('categories')).code).toBe(0);
    t.server.standIn.setFault('primary', 'refuse');
    t.server.standIn.setFault('github', 'refuse');
    const result = await t.cli('get', 'clip', '--debug');
    expect(result.code).toBe(0);
    expect(debugLines(result.stderr)).toContainEqual(
      expect.stringMatching(/ event stale: clip last-known-good since \d{4}-\S+Z: v2 failed/),
    );
  });

  it('the error event: a cache write that fails', async () => {
    // A folder where the category's file goes: the write fails, the read is still served.
    const file = `${storageKey('clip').replace(/[^a-zA-Z0-9._-]/g, '_')}.json`;
    await mkdir(join(t.cacheDir, file));
    const result = await t.cli('get', 'clip', '--debug');
    expect(result.code).toBe(0);
    expect(debugLines(result.stderr)).toContainEqual(
      expect.stringMatching(/ event error \(clip, storage\): StorageError: /),
    );
  });

  it('off unless asked: no debug line; "0", "false", "off" and "" leave it off', async () => {
    for (const value of [undefined, '0', 'false', 'off', '']) {
      const env = value === undefined ? {} : { HORDE_MODEL_REFERENCE_DEBUG: value };
      const result = await t.start({ env }, 'get', 'clip', '--json').done;
      expect(result.stderr).toBe('');
    }
  });

  it('an invalid record: which, and why', async () => {
    t.server.standIn.setFault('v2', 'invalid-records');
    const result = await t.cli('get', 'clip', '--debug');
    expect(result.code).toBe(0);
    expect(debugLines(result.stderr)).toContainEqual(
      expect.stringMatching(/ event invalid-record: clip "ViT-L\/14" skipped: name /),
    );
  });
});

describe('the debug seam', () => {
  it('debugManagerOptions gives the manager request hooks: each attempt, its retry, the key never', async () => {
    const lines: string[] = [];
    const options = debugManagerOptions((line) => lines.push(line), {
      primaryUrl: t.server.primaryUrl,
      githubRawUrl: t.server.githubRawUrl,
    });
    expect(Object.keys(options)).toEqual(['hooks']);
    // v2 answers 503 (Retry-After 0): its retry is written between its attempts, then v1 answers.
    t.server.standIn.setFault('v2', 'server-error', { status: 503, retryAfter: 0 });
    const refs = new ModelReferenceManager({
      ...options,
      primaryUrl: t.server.primaryUrl,
      github: false,
      apiKey: KEY,
      retry: { limit: 1 },
    });
    try {
      expect(Object.keys(await refs.getCategory('clip'))).toContain('ViT-L/14');
    } finally {
      await refs.close();
    }
    const url = `${t.server.primaryUrl}/model_references/v2/clip`;
    expect(lines).toEqual([
      `v2 GET ${url} …`,
      expect.stringMatching(/^v2 GET \S+\/v2\/clip → HTTP 503 in \d+ ms$/),
      expect.stringMatching(
        /^retrying v2 GET \S+\/v2\/clip \(attempt 2\) in \d+ ms, after HTTP 503$/,
      ),
      `v2 GET ${url} (attempt 2) …`,
      expect.stringMatching(/^v2 GET \S+\/v2\/clip \(attempt 2\) → HTTP 503 in \d+ ms$/),
      `v1 GET ${t.server.primaryUrl}/model_references/v1/clip …`,
      expect.stringMatching(/^v1 GET \S+\/v1\/clip → HTTP 200 in \d+ ms$/),
    ]);
    expect(lines.join('')).not.toContain(KEY);
  });

  it('debug lines are escaped: a control character from the data never reaches the terminal', () => {
    const written: string[] = [];
    const log = debugLog(
      { stdout: () => {}, stderr: (text) => written.push(text), isTTY: false, env: {} },
      Date.now(),
    );
    log('name evil\u001b]0;pwned\u0007\u009b2J');
    expect(written).toEqual([
      expect.stringMatching(/^debug \+\d+ms name evil\\x1b\]0;pwned\\x07\\x9b2J\n$/),
    ]);
  });

  it('redactUrl drops credentials and secret-looking query values', () => {
    expect(redactUrl('https://user:pass@host.example/x?token=abc&apikey=k&page=2')).toBe(
      'https://host.example/x?token=***&apikey=***&page=2',
    );
    expect(redactUrl('not a url')).toBe('(an unparsable URL)');
  });
});
