// The API key goes to the PRIMARY origin only, through the global fetch that msw/node intercepts:
// a redirect that would carry it to another origin is refused, not followed.
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionError, createApiClient } from '../../src/api.js';

const PRIMARY = 'http://primary.test/api';
const ELSEWHERE = 'http://elsewhere.test';

const seen: { origin: string; path: string; apikey: string | null }[] = [];
const record = (request: Request) => {
  const url = new URL(request.url);
  seen.push({ origin: url.origin, path: url.pathname, apikey: request.headers.get('apikey') });
};
const heartbeat = { status: 'ok', ai_horde: { degraded: false, consecutive_failures: 0 } };

const server = setupServer(
  http.get(`${PRIMARY}/heartbeat`, ({ request }) => {
    record(request);
    return HttpResponse.json(heartbeat);
  }),
  http.get(`${PRIMARY}/replicate_mode`, ({ request }) => {
    record(request);
    return new HttpResponse(null, { status: 307, headers: { location: `${ELSEWHERE}/steal` } });
  }),
  http.get(`${ELSEWHERE}/*`, ({ request }) => {
    record(request);
    return HttpResponse.json({ replicate_mode: 'PRIMARY', canonical_format: 'v2', writable: true });
  }),
);

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  seen.length = 0;
});

describe('the API key', () => {
  it('is sent to the PRIMARY origin', async () => {
    const api = createApiClient({ baseUrl: PRIMARY, apiKey: 'secret-key', retry: 0 });
    await api.heartbeat();
    expect(seen).toEqual([
      { origin: 'http://primary.test', path: '/api/heartbeat', apikey: 'secret-key' },
    ]);
  });

  it('never follows a redirect to another origin', async () => {
    const api = createApiClient({ baseUrl: PRIMARY, apiKey: 'secret-key', retry: 0 });
    const error = await api.replicateMode().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/redirect, which is refused.*never follow redirects/);
    expect((error as Error).message).not.toContain('secret-key');
    expect(seen.map((s) => s.origin)).toEqual(['http://primary.test']);
  });

  it('without a key, a redirect is followed (nothing to leak)', async () => {
    const api = createApiClient({ baseUrl: PRIMARY, retry: 0 });
    expect((await api.replicateMode()).replicate_mode).toBe('PRIMARY');
    expect(seen).toEqual([
      { origin: 'http://primary.test', path: '/api/replicate_mode', apikey: null },
      { origin: ELSEWHERE, path: '/steal', apikey: null },
    ]);
  });
});
