// Failures become typed errors: error statuses (with hints), malformed answers, no answer.
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  createApiClient,
  isApiError,
  isConnectionError,
  isTimeoutError,
  MalformedResponseError,
  ModelNotFoundError,
} from '../../src/api.js';
import { mswFetch } from '../helpers/msw-fetch.js';
import { BASE } from './cases/case.js';
import { caught, client, detail } from './cases/responder.js';
import * as f from './fixtures.js';

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
    expect(error.message).toMatch(/lacks the approver role/);
    const requestor = await caught(api.v2.create('clip', { name: 'x' }));
    expect(requestor.message).toMatch(/lacks the requestor role/);
  });

  it('401 on a requestor route names the role (an empty allowlist also answers 401)', async () => {
    const { api } = client(() => detail(401, { detail: 'Invalid API key' }));
    const error = await caught(api.v2.delete('clip', 'x'));
    expect(error.message).toMatch(/with the requestor role/);
    expect(error.message).toMatch(/requestor list is empty/);
    expect((await caught(api.pendingQueue.changes())).message).not.toMatch(/role/);
  });

  it('401 and 503 on a licensing write name the licensing allowlist and the PRIMARY', async () => {
    const unauthorised = client(() => detail(401, { detail: 'Invalid API key' })).api;
    const denied = await caught(unauthorised.licensing.deleteLicense('MIT'));
    expect(denied.message).toMatch(/licensing editor allowlist \(the license_editor role/);
    expect(denied.message).not.toMatch(/pending queue is disabled/);
    const replica = client(() => detail(503, { detail: 'Writes are disabled' })).api;
    const refused = await caught(replica.licensing.deleteAsset('custom_node', 'a/b'));
    expect(refused.message).toMatch(/Licensing writes are applied directly, by a PRIMARY only/);
    // Licensing reads are open: no role hint.
    expect((await caught(unauthorised.licensing.licenses())).message).not.toMatch(/license_editor/);
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
    const write = (await caught(api.v2.delete('clip', 'x'))).message;
    expect(write).toMatch(/refuses writes as a REPLICA/);
    expect(write).toMatch(/canonical format does not match/);
    expect((await caught(api.metadata.all())).message).toMatch(/REPLICA answers 503/);
    expect((await caught(api.pendingQueue.change(7))).message).toMatch(/queue .* is disabled/);
    expect((await caught(api.v2.getCategory('clip'))).message).not.toMatch(/REPLICA/);
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

  it('a single model that fails its schema names the URL and the field', async () => {
    const { api } = client(() => HttpResponse.json({ ...f.ALBEDO, baseline: 7 }));
    const error = await caught(api.v2.getModel('image_generation', f.ALBEDO.name));
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.message).toContain('/model_references/v2/image_generation/model/AlbedoBase');
    expect(error.message).toMatch(/baseline/);
  });

  it('a 202 write whose body is not a PendingChangeRecord', async () => {
    const { api } = client(() => HttpResponse.json({ queued: true }, { status: 202 }));
    expect(await caught(api.v2.delete('clip', 'x'))).toBeInstanceOf(MalformedResponseError);
  });
});

describe('no answer at all', () => {
  it('a refused connection is a ConnectionError naming the host, not a bare TypeError', async () => {
    const refused: typeof fetch = async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    };
    const api = createApiClient({ baseUrl: BASE, fetch: refused, retry: 0 });
    const error = await caught(api.replicateMode());
    expect(isConnectionError(error)).toBe(true);
    expect(error).toMatchObject({
      host: 'primary.test',
      reason: 'connection refused by primary.test',
    });
    expect(isApiError(error)).toBe(false);
  });

  it('a timeout is a TimeoutError naming the host and the deadline', async () => {
    const hang = http.all(`${BASE}/*`, () => new Promise<Response>(() => {}));
    const api = createApiClient({
      baseUrl: BASE,
      fetch: mswFetch([hang]),
      timeoutMs: 50,
      retry: 0,
    });
    const error = await caught(api.info());
    expect(isTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ host: 'primary.test', timeoutMs: 50, phase: 'headers' });
    expect(error.message).toMatch(/no answer from primary\.test within 50 ms/);
  });
});
