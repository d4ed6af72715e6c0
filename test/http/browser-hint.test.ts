// A fetch that fails with no HTTP answer in a browser says only "Failed to fetch" (Chrome),
// "NetworkError when attempting to fetch resource." (Firefox) or "Load failed" (Safari): no
// code, no cause. The ConnectionError names the host and says that this is often CORS (in its message).
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/api.js';
import {
  type ConnectionError,
  isConnectionError,
  ModelReferenceManager,
  type OriginAttempt,
} from '../../src/index.js';

const PRIMARY = 'https://models.example.test/api';

async function failure(promise: Promise<unknown>): Promise<ConnectionError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isConnectionError(error)) throw new Error(`expected a ConnectionError, got ${error}`);
  return error;
}

describe('a failed fetch in a browser', () => {
  it.each(['Failed to fetch', 'NetworkError when attempting to fetch resource.', 'Load failed'])(
    '"%s": could not reach the host, often CORS',
    async (message) => {
      const api = createApiClient({
        baseUrl: PRIMARY,
        retry: 0,
        fetch: () => Promise.reject(new TypeError(message)),
      });
      const error = await failure(api.heartbeat());
      expect(error.reason).toMatch(/^could not reach \S*models\.example\.test/);
      expect(error.message).toMatch(/CORS: the server must allow this page’s origin/);
    },
  );

  it('a manager whose origins all fail that way says so per origin', async () => {
    const refs = new ModelReferenceManager({
      primaryUrl: PRIMARY,
      github: false,
      retry: 0,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    try {
      const error = await refs.getCategory('clip').then(
        () => null,
        (caught: unknown) => caught as { attempts?: OriginAttempt[] },
      );
      // Origins on a host that just failed are skipped without a request (no cause).
      const causes = (error?.attempts ?? []).flatMap((a) =>
        a.outcome === 'failed' ? [a.cause] : [],
      );
      expect(causes.length).toBeGreaterThan(0);
      for (const cause of causes) {
        expect(isConnectionError(cause)).toBe(true);
        expect((cause as ConnectionError).message).toMatch(/CORS/);
      }
    } finally {
      await refs.close();
    }
  });

  it('a connection refused by a real server is not called CORS outside a browser', async () => {
    // A closed loopback port (fetch itself refuses 9 and other well-known ones). In Node the cause
    // says refused; in a browser the fetch fails with no detail, and the hint is what helps.
    const api = createApiClient({ baseUrl: 'http://127.0.0.1:65534/api', retry: 0 });
    const error = await failure(api.heartbeat());
    expect(error.message).toContain('127.0.0.1');
    if (typeof window === 'undefined') {
      expect(error.reason).toMatch(/refused/);
      expect(error.message).not.toMatch(/CORS/);
    } else expect(error.message).toMatch(/CORS/);
  });
});
