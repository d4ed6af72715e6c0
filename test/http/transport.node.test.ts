import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { resolveConnectionOptions } from '../../src/http/connection-options.js';
import { DEFAULT_CLIENT_AGENT } from '../../src/http/defaults.js';
import { createTransport } from '../../src/http/transport.js';
import { VERSION } from '../../src/version.js';

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

async function listen(handler: (url: string, res: import('node:http').ServerResponse) => void) {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    handler(req.url ?? '', res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { seen, server, base: `http://127.0.0.1:${port}` };
}

const transportFor = (primaryUrl: string, options: Record<string, unknown> = {}) =>
  createTransport(resolveConnectionOptions(options, primaryUrl));

describe('createTransport', () => {
  let primary: Awaited<ReturnType<typeof listen>>;
  let other: Awaited<ReturnType<typeof listen>>;
  let flaky = 0;

  beforeAll(async () => {
    other = await listen((_url, res) => {
      res.setHeader('content-type', 'application/json');
      res.end('{"ok":true}');
    });
    primary = await listen((url, res) => {
      if (url === '/api/redirect') {
        res.statusCode = 302;
        res.setHeader('location', `${other.base}/stolen`);
        res.end();
        return;
      }
      if (url === '/api/flaky' && flaky++ < 2) {
        res.statusCode = 503;
        res.setHeader('retry-after', '0');
        res.end('busy');
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end('{"ok":true}');
    });
  });

  afterAll(() => {
    primary.server.close();
    other.server.close();
  });

  it('keeps VERSION equal to package.json', () => {
    expect(VERSION).toBe(packageJson.version);
    expect(DEFAULT_CLIENT_AGENT).toBe(`horde-model-reference-js:${packageJson.version}:unknown`);
  });

  it('sends the API key and Client-Agent to the PRIMARY origin only', async () => {
    const http = transportFor(`${primary.base}/api`, { apiKey: 'secret-key' });
    await http.request({ url: `${primary.base}/api/model_references/v2/clip` });
    await http.request({ url: `${other.base}/raw/clip.json`, headers: { apikey: 'leak?' } });
    expect(primary.seen.at(-1)?.headers.apikey).toBe('secret-key');
    expect(primary.seen.at(-1)?.headers['client-agent']).toBe(DEFAULT_CLIENT_AGENT);
    expect(other.seen.at(-1)?.headers.apikey).toBeUndefined();
    expect(other.seen.at(-1)?.headers['client-agent']).toBeUndefined();
  });

  it('refuses to follow a redirect while carrying the API key', async () => {
    const http = transportFor(`${primary.base}/api`, { apiKey: 'secret-key', retry: 0 });
    const before = other.seen.length;
    await expect(http.request({ url: `${primary.base}/api/redirect` })).rejects.toThrow(
      /redirect, which is refused/,
    );
    expect(other.seen.length).toBe(before);
  });

  it('retries 503 honouring Retry-After, then succeeds', async () => {
    flaky = 0;
    const http = transportFor(`${primary.base}/api`);
    const before = primary.seen.length;
    const answer = await http.request({ url: `${primary.base}/api/flaky` });
    expect(JSON.parse(answer.text)).toEqual({ ok: true });
    expect(primary.seen.length - before).toBe(3);
  });
});
