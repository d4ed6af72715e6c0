// Conditional requests: a body's ETag / Last-Modified is sent back, a 304 is an unchanged answer
// (nothing downloaded, decoded or validated), and validators are only ever sent for the body the
// data held was made from.
import { describe, expect, it } from 'vitest';
import { ModelReferenceManager } from '../../src/index.js';
import { createStandInPrimary, FIXTURE_LEGACY } from '../../src/testing.js';

interface Exchange {
  readonly url: string;
  readonly sent: Record<string, string>;
  readonly status: number;
  readonly bytes: number;
}

/** Wraps a fetch to record what was sent and what came back. */
function recorded(inner: typeof fetch): { fetch: typeof fetch; log: Exchange[] } {
  const log: Exchange[] = [];
  return {
    log,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const response = await inner(request);
      const body = await response.arrayBuffer();
      log.push({
        url: new URL(request.url).pathname,
        sent: Object.fromEntries(request.headers),
        status: response.status,
        bytes: body.byteLength,
      });
      return new Response(response.status === 304 ? null : body, response);
    },
  };
}

/** A raw-GitHub stand-in serving one file whose text and validators the test changes. */
function oneFile(file: string, text: string, validators: Record<string, string>) {
  const state = { text, validators };
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (!new URL(request.url).pathname.endsWith(`/${file}`))
      return new Response('404: Not Found', { status: 404 });
    const { etag, 'last-modified': modified } = state.validators;
    const unchanged =
      (etag !== undefined && request.headers.get('if-none-match') === etag) ||
      (modified !== undefined && request.headers.get('if-modified-since') === modified);
    return new Response(unchanged ? null : state.text, {
      status: unchanged ? 304 : 200,
      headers: { 'content-type': 'text/plain; charset=utf-8', ...state.validators },
    });
  };
  return { state, fetch };
}

const SD_FILE = 'stable_diffusion.json';
const SD_TEXT = FIXTURE_LEGACY.files[SD_FILE] as string;

