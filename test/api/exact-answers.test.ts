// The API client against the real service's answers (texts from upstream query.py, search.py and
// pending_queue/router.py): sorts the server refuses, myChanges' filters, a model whose file key
// differs from its name, and a bulk apply stopped by a storage failure.
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  InvalidOptionsError,
  InvalidSearchParamsError,
  isApiError,
  isInvalidSearchParamsError,
  ModelNotFoundError,
} from '../../src/api.js';
import { caught, client, detail } from './cases/responder.js';
import * as f from './fixtures.js';

const query = (request: Request) => new URL(request.url).searchParams;

describe('sorts the server refuses become InvalidSearchParamsError', () => {
  it.each([
    [
      'requirements__clip_skip',
      "Unknown source: Field path 'requirements__clip_skip' is missing segment 'clip_skip' (encountered None)",
      /"requirements__clip_skip": the server cannot sort by it: Field path 'requirements__clip_skip' is missing segment 'clip_skip' \(encountered None\)/,
    ],
    [
      'config__nonexistent',
      "Unknown source: Field path 'config__nonexistent' is missing attribute 'nonexistent' on GenericModelRecordConfig",
      /missing attribute 'nonexistent'/,
    ],
    [
      'config__download',
      "Unknown source: Cannot order by field 'config__download' because values are not mutually comparable: ['list']",
      /cannot sort by it: Cannot order by field 'config__download' because values are not mutually comparable/,
    ],
  ])(
    'per category, %s: the 400 and its reason, the ApiError as cause',
    async (sortBy, text, message) => {
      const { api, requests } = client(() => detail(400, { detail: text }));
      const error = await caught(
        api.v2.search('image_generation', { sortBy: sortBy as 'name', nsfw: false }),
      );
      expect(error).toBeInstanceOf(InvalidSearchParamsError);
      expect((error as InvalidSearchParamsError).issues.map((i) => i.param)).toEqual(['sortBy']);
      expect(error.message).toMatch(message);
      expect(error.message).not.toMatch(/Unknown source/);
      expect(isApiError(error.cause)).toBe(true);
      expect((error.cause as ApiError).status).toBe(400);
      expect(query(requests[0] as Request).get('sort_by')).toBe(sortBy);
      expect(requests).toHaveLength(1);
    },
  );

  it('other 400s stay ApiError (an unknown source is the server saying so)', async () => {
    const { api } = client(() =>
      detail(400, {
        detail:
          "Unknown source: No provider registered under source id 'x'. Registered providers: []",
      }),
    );
    const error = await caught(api.v2.search('clip', { source: 'x', sortBy: 'name' }));
    expect(error).toBeInstanceOf(ApiError);
    expect(isInvalidSearchParamsError(error)).toBe(false);
  });

  it('/v2/search: a 500 with sortBy, and the same search unsorted works: the sort was the cause', async () => {
    const { api, requests } = client((request) =>
      query(request).has('sort_by')
        ? new HttpResponse('Internal Server Error', { status: 500 })
        : HttpResponse.json({ results: [], total: 0, offset: 0, limit: 1, has_more: false }),
    );
    const error = await caught(
      api.v2.searchAll({ sortBy: 'config__download', sortDesc: true, nsfw: false, offset: 5 }),
    );
    expect(error).toBeInstanceOf(InvalidSearchParamsError);
    expect(error.message).toMatch(/"config__download": the server failed \(500\) sorting by it/);
    expect((error.cause as ApiError).status).toBe(500);
    // The probe: the same filters, no sort, one record.
    expect(requests).toHaveLength(2);
    const probe = query(requests[1] as Request);
    expect([...probe.keys()].sort()).toEqual(['limit', 'nsfw', 'offset']);
    expect(probe.get('limit')).toBe('1');
    expect(probe.get('nsfw')).toBe('false');
  });

  it('/v2/search: a 500 that the unsorted search shares, or a 500 without sortBy, stays ApiError', async () => {
    const down = client(() => new HttpResponse('Internal Server Error', { status: 500 }));
    const error = await caught(down.api.v2.searchAll({ sortBy: 'name' }));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(500);
    expect(down.requests).toHaveLength(2);
    const unsorted = client(() => new HttpResponse('Internal Server Error', { status: 500 }));
    expect(await caught(unsorted.api.v2.searchAll({ nsfw: true }))).toBeInstanceOf(ApiError);
    expect(unsorted.requests).toHaveLength(1);
  });

  it('/v2/search: its 400s (an unknown top-level field) are refused before any request', async () => {
    const { api, requests } = client(() => detail(200, {}));
    // @ts-expect-error: baseline is not a field every record has
    const error = await caught(api.v2.searchAll({ sortBy: 'baseline' }));
    expect(error).toBeInstanceOf(InvalidSearchParamsError);
    expect(requests).toHaveLength(0);
  });
});

