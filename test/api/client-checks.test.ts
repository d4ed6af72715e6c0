// What the client checks and sends: refusals before any request, the text write rules, URL
// encoding, the "/" name fallback, popular's degraded state, signals, per-record validation.
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/api.js';
import {
  InvalidOptionsError,
  InvalidSearchParamsError,
  ModelNotFoundError,
} from '../../src/index.js';
import { mswFetch } from '../helpers/msw-fetch.js';
import { BASE } from './cases/case.js';
import { client } from './cases/responder.js';
import * as f from './fixtures.js';

describe('checks before any request', () => {
  it('rejects bad search params, unknown popular categories and presets', async () => {
    const { api, requests } = client(() => HttpResponse.json({}));
    await expect(api.v2.search('clip', { limit: 900 })).rejects.toThrow(InvalidSearchParamsError);
    await expect(api.v2.popular('clip' as 'image_generation')).rejects.toThrow(
      /image_generation and text_generation only/,
    );
    expect(() =>
      api.statistics.deletionRisk('image_generation', { preset: 'old' as 'critical' }),
    ).toThrow(/not one of deletion_candidates/);
    expect(requests).toEqual([]);
  });

  it('refuses to update or delete names the server route cannot address', async () => {
    const { api, requests } = client(() => HttpResponse.json({}));
    const model = { name: 'org/Model-7B', parameters: 7e9 };
    expect(() => api.v2.update('text_generation', 'org/Model-7B', model)).toThrow(/contains "\/"/);
    expect(() => api.v2.delete('text_generation', 'org/Model-7B')).toThrow(InvalidOptionsError);
    expect(requests).toEqual([]);
  });

  it.each([
    ['create', 'koboldcpp/Model-7B'],
    ['create', 'aphrodite/Org/Model-7B'],
    ['add', 'aphrodite/Model-7B'],
    ['update', 'koboldcpp/Model-7B'],
  ] as const)('%s refuses the backend-prefixed text name %s', (method, name) => {
    const { api, requests } = client(() => HttpResponse.json({}));
    const record = { name, parameters: 7e9 };
    const write = () =>
      method === 'update'
        ? api.v2.update('text_generation', name, record)
        : api.v2[method]('text_generation', record);
    expect(write).toThrow(InvalidOptionsError);
    expect(write).toThrow(`backend prefix "${name.slice(0, name.indexOf('/'))}/"`);
    expect(requests).toEqual([]);
  });

  it('rejects invalid records and mismatched names', async () => {
    const { api, requests } = client(() => HttpResponse.json({}));
    expect(() => api.v2.create('image_generation', { name: 'x', baseline: 3 })).toThrow(
      /not a valid image_generation record: .*baseline/,
    );
    expect(() => api.v2.update('clip', 'a', { name: 'b' })).toThrow(
      /differs from the name in the path/,
    );
    expect(requests).toEqual([]);
  });
});

