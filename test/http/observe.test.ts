// The `logger` option and the request hooks, on the manager and the API client alike (one
// transport): what each attempt and retry reports, what each read is for, that a failing hook
// never breaks a request, and that the options are checked.
import { describe, expect, it, vi } from 'vitest';
import {
  createApiClient,
  type HttpRequestInfo,
  type HttpResponseInfo,
  type HttpRetryInfo,
} from '../../src/api.js';
import {
  type HttpHooks,
  InvalidOptionsError,
  isConnectionError,
  type Logger,
  pendingProvider,
} from '../../src/index.js';
import { createStandInPrimary } from '../../src/testing.js';
import { setup } from '../helpers/manager.js';

/** A logger keeping every line with its level. */
function capture(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return {
    logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') },
    lines,
  };
}

/** Hooks keeping what they were called with. */
function recorder() {
  const seen = {
    request: [] as HttpRequestInfo[],
    response: [] as HttpResponseInfo[],
    retry: [] as HttpRetryInfo[],
  };
  const hooks: HttpHooks = {
    request: (info) => seen.request.push(info),
    response: (info) => seen.response.push(info),
    retry: (info) => seen.retry.push(info),
  };
  return { hooks, seen };
}

describe('request hooks', () => {
  it('report every attempt of a manager read with its origin, status, duration and attempt', async () => {
    const { hooks, seen } = recorder();
    const { refs, standIn } = setup({ hooks });
    await refs.getCategory('clip');
    expect(seen.request).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: `${standIn.primaryUrl}/model_references/v2/clip`,
        attempt: 1,
        origin: 'v2',
      }),
    ]);
    const [response] = seen.response;
    expect(response).toMatchObject({ status: 200, attempt: 1, origin: 'v2' });
    expect(response?.durationMs).toBeGreaterThanOrEqual(0);
    expect(response?.error).toBeUndefined();
    expect(seen.retry).toEqual([]);
  });

  it('report retries and the origins of a fallback: v2 twice (503, retried), then github', async () => {
    const { hooks, seen } = recorder();
    const { refs, standIn } = setup({ hooks, chain: ['v2', 'github'] });
    standIn.setFault('v2', 'server-error', { status: 503 });
    await refs.getCategory('clip');
    expect(seen.response.map((r) => [r.origin, r.attempt, r.status])).toEqual([
      ['v2', 1, 503],
      ['v2', 2, 503],
      ['github', 1, 200],
    ]);
    expect(seen.retry).toEqual([
      expect.objectContaining({ origin: 'v2', attempt: 2, status: 503, method: 'GET' }),
    ]);
    expect(seen.retry[0]?.delayMs).toBeGreaterThanOrEqual(0);
    // Each attempt is announced before it is sent.
    expect(seen.request.map((r) => [r.origin, r.attempt])).toEqual([
      ['v2', 1],
      ['v2', 2],
      ['github', 1],
    ]);
  });

  it('report an attempt with no answer: status null and the typed failure', async () => {
    const { hooks, seen } = recorder();
    const { refs, standIn } = setup({ hooks, chain: ['v2', 'github'] });
    standIn.setFault('v2', 'refuse');
    await refs.getCategory('clip');
    const failed = seen.response.find((r) => r.origin === 'v2');
    expect(failed?.status).toBeNull();
    expect(isConnectionError(failed?.error)).toBe(true);
  });

  it("report a pending provider's requests with its id", async () => {
    const { hooks, seen } = recorder();
    const { refs } = setup({ hooks });
    refs.registerProvider(pendingProvider({ apiKey: 'reader-key', id: 'beta' }));
    await refs.getCategory('clip', { source: ['beta', 'horde'] });
    expect(seen.response.map((r) => [r.origin, r.status]).sort()).toEqual([
      ['beta', 200],
      ['v2', 200],
    ]);
  });

  it("report the API client's route (method and path template)", async () => {
    const standIn = createStandInPrimary();
    const { hooks, seen } = recorder();
    const api = createApiClient({ baseUrl: standIn.primaryUrl, fetch: standIn.fetch, hooks });
    await api.v2.getCategory('clip');
    await api.heartbeat();
    expect(seen.response.map((r) => [r.route, r.status])).toEqual([
      ['GET /model_references/v2/{category}', 200],
      ['GET /heartbeat', 200],
    ]);
    expect(seen.response[0]?.origin).toBeUndefined();
  });

  it.each([
    [
      'throws',
      () => {
        throw new Error('boom');
      },
    ],
    [
      'rejects',
      async () => {
        throw new Error('boom');
      },
    ],
  ])(
    'a hook that %s never breaks a manager read; it is an error event and an error line',
    async (_, hook) => {
      const { logger, lines } = capture();
      const { refs } = setup({ logger, hooks: { request: hook, response: hook } });
      const errors: string[] = [];
      refs.on('error', ({ error }) => void errors.push(error.message));
      const records = await refs.getCategory('clip');
      expect(Object.keys(records)).toHaveLength(2);
      // A rejection is reported a tick later; the logger's lines once its chunk has loaded.
      await vi.waitFor(() =>
        expect(lines.filter((l) => l.startsWith('error '))).toEqual([
          'error [horde-model-reference] the request hook failed: boom',
          'error [horde-model-reference] the response hook failed: boom',
        ]),
      );
      expect(errors).toEqual(['the request hook failed: boom', 'the response hook failed: boom']);
    },
  );

  it('a hook that throws never breaks an API client call; the logger warns', async () => {
    const standIn = createStandInPrimary();
    const { logger, lines } = capture();
    const api = createApiClient({
      baseUrl: standIn.primaryUrl,
      fetch: standIn.fetch,
      logger,
      hooks: {
        response: () => {
          throw new TypeError('metrics down');
        },
      },
    });
    expect((await api.heartbeat()).status).toBeDefined();
    expect(lines).toContain('warn [horde-model-reference] the response hook failed: metrics down');
  });
});

