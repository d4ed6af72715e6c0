// The logger and the hooks never receive the API key nor URL credentials, whatever a server
// echoes back: a real server on 127.0.0.1 that repeats the key it was sent in its bodies, status
// lines, headers and redirects.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/api.js';
import { resolveConnectionOptions } from '../../src/http/connection-options.js';
import { createTransport } from '../../src/http/transport.js';
import { type Logger, ModelReferenceManager } from '../../src/index.js';
import { pendingProvider } from '../../src/providers/pending-provider.js';

const KEY = 'sk-ECHO-3f9a7c21';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const key = String(req.headers.apikey ?? '');
    const path = req.url ?? '';
    res.setHeader('x-echo', `key=${key}`);
    res.setHeader('content-type', 'application/json');
    if (path.includes('/v2/')) {
      // 503 with the key in the status line and body: retried, then a failed origin.
      res.statusCode = 503;
      res.statusMessage = `Unavailable for ${key}`;
      res.setHeader('retry-after', '0');
      return void res.end(JSON.stringify({ detail: `no capacity for key ${key}` }));
    }
    if (path.includes('/v1/')) {
      res.statusCode = 302;
      res.setHeader('location', `http://127.0.0.1:1/steal?apikey=${key}`);
      return void res.end();
    }
    if (path.endsWith('/heartbeat')) return void req.socket.destroy(); // a reset
    res.statusCode = 401;
    return void res.end(JSON.stringify({ detail: `invalid key ${key}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** A logger and hooks that keep everything they receive, as text. */
function everything(): { logger: Logger; hooks: object; text: () => string } {
  const seen: string[] = [];
  const keep = (value: unknown) => {
    seen.push(
      JSON.stringify(value, (_, v) =>
        v instanceof Error
          ? { name: v.name, message: v.message, stack: v.stack, cause: String(v.cause) }
          : v,
      ),
    );
  };
  return {
    logger: { debug: keep, info: keep, warn: keep, error: keep },
    hooks: { request: keep, response: keep, retry: keep },
    text: () => seen.join('\n'),
  };
}

describe('what the logger and hooks receive', () => {
  it('never contains the API key, though the server echoes it everywhere', async () => {
    const seen = everything();
    const refs = new ModelReferenceManager({
      primaryUrl: base,
      github: false,
      apiKey: KEY,
      retry: { limit: 1, backoffLimitMs: 1, maxRetryAfterMs: 1 },
      logger: seen.logger,
      hooks: seen.hooks,
    });
    refs.registerProvider(pendingProvider({ apiKey: KEY }));
    await expect(refs.getCategory('clip')).rejects.toThrow(/No source could provide/);
    await expect(refs.getCategory('clip', { source: 'pending' })).rejects.toThrow(
      /Source "pending" could not provide/,
    );
    await refs.close();

    const { logger, hooks } = seen;
    const api = createApiClient({ baseUrl: base, apiKey: KEY, retry: 1, logger, hooks });
    await expect(api.v2.getCategory('clip')).rejects.toThrow(/503/);
    await expect(api.v1.getCategory('clip')).rejects.toThrow(/redirect/);
    await expect(api.info()).rejects.toThrow(/401/);
    await expect(api.heartbeat()).rejects.toThrow(/closed|reset/);

    const text = seen.text();
    // Everything happened and was told: the retries, the statuses, the failures...
    expect(text).toContain('retrying GET');
    expect(text).toContain('"status":503');
    expect(text).toContain('"status":401');
    expect(text).toContain('redirect');
    // ...and the key never once.
    expect(text).not.toContain(KEY);
    expect(text).not.toContain('3f9a7c21');
  });

  it('reports URLs without credentials', async () => {
    const seen = everything();
    const transport = createTransport(
      resolveConnectionOptions({ retry: 0, logger: seen.logger, hooks: seen.hooks }, base),
    );
    const url = `${base.replace('http://', 'http://user:hunter2@')}/model_references/v1/x`;
    await expect(transport.request({ url })).rejects.toThrow();
    expect(seen.text()).toContain(base.replace('http://', ''));
    expect(seen.text()).not.toContain('hunter2');
  });
});