describe('pendingQueue.myChanges sends only what its route takes', () => {
  it('statuses, categories, offset, limit', async () => {
    const { api, requests } = client(() => HttpResponse.json(f.page));
    await api.pendingQueue.myChanges({
      statuses: ['pending', 'approved'],
      categories: ['clip'],
      offset: 10,
      limit: 5,
    });
    const sent = query(requests[0] as Request);
    expect(new URL((requests[0] as Request).url).pathname).toBe(
      '/api/model_references/v2/pending_queue/my_changes',
    );
    expect(sent.toString()).toBe(
      'statuses=pending&statuses=approved&categories=clip&offset=10&limit=5',
    );
  });

  it.each([
    ['batchId', { batchId: 3 }],
    ['modelName', { modelName: 'x' }],
    ['requestedBy', { requestedBy: ['42'] }],
    ['resourceKinds', { resourceKinds: ['text_guidance'] }],
  ])('%s, which the route would ignore, is refused before any request', async (key, filter) => {
    const { api, requests } = client(() => HttpResponse.json(f.page));
    const error = await caught(api.pendingQueue.myChanges(filter as never));
    expect(error).toBeInstanceOf(InvalidOptionsError);
    expect(error.message).toContain(`filter.${key}`);
    expect(error.message).toMatch(/changes\(\) takes it/);
    expect(requests).toHaveLength(0);
    // @ts-expect-error: not a filter of myChanges (typed as what its route takes)
    const typed: Parameters<typeof api.pendingQueue.myChanges>[0] = { batchId: 3 };
    expect(typed).toBeDefined();
    // changes() takes them all.
    await api.pendingQueue.changes(filter);
    expect(requests).toHaveLength(1);
  });
});

describe('getModel finds a model whose key in the file is not its name', () => {
  const record = { ...f.ALBEDO, record_type: 'controlnet', name: 'control_real_name' };
  const { baseline, nsfw, inpainting, ...controlnet } = record as Record<string, unknown>;

  it('the model route knows only the file key: the category read finds the name', async () => {
    const { api, requests } = client((request) => {
      const path = new URL(request.url).pathname;
      if (path.endsWith('/v2/controlnet')) return HttpResponse.json({ file_key: controlnet });
      if (path.endsWith('/model/file_key')) return HttpResponse.json(controlnet);
      return detail(404, { detail: 'not found' });
    });
    const found = await api.v2.getModel('controlnet', 'control_real_name');
    expect(found.name).toBe('control_real_name');
    expect(requests.map((r) => new URL(r.url).pathname.split('/').slice(4).join('/'))).toEqual([
      'controlnet/model/control_real_name',
      'controlnet',
    ]);
    expect(baseline ?? nsfw ?? inpainting).toBeDefined();
  });

  it('control_qr_xl, stored under control_qr_sdxl, is found through its alias first', async () => {
    const qr = { ...controlnet, name: 'control_qr_xl' };
    const { api, requests } = client((request) =>
      new URL(request.url).pathname.endsWith('/model/control_qr_sdxl')
        ? HttpResponse.json(qr)
        : detail(404, { detail: 'not found' }),
    );
    expect((await api.v2.getModel('controlnet', 'control_qr_xl')).name).toBe('control_qr_xl');
    expect(requests).toHaveLength(2);
  });

  it('a model that is in neither: ModelNotFoundError (also when the category has no data)', async () => {
    const empty = client((request) =>
      new URL(request.url).pathname.endsWith('/v2/controlnet')
        ? HttpResponse.json({ file_key: controlnet })
        : detail(404, { detail: 'not found' }),
    );
    expect(await caught(empty.api.v2.getModel('controlnet', 'nope'))).toBeInstanceOf(
      ModelNotFoundError,
    );
    const none = client(() => detail(404, { detail: 'not found' }));
    expect(await caught(none.api.v2.getModel('controlnet', 'nope'))).toBeInstanceOf(
      ModelNotFoundError,
    );
  });
});

describe('a bulk apply stopped by a failing change says what the server said', () => {
  const summary = {
    applied: [f.change({ status: 'applied' })],
    failed_change_id: 8,
    failed_error: "Backend write failed for 'New-7B': disk full",
    failed_error_type: 'PendingChangeBackendError',
    batch_split_occurred: true,
    batch_split_original_batch_id: 3,
    batch_split_new_batch_id: 4,
    batch_split_reassigned_count: 2,
  };

  it.each([
    [
      'apply',
      (api: ReturnType<typeof client>['api']) => api.pendingQueue.apply({ changeIds: [7, 8, 9] }),
    ],
    ['applyBatch', (api: ReturnType<typeof client>['api']) => api.pendingQueue.applyBatch(3)],
  ])('%s: 503 with failed_error', async (_, run) => {
    const { api } = client(() => detail(503, summary));
    const error = (await caught(run(api))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(503);
    expect(error.detail).toBe(
      "change 8 could not be applied: Backend write failed for 'New-7B': disk full (PendingChangeBackendError)",
    );
    expect(error.message).toMatch(/The 1 change\(s\) before it were applied/);
    expect(error.message).toMatch(/moved to batch 4/);
    expect(error.message).toMatch(/storage failure on its side, not its deployment mode/);
    expect(error.message).not.toMatch(/REPLICA/);
    expect(error.body).toEqual(summary);
  });

  it('a 400 failure names it too; a 503 without failed_error keeps the deployment hint', async () => {
    const invalid = client(() =>
      detail(400, {
        ...summary,
        failed_error: 'change 8 is not approved',
        failed_error_type: 'PendingChangeStateError',
      }),
    );
    const stateError = (await caught(
      invalid.api.pendingQueue.apply({ changeIds: [8] }),
    )) as ApiError;
    expect(stateError.detail).toMatch(/^change 8 could not be applied: change 8 is not approved/);
    expect(stateError.message).not.toMatch(/storage failure/);
    const replica = client(() =>
      detail(503, {
        detail: 'This instance is in REPLICA mode and does not support write operations.',
      }),
    );
    const refused = await caught(replica.api.pendingQueue.apply({ changeIds: [8] }));
    expect(refused.message).toMatch(/REPLICA/);
  });
});
