import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  createApiClient,
  InvalidOptionsError,
  InvalidSearchParamsError,
  MalformedResponseError,
  ModelNotFoundError,
} from '../../src/index.js';
import { mswFetch } from '../helpers/msw-fetch.js';
import * as f from './fixtures.js';

const BASE = 'http://primary.test/api';

function client(respond: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const handler = http.all(`${BASE}/*`, ({ request }) => {
    requests.push(request.clone());
    return respond(request);
  });
  const api = createApiClient({
    baseUrl: BASE,
    apiKey: 'secret-key',
    fetch: mswFetch([handler]),
    retry: 0,
  });
  return { api, requests };
}

const detail = (status: number, body: unknown) => HttpResponse.json(body as object, { status });

async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('error statuses become typed errors', () => {
  it('401: says the key is missing or invalid, and never shows it', async () => {
    const { api } = client(() => detail(401, { detail: 'Invalid API key' }));
    const error = await caught(api.user.roles());
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, detail: 'Invalid API key', method: 'GET' });
    expect(error.message).toMatch(/valid AI-Horde API key/);
    expect(`${error.message} ${(error as ApiError).url}`).not.toContain('secret-key');
  });

  it('403: names the role the route needs', async () => {
    const { api } = client(() =>
      detail(403, { detail: 'You are not on the pending queue approver list.' }),
    );
    const error = await caught(api.pendingQueue.batch({ batch_title: 't', approved_ids: [1] }));
    expect(error).toMatchObject({ status: 403 });
    expect(error.message).toMatch(/needs the approver role/);
    const requestor = await caught(api.v2.create('clip', { name: 'x' }));
    expect(requestor.message).toMatch(/needs the requestor role/);
  });

  it('404 and 409 carry the server detail', async () => {
    const { api } = client((r) =>
      r.method === 'POST'
        ? detail(409, { detail: "Model 'x' already exists. Use PUT to update." })
        : detail(404, { detail: 'Group not found' }),
    );
    expect(await caught(api.textUtils.group('nope'))).toMatchObject({
      status: 404,
      detail: 'Group not found',
    });
    expect(await caught(api.v2.create('clip', { name: 'x' }))).toMatchObject({
      status: 409,
      detail: expect.stringMatching(/Use PUT/),
    });
  });

  it('404 on a model read is a ModelNotFoundError', async () => {
    const { api } = client(() => detail(404, { detail: "Model 'x' not found in category 'clip'" }));
    const error = await caught(api.v2.getModel('clip', 'x'));
    expect(error).toBeInstanceOf(ModelNotFoundError);
  });

  it('422: the field problems are structured issues', async () => {
    const body = {
      detail: [
        {
          loc: ['query', 'limit'],
          msg: 'Input should be less than or equal to 500',
          type: 'less_than_equal',
        },
      ],
    };
    const { api } = client(() => detail(422, body));
    const error = (await caught(api.pendingQueue.changes({ limit: 5 }))) as ApiError;
    expect(error.issues).toEqual([
      {
        loc: ['query', 'limit'],
        msg: 'Input should be less than or equal to 500',
        type: 'less_than_equal',
      },
    ]);
    expect(error.detail).toBe('query.limit: Input should be less than or equal to 500');
  });

  it('500 with a text/plain body', async () => {
    const { api } = client(
      () =>
        new HttpResponse('Internal Server Error', {
          status: 500,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        }),
    );
    expect(await caught(api.v2.searchAll())).toMatchObject({
      status: 500,
      detail: 'Internal Server Error',
      body: 'Internal Server Error',
    });
  });

  it('503 on a write explains REPLICA mode and format mismatch; on metadata, REPLICA', async () => {
    const { api } = client(() => detail(503, { detail: 'Writes are disabled.' }));
    expect((await caught(api.v2.delete('clip', 'x'))).message).toMatch(
      /PRIMARY whose canonical format matches/,
    );
    expect((await caught(api.metadata.all())).message).toMatch(/REPLICA answers 503/);
  });

  it('a bulk apply failure keeps the success-shaped body the server sends', async () => {
    const body = {
      applied: [f.change({ status: 'applied' })],
      failed_change_id: 8,
      failed_error: 'New-7B: parameters',
      failed_error_type: 'PendingChangeBackendError',
      batch_split_occurred: true,
    };
    const { api } = client(() => detail(503, body));
    const error = (await caught(api.pendingQueue.apply({ changeIds: [7, 8] }))) as ApiError;
    expect(error.body).toMatchObject({ failed_change_id: 8, applied: [{ change_id: 7 }] });
  });
});

describe('malformed answers', () => {
  it.each([
    [
      'an HTML page',
      () =>
        new HttpResponse('<!doctype html><h1>Bad gateway</h1>', {
          status: 200,
          headers: { 'content-type': 'text/html' },
        }),
      /HTML page/,
    ],
    [
      'truncated JSON',
      () =>
        new HttpResponse('{"message": "hel', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      /not JSON/,
    ],
    ['the wrong shape', () => HttpResponse.json({ msg: 1 }), /unexpected shape \(message: /],
  ])('%s → MalformedResponseError', async (_, respond, reason) => {
    const { api } = client(respond);
    const error = await caught(api.info());
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.message).toMatch(reason);
  });
});

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

  it('rejects backend-prefixed text names and invalid records', async () => {
    const { api, requests } = client(() => HttpResponse.json({}));
    expect(() =>
      api.v2.create('text_generation', { name: 'koboldcpp/Model-7B', parameters: 7e9 }),
    ).toThrow(/backend prefix "koboldcpp\/"/);
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

describe('no answer at all', () => {
  it('a refused connection is an ApiError with status 0, not a bare TypeError', async () => {
    const refused: typeof fetch = async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    };
    const api = createApiClient({ baseUrl: BASE, fetch: refused, retry: 0 });
    const error = await caught(api.replicateMode());
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, detail: 'network error (ECONNREFUSED)' });
    expect(error.message).toMatch(/reachable/);
  });

  it('a timeout is an ApiError with status 0', async () => {
    const hang = http.all(`${BASE}/*`, () => new Promise<Response>(() => {}));
    const api = createApiClient({
      baseUrl: BASE,
      fetch: mswFetch([hang]),
      timeoutMs: 50,
      retry: 0,
    });
    expect(await caught(api.info())).toMatchObject({
      status: 0,
      detail: 'no answer within the timeout',
    });
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
