// Every client method under every documented error status: a typed ApiError with the server's
// detail (a text/plain 500 included), no key in the message, and the role/REPLICA hints.
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { API_ROUTES, ChangeSetConflictError, createApiClient } from '../../src/api.js';
import { ApiError, ModelNotFoundError } from '../../src/index.js';
import { mswFetch } from '../helpers/msw-fetch.js';
import { BASE, CASES } from './cases/index.js';

describe('every method, every error status', () => {
  const STATUSES = [400, 401, 403, 404, 409, 422, 500, 502, 503] as const;
  const answer = (status: number) =>
    status === 500
      ? new HttpResponse('Internal Server Error', {
          status,
          headers: { 'content-type': 'text/plain' },
        })
      : status === 422
        ? HttpResponse.json(
            { detail: [{ loc: ['query', 'x'], msg: 'bad', type: 'value_error' }] },
            { status },
          )
        : HttpResponse.json({ detail: `failed with ${status}` }, { status });

  it.each(CASES.map((c) => [c.route, c] as const))('%s', async (route, c) => {
    for (const status of STATUSES) {
      const handler = http.all(`${BASE}/*`, () => answer(status));
      const api = createApiClient({
        baseUrl: BASE,
        apiKey: 'secret-key',
        fetch: mswFetch([handler]),
        retry: 0,
      });
      const outcome = await c.call(api).then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
      if (route === 'v2.popular' && status >= 500) {
        // The one route where a server failure is an answer: "no popularity data right now".
        expect(outcome).toEqual({ value: expect.objectContaining({ available: false }) });
        continue;
      }
      if (route === 'v2.getModel' && status === 404) {
        expect((outcome as { error: Error }).error).toBeInstanceOf(ModelNotFoundError);
        continue;
      }
      if (route.endsWith('.submitChangeSet') && status === 409) {
        // A stale expected_before: its own typed error, carrying the server's detail.
        const { error } = outcome as { error: ChangeSetConflictError };
        expect(error).toBeInstanceOf(ChangeSetConflictError);
        expect(error.detail).toBe('failed with 409');
        continue;
      }
      const { error } = outcome as { error: ApiError };
      expect(error, `${route} ${status}`).toBeInstanceOf(ApiError);
      expect(error.status).toBe(status);
      expect(error.detail).toBe(
        status === 500
          ? 'Internal Server Error'
          : status === 422
            ? 'query.x: bad'
            : `failed with ${status}`,
      );
      expect(error.message).not.toContain('secret-key');
      const registered = API_ROUTES[route];
      // The hints: which role is missing, and why a write is refused.
      if (status === 403 && registered?.role)
        expect(error.message).toContain(`lacks the ${registered.role} role`);
      if (status === 503 && registered?.write) expect(error.message).toMatch(/REPLICA/);
    }
  });
});
