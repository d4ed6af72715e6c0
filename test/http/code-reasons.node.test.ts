// The words for Node's error codes are a chunk loaded the first time a failed request has a code
// (src/http/node-error-reasons.ts). They are there before anyone is told of the failure (the hooks
// of the very first attempt too); a chunk that cannot load leaves the failure a ConnectionError,
// worded generically with its code. Each test starts from fresh modules: nothing loaded yet.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const BASE = 'https://primary.test/api';
const refused: typeof fetch = async () => {
  throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
};

beforeEach(() => {
  vi.resetModules();
  vi.doUnmock('../../src/http/node-error-reasons.js');
});

/** Calls a client whose every request is refused; what the call and the hooks were told. */
async function refusedCall() {
  const { createApiClient } = await import('../../src/api.js');
  const told: (Error | undefined)[] = [];
  const api = createApiClient({
    baseUrl: BASE,
    fetch: refused,
    retry: 0,
    hooks: { response: (info) => void told.push(info.error) },
  });
  const error = await api.replicateMode().catch((e: unknown) => e);
  return { error, told };
}

describe('a failed request with a Node error code', () => {
  it('is worded by its code, for the caller and for the first attempt’s hooks', async () => {
    const { error, told } = await refusedCall();
    expect(error).toMatchObject({
      name: 'ConnectionError',
      host: 'primary.test',
      reason: 'connection refused by primary.test',
    });
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ reason: 'connection refused by primary.test' });
  });

  it('is still a ConnectionError, worded with its code, when the words cannot load', async () => {
    vi.doMock('../../src/http/node-error-reasons.js', () => {
      throw new Error('chunk node-error-reasons failed to load');
    });
    const { error, told } = await refusedCall();
    const reason = 'connection to primary.test failed (ECONNREFUSED: fetch failed)';
    expect(error).toMatchObject({ name: 'ConnectionError', host: 'primary.test', reason });
    expect(told[0]).toMatchObject({ reason });
  });
});
