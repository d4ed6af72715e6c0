// Promises: never hang (the deadline covers headers and the whole body), never take unbounded
// memory (a size limit counted on the decoded bytes), never leak the key into a message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, isMalformedResponseError, isTimeoutError } from '../../src/api.js';
import { type ManagerEvents, ModelReferenceManager } from '../../src/index.js';
import { type StandInServer, startStandInServer } from '../../src/node.js';
import { createStandInPrimary, FIXTURE_V2, type StandInPrimary } from '../../src/testing.js';
import {
  brotliBomb,
  gzipBomb,
  type HostileServer,
  type Hostility,
  startHostileServer,
} from '../helpers/hostile-server.js';

let github: StandInServer<StandInPrimary>;
let primary: HostileServer;
const CLIP = JSON.stringify(FIXTURE_V2.clip);

beforeAll(async () => {
  github = await startStandInServer(createStandInPrimary);
  primary = await startHostileServer({ kind: 'json', body: CLIP });
});
afterAll(async () => {
  await primary.close();
  await github.close();
});

const manager = (options: Record<string, unknown> = {}) =>
  new ModelReferenceManager({
    primaryUrl: primary.primaryUrl,
    github: { rawBaseUrl: github.githubRawUrl },
    retry: 0,
    timeoutMs: 400,
    ...options,
  });

describe('the deadline covers the whole answer', () => {
  it.each([
    ['headers and half the body, then a stall', { kind: 'stall-half', body: CLIP }],
    ['a body trickling one byte every 100 ms', { kind: 'trickle', everyMs: 100 }],
  ] as const)(
    '%s: a timeout of that origin, the chain goes on to GitHub',
    async (_label, hostility) => {
      primary.hostility = hostility;
      const refs = manager();
      const fallbacks: ManagerEvents['fallback'][] = [];
      refs.on('fallback', (event) => fallbacks.push(event));
      expect(Object.keys(await refs.getCategory('clip'))).toHaveLength(2);
      expect(refs.status().categories.clip?.origin).toBe('github');
      const v2 = fallbacks[0]?.attempts.find((a) => a.origin === 'v2');
      expect(isTimeoutError(v2?.cause)).toBe(true);
      expect(v2?.reason).toMatch(/stalled past 400 ms/);
      await refs.close();
    },
  );

  it('the API client times out on a trickling body too', async () => {
    primary.hostility = { kind: 'trickle', everyMs: 100 };
    const api = createApiClient({ baseUrl: primary.primaryUrl, timeoutMs: 300, retry: 0 });
    const error = await api.v2.getCategory('clip').catch((e: unknown) => e);
    expect(isTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ phase: 'body', timeoutMs: 300 });
  });

  it('refresh() after a stall: the stuck request ends, and the recovered server is read', async () => {
    primary.hostility = { kind: 'stall-half', body: CLIP };
    const refs = manager({ github: false, circuitBreaker: { coolDownMs: 1 } });
    await expect(refs.refresh('clip')).rejects.toThrow(/stalled/);
    primary.hostility = { kind: 'json', body: CLIP };
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(Object.keys(await refs.refresh('clip'))).toHaveLength(2);
    expect(refs.status().categories.clip?.origin).toBe('v2');
    await refs.close();
  });

  it('watch() keeps its rhythm while the metadata answer stalls', async () => {
    primary.hostility = { kind: 'json', body: CLIP };
    const refs = manager({ github: false });
    await refs.getCategory('clip');
    primary.hostility = { kind: 'stall-half', body: '{"last_updated": 1}' };
    const before = primary.seen;
    const stop = refs.watch({ intervalMs: 150 });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    stop();
    // Each check ends at the deadline (400 ms) and the next one follows: several polls, not one.
    expect(primary.seen - before).toBeGreaterThanOrEqual(2);
    await refs.close();
  });
});

describe('the size of an answer is bounded', () => {
  // Made before any measurement, so only the client's buffering is measured.
  const bombs = { gzip: gzipBomb(2 ** 30), br: brotliBomb(2 ** 27) };
  const used = () => {
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return heapUsed + arrayBuffers;
  };
  const cases: [string, () => Hostility][] = [
    ['a 200 MB body', () => ({ kind: 'huge', bytes: 200 * 2 ** 20 })],
    ['a body that never ends', () => ({ kind: 'endless' })],
    [
      'a gzip bomb (1 MiB sent, 1 GiB inflated)',
      () => ({ kind: 'encoded', encoding: 'gzip', body: bombs.gzip }),
    ],
    [
      'a brotli bomb (a few KB sent, 128 MiB inflated)',
      () => ({ kind: 'encoded', encoding: 'br', body: bombs.br }),
    ],
  ];
  it.each(cases)(
    '%s fails that origin with a typed reason, and memory stays bounded',
    async (_l, hostility) => {
      primary.hostility = hostility();
      const refs = manager({ maxResponseBytes: 4 * 2 ** 20, timeoutMs: 10_000 });
      const fallbacks: ManagerEvents['fallback'][] = [];
      refs.on('fallback', (event) => fallbacks.push(event));
      const before = used();
      expect(Object.keys(await refs.getCategory('clip'))).toHaveLength(2);
      const v2 = fallbacks[0]?.attempts.find((a) => a.origin === 'v2');
      expect(isMalformedResponseError(v2?.cause)).toBe(true);
      expect(v2?.reason).toMatch(/over the 4194304-byte limit \(maxResponseBytes\)/);
      // Far below the answer's size: the read stopped at the limit instead of buffering it all.
      expect(used() - before).toBeLessThan(64 * 2 ** 20);
      await refs.close();
    },
  );
});

describe('secrets', () => {
  it('a server that echoes the API key: the key is not in the error, its message or status()', async () => {
    primary.hostility = { kind: 'echo-key' };
    const key = 'SECRET-KEY-5f3c9e';
    const api = createApiClient({ baseUrl: primary.primaryUrl, apiKey: key, retry: 0 });
    const error = await api.user.roles().catch((e: unknown) => e);
    expect(String((error as Error).message)).not.toContain(key);
    expect(JSON.stringify(error)).not.toContain(key);
    expect(JSON.stringify((error as { body?: unknown }).body)).not.toContain(key);
    const refs = manager({ apiKey: key, github: false });
    const failure = await refs.getCategory('clip').catch((e: unknown) => e);
    expect(String((failure as Error).message)).not.toContain(key);
    expect(JSON.stringify(refs.status())).not.toContain(key);
    await refs.close();
  });
});