describe('requests', () => {
  it('a text create sends `parameters`, the key the server needs to apply it', async () => {
    const { api, requests } = client(() =>
      HttpResponse.json(f.change({ category: 'text_generation' }), { status: 202 }),
    );
    await api.v2.create('text_generation', { name: 'org/Model-7B', parameters_count: 7e9 });
    const body = (await requests[0]?.json()) as Record<string, unknown>;
    expect(body.parameters).toBe(7e9);
    expect(body).not.toHaveProperty('parameters_count');
  });

  it('a text update and a generic add send `parameters` too', async () => {
    const { api, requests } = client(() =>
      HttpResponse.json(f.change({ category: 'text_generation' }), { status: 202 }),
    );
    await api.v2.update('text_generation', 'Model-7B', { name: 'Model-7B', parameters_count: 7e9 });
    await api.v2.add('text_generation', { name: 'Model-7B', parameters: 7e9 });
    for (const request of requests) {
      const body = (await request.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ name: 'Model-7B', parameters: 7e9 });
      expect(body).not.toHaveProperty('parameters_count');
    }
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'PUT /api/model_references/v2/text_generation/model/Model-7B',
      'POST /api/model_references/v2/text_generation/add',
    ]);
  });

  it('URL-encodes names in paths', async () => {
    const { api, requests } = client(() => HttpResponse.json({ ...f.ALBEDO, name: 'a#b?c d%' }));
    await api.v2.getModel('image_generation', 'a#b?c d%');
    expect(new URL(requests[0]?.url ?? '').pathname).toBe(
      '/api/model_references/v2/image_generation/model/a%23b%3Fc%20d%25',
    );
  });

  it('reads a name containing "/" from its category (the model route cannot address it)', async () => {
    const text = { 'org/Model-7B': { name: 'org/Model-7B', parameters: 7e9 } };
    const { api, requests } = client(() => HttpResponse.json(text));
    expect(await api.v2.getModel('text_generation', 'org/Model-7B')).toMatchObject({
      parameters: 7e9,
    });
    expect(new URL(requests[0]?.url ?? '').pathname).toBe(
      '/api/model_references/v2/text_generation',
    );
    await expect(api.v2.getModel('text_generation', 'org/Missing')).rejects.toThrow(
      ModelNotFoundError,
    );
  });

  it('popular: a 500 (AI-Horde down) is reported as unavailable with the heartbeat, not an empty list', async () => {
    const { api } = client((r) =>
      r.url.endsWith('/heartbeat')
        ? HttpResponse.json({
            status: 'ok',
            ai_horde: { degraded: true, consecutive_failures: 5, seconds_until_retry: 30 },
          })
        : new HttpResponse('Internal Server Error', { status: 500 }),
    );
    expect(await api.v2.popular('text_generation')).toEqual({
      available: false,
      models: [],
      degraded: true,
      reason: 'Internal Server Error',
    });
  });

  it("a call's own signal aborts that call only", async () => {
    const controller = new AbortController();
    const { api } = client((r) =>
      r.url.endsWith('/heartbeat')
        ? new Promise<Response>(() => {})
        : HttpResponse.json({ message: 'still here' }),
    );
    const pending = api.heartbeat({ signal: controller.signal });
    controller.abort(new Error('user left'));
    await expect(pending).rejects.toThrow('user left');
    expect(await api.info()).toEqual({ message: 'still here' });
  });

  it("the client's signal aborts its calls", async () => {
    const controller = new AbortController();
    const handler = http.all(`${BASE}/*`, () => new Promise<Response>(() => {}));
    const api = createApiClient({
      baseUrl: BASE,
      fetch: mswFetch([handler]),
      signal: controller.signal,
    });
    const pending = api.info();
    controller.abort(new Error('shutting down'));
    await expect(pending).rejects.toThrow('shutting down');
  });
});

describe('invalid records in answers are reported, not lost silently', () => {
  it('search keeps the valid results and lists the invalid ones in issues', async () => {
    const body = {
      results: [f.ALBEDO, { name: 'Broken', baseline: 7 }],
      total: 2,
      offset: 0,
      limit: 50,
      has_more: false,
    };
    const { api } = client(() => HttpResponse.json(body));
    const page = await api.v2.search('image_generation');
    expect(page.results.map((r) => r.name)).toEqual([f.ALBEDO.name]);
    expect(page.issues).toEqual([
      expect.objectContaining({ category: 'image_generation', key: '1', name: 'Broken' }),
    ]);
    expect(page.total).toBe(2);
  });

  it('cross-category search reports a record of an unknown category', async () => {
    const body = {
      results: [{ name: 'x', record_type: 'hologram' }],
      total: 1,
      offset: 0,
      limit: 50,
      has_more: false,
    };
    const { api } = client(() => HttpResponse.json(body));
    const page = await api.v2.searchAll();
    expect(page.results).toEqual([]);
    expect(page.issues[0]?.issues[0]).toEqual({
      path: 'record_type',
      message: 'not a known category',
    });
  });
});