describe('conditional requests', () => {
  it("sends a GitHub file's ETag back; the 304 keeps the very records held, decoded nothing, and renews them", async () => {
    const standIn = createStandInPrimary();
    const { fetch, log } = recorded(standIn.fetch);
    const refs = new ModelReferenceManager({
      primaryUrl: null,
      github: { rawBaseUrl: standIn.githubRawUrl },
      fetch,
    });
    const first = await refs.getCategory('image_generation');
    const before = refs.status().categories.image_generation?.fetchedAt ?? 0;
    await new Promise((r) => setTimeout(r, 5));
    const again = await refs.refresh('image_generation');
    expect(again).toBe(first);
    const [one, two] = log;
    expect(one?.status).toBe(200);
    expect(one?.sent['if-none-match']).toBeUndefined();
    expect(two?.status).toBe(304);
    expect(two?.bytes).toBe(0);
    expect(two?.sent['if-none-match']).toMatch(/^"[0-9a-f]+"$/);
    expect(refs.status().categories.image_generation).toMatchObject({ fresh: true, stale: false });
    expect(refs.status().categories.image_generation?.fetchedAt).toBeGreaterThan(before);
    await refs.close();
  });

  it('downloads and applies a file whose ETag changed', async () => {
    const github = oneFile(SD_FILE, SD_TEXT, { etag: '"one"' });
    const { fetch, log } = recorded(github.fetch);
    const refs = new ModelReferenceManager({
      primaryUrl: null,
      github: { rawBaseUrl: 'http://github.test' },
      fetch,
    });
    const before = await refs.getCategory('image_generation');
    const [name, record] = Object.entries(JSON.parse(SD_TEXT))[0] as [string, object];
    github.state.text = JSON.stringify({
      ...JSON.parse(SD_TEXT),
      [name]: { ...record, description: 'Edited upstream.' },
    });
    github.state.validators = { etag: '"two"' };
    const changes: unknown[] = [];
    refs.on('change', (change) => changes.push(change));
    const after = await refs.refresh('image_generation');
    expect(log.map((e) => [e.status, e.sent['if-none-match']])).toEqual([
      [200, undefined],
      [200, '"one"'],
    ]);
    expect(after).not.toBe(before);
    expect(after[name]?.description).toBe('Edited upstream.');
    expect(changes).toHaveLength(1);
    // The new validator is the one sent next.
    await refs.refresh('image_generation');
    expect(log.at(-1)).toMatchObject({ status: 304, sent: { 'if-none-match': '"two"' } });
    await refs.close();
  });

  it('sends Last-Modified back as If-Modified-Since', async () => {
    const modified = 'Wed, 01 Jan 2025 00:00:00 GMT';
    const github = oneFile(SD_FILE, SD_TEXT, { 'last-modified': modified });
    const { fetch, log } = recorded(github.fetch);
    const refs = new ModelReferenceManager({
      primaryUrl: null,
      github: { rawBaseUrl: 'http://github.test' },
      fetch,
    });
    const first = await refs.getCategory('image_generation');
    expect(await refs.refresh('image_generation')).toBe(first);
    expect(log.map((e) => [e.status, e.sent['if-modified-since']])).toEqual([
      [200, undefined],
      [304, modified],
    ]);
    await refs.close();
  });

  it('sends validators only for the body the data held was made from', async () => {
    // Held data from the PRIMARY, then the PRIMARY goes down: GitHub is asked without validators.
    const standIn = createStandInPrimary();
    const { fetch, log } = recorded(standIn.fetch);
    const refs = new ModelReferenceManager({
      primaryUrl: standIn.primaryUrl,
      github: { rawBaseUrl: standIn.githubRawUrl },
      fetch,
      maxStalenessMs: 1, // lets GitHub replace the PRIMARY's data at once
      retry: { limit: 0 },
    });
    await refs.getCategory('image_generation');
    await new Promise((r) => setTimeout(r, 5));
    standIn.setFault('primary', 'refuse');
    await refs.refresh('image_generation');
    const github = log.filter((e) => e.url.endsWith(`/${SD_FILE}`));
    expect(github).toHaveLength(1);
    expect(github[0]).toMatchObject({ status: 200 });
    expect(github[0]?.sent['if-none-match']).toBeUndefined();
    // A manager starting from a stored snapshot holds no validators either.
    const snapshot = await refs.exportSnapshot();
    const seeded = recorded(standIn.fetch);
    const next = new ModelReferenceManager({
      primaryUrl: null,
      github: { rawBaseUrl: standIn.githubRawUrl },
      fetch: seeded.fetch,
      snapshot,
    });
    await next.refresh('image_generation');
    expect(seeded.log[0]?.sent['if-none-match']).toBeUndefined();
    expect(seeded.log[0]?.status).toBe(200);
    await refs.close();
    await next.close();
  });

  it('a 304 nobody asked for is a failed origin, never an empty category', async () => {
    const standIn = createStandInPrimary();
    const refs = new ModelReferenceManager({
      primaryUrl: standIn.primaryUrl,
      github: { rawBaseUrl: standIn.githubRawUrl },
      retry: { limit: 0 },
      fetch: async (input, init) => {
        const request = new Request(input, init);
        return request.url.startsWith(standIn.primaryUrl)
          ? new Response(null, { status: 304 })
          : standIn.fetch(request);
      },
    });
    const attempts: string[] = [];
    refs.on('fallback', (event) => attempts.push(...event.attempts.map((a) => a.outcome)));
    const records = await refs.getCategory('image_generation');
    expect(Object.keys(records).length).toBeGreaterThan(0);
    expect(refs.status().categories.image_generation?.origin).toBe('github');
    expect(attempts).toContain('failed');
    await refs.close();
  });

  it('a watched manager on GitHub during a PRIMARY outage pays 304s, not files', async () => {
    const standIn = createStandInPrimary();
    standIn.setFault('primary', 'refuse');
    const { fetch, log } = recorded(standIn.fetch);
    const refs = new ModelReferenceManager({
      primaryUrl: standIn.primaryUrl,
      github: { rawBaseUrl: standIn.githubRawUrl },
      fetch,
      retry: { limit: 0 },
      circuitBreaker: { coolDownMs: 1 },
    });
    for (const category of ['image_generation', 'text_generation', 'clip'] as const)
      await refs.getCategory(category);
    const loaded = log.filter((e) => e.status === 200);
    for (let poll = 0; poll < 10; poll++) await refs.checkForUpdates();
    const polled = log.slice(log.indexOf(loaded.at(-1) as Exchange) + 1);
    const files = polled.filter((e) => e.status === 200);
    const unchanged = polled.filter((e) => e.status === 304);
    expect(files).toEqual([]);
    expect(unchanged.length).toBeGreaterThanOrEqual(10 * 3);
    expect(unchanged.every((e) => e.bytes === 0)).toBe(true);
    await refs.close();
  });
});
