// Every public download function refuses an options object it cannot honour in full: a misspelt
// key must not run silently with the default (the manager and the API client do the same).
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isInvalidOptionsError } from '../../src/index.js';
import * as node from '../../src/node.js';
import { testRecord } from './records.js';

const record = testRecord('one', [
  { name: 'one.safetensors', url: 'http://127.0.0.1:9/one', sha256: 'ab'.repeat(32), size: 10 },
]);

let root: string;
const requests: string[] = [];
const fetchSpy = (async (input: RequestInfo | URL) => {
  requests.push(String(input));
  return new Response('x');
}) as typeof fetch;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hmr-options-'));
  requests.length = 0;
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The error `run` throws (or rejects with). */
async function failure(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('download options', () => {
  it.each([
    [
      'downloadModels',
      () => node.downloadModels([record], { root, fetch: fetchSpy, concurency: 4 } as never),
      'concurency',
      'concurrency',
    ],
    [
      'planDownloads',
      () => node.planDownloads([record], { root, budget: 10 } as never),
      'budget',
      'budgetBytes',
    ],
    [
      'verifyModelFiles',
      () => node.verifyModelFiles([record], { root, sidecar: false } as never),
      'sidecar',
      'sidecars',
    ],
    [
      'mirrorsFirst',
      () => node.mirrorsFirst({ mirror: ['https://m.example'] } as never),
      'mirror',
      'mirrors',
    ],
  ])(
    '%s names an unknown key and the valid ones, before touching disk or network',
    async (_, run, key, valid) => {
      const error = await failure(run);
      expect(isInvalidOptionsError(error)).toBe(true);
      expect(error).toMatchObject({ code: 'INVALID_OPTIONS', option: key });
      expect((error as Error).message).toMatch(/unknown option; valid options: /);
      expect((error as Error).message.split('valid options: ')[1]?.split(', ')).toContain(valid);
      expect(requests).toEqual([]);
      expect(await readdir(root)).toEqual([]);
    },
  );

  it('refuses options that are not an object', async () => {
    for (const run of [
      () => node.downloadModels([record], null as never),
      () => node.planDownloads([record], 'root' as never),
      () => node.verifyModelFiles([record], [root] as never),
      () => node.mirrorsFirst(null as never),
    ])
      expect(await failure(run)).toMatchObject({ code: 'INVALID_OPTIONS', option: 'options' });
  });
});
