// Every option value the 0.2 re-cut found accepted (and failing later, or hanging) is refused at
// construction with an InvalidOptionsError that names the option's path, what was given and what
// is allowed. The same checks guard the API client's options and watch().
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/api.js';
import {
  type InvalidOptionsError,
  isInvalidOptionsError,
  ModelReferenceManager,
  pendingProvider,
} from '../../src/index.js';
import { createStandInPrimary } from '../../src/testing.js';

function rejection(construct: () => unknown): InvalidOptionsError {
  let caught: unknown;
  try {
    construct();
  } catch (error) {
    caught = error;
  }
  expect(isInvalidOptionsError(caught)).toBe(true);
  return caught as InvalidOptionsError;
}

const manager = (options: unknown) => () =>
  new ModelReferenceManager(options as ConstructorParameters<typeof ModelReferenceManager>[0]);

const circular: Record<string, unknown> = {};
circular.self = circular;

describe('manager options that cannot work are refused at construction', () => {
  it.each([
    ['retry: -5', { retry: -5 }, 'retry', /integer from 0 to 10, got -5/],
    ['retry: "abc"', { retry: 'abc' }, 'retry', /expected an object, got "abc"/],
    ['retry: { limit: 1e9 }', { retry: { limit: 1e9 } }, 'retry.limit', /0 to 10, got 1000000000/],
    ['retry: { limits: 2 }', { retry: { limits: 2 } }, 'retry.limits', /valid options: limit/],
    [
      'circuitBreaker: { coolDownMs: Infinity }',
      { circuitBreaker: { coolDownMs: Number.POSITIVE_INFINITY } },
      'circuitBreaker.coolDownMs',
      /at most 2147483647\), got Infinity/,
    ],
    [
      'circuitBreaker: { failureThreshold: -1 }',
      { circuitBreaker: { failureThreshold: -1 } },
      'circuitBreaker.failureThreshold',
      /integer from 1 to 1000, got -1/,
    ],
    [
      'circuitBreaker: { maxCoolDownMs below coolDownMs }',
      { circuitBreaker: { coolDownMs: 10_000, maxCoolDownMs: 5_000 } },
      'circuitBreaker.maxCoolDownMs',
      />= 10000/,
    ],
    ['storage: {}', { storage: {} }, 'storage', /missing get, set, delete/],
    ['storage: 5', { storage: 5 }, 'storage', /expected an object, got 5/],
    [
      'snapshot: "garbage"',
      { snapshot: 'garbage' },
      'snapshot',
      /expected an object, got "garbage"/,
    ],
    [
      'snapshot: { categories: 5 }',
      { snapshot: { categories: 5 } },
      'snapshot.categories',
      /exportSnapshot\(\), got 5/,
    ],
    [
      'snapshot: { categories: [junk] }',
      { snapshot: { categories: [{ category: 'nope' }] } },
      'snapshot.categories[0]',
      /category snapshot/,
    ],
    ['fetch: "x"', { fetch: 'x' }, 'fetch', /expected a function, got "x"/],
    ['apiKey: 12345', { apiKey: 12345 }, 'apiKey', /non-empty string, got a number \(not shown\)/],
    ['sources: 5 (0.1 name)', { sources: 5 }, 'sources', /did you mean chain/],
    ['chain: 5', { chain: 5 }, 'chain', /list of origins, got 5/],
    ['primaryUrl: ""', { primaryUrl: '' }, 'primaryUrl', /absolute http\(s\) URL, got ""/],
    ['github: 5', { github: 5 }, 'github', /an object or false, got 5/],
    ['github: { owner: "../x" }', { github: { owner: '../x' } }, 'github.owner', /GitHub owner/],
    [
      'timeoutMs: 2**31',
      { timeoutMs: 2 ** 31 },
      'timeoutMs',
      /at most 2147483647\), got 2147483648/,
    ],
    ['timeoutMs: 1e300', { timeoutMs: 1e300 }, 'timeoutMs', /got 1e\+300/],
    ['ttlMs: NaN', { ttlMs: Number.NaN }, 'ttlMs', /got NaN/],
    [
      'staleWhileRevalidate: "yes"',
      { staleWhileRevalidate: 'yes' },
      'staleWhileRevalidate',
      /true or false/,
    ],
    ['maxResponseBytes: 10', { maxResponseBytes: 10 }, 'maxResponseBytes', /from 1024/],
    ['clientAgent with a newline', { clientAgent: 'me\nX-Evil: 1' }, 'clientAgent', /line break/],
    ['a circular option object', { retry: circular }, 'retry.self', /unknown option/],
  ])('%s', (_label, options, path, message) => {
    const error = rejection(manager(options));
    expect(error.option).toBe(path);
    expect(error.message).toMatch(message);
  });

  it('null and non-objects are refused, not a TypeError later', () => {
    expect(rejection(manager(null)).message).toMatch(/expected an object, got null/);
    expect(rejection(manager(5)).message).toMatch(/expected an object, got 5/);
    expect(rejection(manager([])).message).toMatch(/expected an object, got an array/);
  });

  it('a key with a line break is refused without echoing the key', () => {
    const secret = 'SECRET-KEY-0123456789';
    for (const apiKey of [`${secret}\n`, `${secret}\r\n`, `${secret}\0`, ` ${secret}`]) {
      const error = rejection(manager({ apiKey }));
      expect(error.option).toBe('apiKey');
      expect(error.message).not.toContain(secret);
      expect(error.message).toMatch(/line break|NUL|white space/);
    }
  });

  it('the pending provider’s key is checked the same way, never echoed', () => {
    const error = rejection(() => pendingProvider({ apiKey: 'PENDING-SECRET-99\n' }));
    expect(error.option).toBe('apiKey');
    expect(error.message).not.toContain('PENDING-SECRET-99');
    expect(rejection(() => pendingProvider({} as never)).option).toBe('apiKey');
  });

  it('credentials in a URL are refused, and never echoed', () => {
    const error = rejection(manager({ primaryUrl: 'https://user:hunter2@models.example/api' }));
    expect(error.option).toBe('primaryUrl');
    expect(error.message).toMatch(/credentials/);
    expect(error.message).not.toContain('hunter2');
    const github = rejection(manager({ github: { rawBaseUrl: 'https://u:hunter2@raw.example' } }));
    expect(github.option).toBe('github.rawBaseUrl');
    expect(github.message).not.toContain('hunter2');
  });

  it('a valid configuration still constructs, and nothing runs until a read', () => {
    const standIn = createStandInPrimary();
    const refs = new ModelReferenceManager({
      primaryUrl: `${standIn.primaryUrl}/`,
      retry: { limit: 0 },
      circuitBreaker: { failureThreshold: 1, coolDownMs: 1, maxCoolDownMs: 1 },
      timeoutMs: 2 ** 31 - 1,
      fetch: standIn.fetch,
    });
    expect(refs).toBeInstanceOf(ModelReferenceManager);
    expect(standIn.requests).toEqual([]);
  });
});