describe('logger', () => {
  it('writes each attempt at debug and each retry at info', async () => {
    const { logger, lines } = capture();
    const { refs, standIn } = setup({ logger, chain: ['v2', 'github'] });
    standIn.setFault('v2', 'server-error', { status: 503 });
    await refs.getCategory('clip');
    const url = `${standIn.primaryUrl}/model_references/v2/clip`;
    const debug = lines.filter((l) => l.startsWith('debug '));
    expect(debug[0]).toMatch(
      new RegExp(
        `^debug \\[horde-model-reference\\] GET ${url} \\(v2, attempt 1\\) → 503 in \\d+ ms$`,
      ),
    );
    expect(debug[2]).toMatch(/GET .*clip.json \(github, attempt 1\) → 200 in \d+ ms$/);
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^info \\[horde-model-reference\\] retrying GET ${url} \\(v2, attempt 2\\) in \\d+ ms after 503$`,
        ),
      ),
    );
    // The fallback event, at info, with why v2 gave nothing.
    expect(lines).toContain(
      'info [horde-model-reference] clip served by github after v2 failed (HTTP 503)',
    );
  });

  it('writes a failed attempt with its reason in plain words', async () => {
    const { logger, lines } = capture();
    const { refs, standIn } = setup({ logger, chain: ['v2', 'github'] });
    standIn.setFault('v2', 'refuse');
    await refs.getCategory('clip');
    expect(lines[0]).toMatch(/^debug .*\(v2, attempt 1\) → failed: .+ in \d+ ms$/);
  });

  it('warns of stale data and of skipped records, saying what was expected and found', async () => {
    const { logger, lines } = capture();
    const { refs, standIn } = setup({ logger, ttlMs: 0, staleWhileRevalidate: false });
    standIn.setFault('v2', 'invalid-records');
    await refs.getCategory('clip');
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^warn \[horde-model-reference\] clip record ".+" skipped: name: expected string, got 42$/,
      ),
    );
    standIn.setFault('primary', 'server-error');
    standIn.setFault('github', 'server-error');
    await refs.getCategory('clip');
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^warn \[horde-model-reference\] clip served last-known-good data: No source could provide category clip/,
      ),
    );
  });

  it('takes console itself, and a logger with only some levels', async () => {
    const { refs } = setup({ logger: console, hooks: {} });
    await refs.close();
    const debugOnly: string[] = [];
    const { refs: other, standIn } = setup({ logger: { debug: (m) => void debugOnly.push(m) } });
    standIn.setFault('v2', 'server-error', { status: 503 });
    await other.getCategory('clip');
    expect(debugOnly.length).toBeGreaterThan(0);
  });

  it.each([
    [{ logger: 5 }, 'logger'],
    [{ logger: { debug: 'yes' } }, 'logger.debug'],
    [{ hooks: () => {} }, 'hooks'],
    [{ hooks: { response: 1 } }, 'hooks.response'],
    [{ hooks: { beforeRequest: () => {} } }, 'hooks.beforeRequest'],
  ])('refuses %j, naming %s', (options, path) => {
    for (const make of [() => setup(options as never), () => createApiClient(options as never)]) {
      let error: unknown;
      try {
        make();
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(InvalidOptionsError);
      expect((error as InvalidOptionsError).option).toBe(path);
    }
  });
});