describe('watch() options', () => {
  it.each([
    [
      'intervalMs: 3e9 (a timer would overflow and poll 500 times a second)',
      { intervalMs: 3e9 },
      'intervalMs',
    ],
    ['intervalMs: 5', { intervalMs: 5 }, 'intervalMs'],
    ['intervalMs: "60s"', { intervalMs: '60s' }, 'intervalMs'],
    ['signal: "stop"', { signal: 'stop' }, 'signal'],
    ['interval (misspelt)', { interval: 1_000 }, 'interval'],
  ])('%s is refused', (_label, options, path) => {
    const refs = new ModelReferenceManager({ primaryUrl: null, github: false });
    const error = rejection(() => refs.watch(options as never));
    expect(error.option).toBe(path);
  });
});

describe('API client options', () => {
  it.each([
    ['baseUrl: ""', { baseUrl: '' }, 'baseUrl'],
    ['baseUrl with credentials', { baseUrl: 'https://a:b@x.example/api' }, 'baseUrl'],
    ['primaryUrl (the manager’s name)', { primaryUrl: 'https://x.example/api' }, 'primaryUrl'],
    ['retry: { limit: 1e9 }', { retry: { limit: 1e9 } }, 'retry.limit'],
    ['timeoutMs: 2**31', { timeoutMs: 2 ** 31 }, 'timeoutMs'],
    ['apiKey: "k\\n"', { apiKey: 'k\n' }, 'apiKey'],
    ['signal: {}', { signal: {} }, 'signal'],
    ['fetch: 1', { fetch: 1 }, 'fetch'],
  ])('%s is refused', (_label, options, path) => {
    const error = rejection(() => createApiClient(options as never));
    expect(error.option).toBe(path);
  });
});
