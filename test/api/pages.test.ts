// The API client's page iterators: every page in order, one request per page as the loop asks,
// stopping on the last page, abortable, bounded, and refusing pages that do not advance.
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  createApiClient,
  InvalidOptionsError,
  InvalidSearchParamsError,
  isMalformedResponseError,
} from '../../src/api.js';
import { mswFetch } from '../helpers/msw-fetch.js';
import { ALBEDO, change } from './fixtures.js';

const BASE = 'http://primary.test/api';

/** A client over `handlers`, and the query strings of the requests it sent. */
function client(handlers: Parameters<typeof mswFetch>[0]) {
  return createApiClient({ baseUrl: BASE, retry: 0, fetch: mswFetch(handlers) });
}

/** A queue of `count` changes, served by offset and limit as the server does. */
function queue(count: number, seen: string[]) {
  return http.get(`${BASE}/model_references/:version/pending_queue/:route`, ({ request }) => {
    const url = new URL(request.url);
    seen.push(`${url.pathname.split('/').at(-1)}?${url.searchParams}`);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const items = Array.from({ length: count }, (_, i) => change({ change_id: i + 1 })).slice(
      offset,
      offset + limit,
    );
    return HttpResponse.json({ items, total: count, offset, limit });
  });
}

const collect = async <T>(pages: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const page of pages) all.push(page);
  return all;
};

describe('pendingQueue.changePages and myChangePages', () => {
  it('read every page in order and stop on the last', async () => {
    const seen: string[] = [];
    const api = client([queue(7, seen)]);
    const pages = await collect(api.pendingQueue.changePages({ statuses: ['pending'], limit: 3 }));
    expect(pages.map((p) => p.items.map((c) => c.change_id))).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(seen).toEqual([
      'changes?statuses=pending&offset=0&limit=3',
      'changes?statuses=pending&offset=3&limit=3',
      'changes?statuses=pending&offset=6&limit=3',
    ]);
    const mine = await collect(api.pendingQueue.myChangePages({ offset: 5 }));
    expect(mine.flatMap((p) => p.items.map((c) => c.change_id))).toEqual([6, 7]);
    expect(seen.at(-1)).toBe('my_changes?offset=5&limit=500');
  });

  it('ask for nothing more once the loop leaves', async () => {
    const seen: string[] = [];
    const api = client([queue(100, seen)]);
    for await (const page of api.pendingQueue.changePages({ limit: 10 })) {
      expect(page.items).toHaveLength(10);
      break;
    }
    expect(seen).toHaveLength(1);
  });

  it('end on an empty queue after one request', async () => {
    const seen: string[] = [];
    const pages = await collect(client([queue(0, seen)]).pendingQueue.changePages());
    expect(pages).toHaveLength(1);
    expect(seen).toHaveLength(1);
  });

  it('stop after maxPages, and refuse a maxPages out of range at once', async () => {
    const seen: string[] = [];
    const api = client([queue(100, seen)]);
    const pages = await collect(api.pendingQueue.changePages({ limit: 10 }, { maxPages: 2 }));
    expect(pages).toHaveLength(2);
    expect(seen).toHaveLength(2);
    expect(() => api.pendingQueue.changePages({}, { maxPages: 0 })).toThrow(InvalidOptionsError);
  });

  it('abort with the per-call signal, between pages or during one', async () => {
    const seen: string[] = [];
    const api = client([queue(100, seen)]);
    const controller = new AbortController();
    const reason = new Error('enough');
    const loop = (async () => {
      for await (const _ of api.pendingQueue.changePages(
        { limit: 10 },
        { signal: controller.signal },
      ))
        controller.abort(reason);
    })();
    await expect(loop).rejects.toBe(reason);
    expect(seen).toHaveLength(1);

    // During a page: a server that never answers the second one.
    let asked = 0;
    const hangs = http.get(`${BASE}/model_references/v2/pending_queue/changes`, () =>
      asked++ === 0
        ? HttpResponse.json({ items: [change()], total: 9, offset: 0, limit: 1 })
        : new Promise<never>(() => {}),
    );
    const during = new AbortController();
    const pages = client([hangs]).pendingQueue.changePages({ limit: 1 }, { signal: during.signal });
    await pages.next();
    const second = pages.next();
    during.abort(reason);
    await expect(second).rejects.toBe(reason);
  });

  it('advance by the items read, whatever offset the server echoes, up to its total', async () => {
    // Always the same page and offset 0, whatever offset is asked: the total says there is more.
    const stuck = http.get(`${BASE}/model_references/v2/pending_queue/changes`, () =>
      HttpResponse.json({ items: [change()], total: 50, offset: 0, limit: 1 }),
    );
    let pages = 0;
    const loop = (async () => {
      for await (const _ of client([stuck]).pendingQueue.changePages({ limit: 1 })) pages++;
    })();
    // It advances by the items read (offset 1, 2, ...): bounded by the total, not stuck.
    await loop;
    expect(pages).toBe(50);
  });
});

describe('audit.batchPages', () => {
  const batches = (seen: string[], next: (cursor: number | null) => number | null) =>
    http.get(`${BASE}/model_references/v2/pending_queue/audit/batches`, ({ request }) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      seen.push(cursor ?? 'first');
      const at = cursor === null ? null : Number(cursor);
      return HttpResponse.json({
        domain: 'v2',
        batches: [{ batch_id: at ?? 99 }],
        next_cursor: next(at),
      });
    });

  it('follow next_cursor until it is null', async () => {
    const seen: string[] = [];
    const api = client([batches(seen, (at) => (at === null ? 30 : at > 10 ? at - 10 : null))]);
    const pages = await collect(api.audit.batchPages());
    expect(pages.map((p) => p.batches[0]?.batch_id)).toEqual([99, 30, 20, 10]);
    expect(seen).toEqual(['first', '30', '20', '10']);
  });

  it('refuse a cursor that comes back', async () => {
    const seen: string[] = [];
    const api = client([batches(seen, (at) => (at === null ? 5 : at === 5 ? 6 : 5))]);
    const error = await collect(api.audit.batchPages()).catch((e: unknown) => e);
    expect(isMalformedResponseError(error)).toBe(true);
    expect((error as Error).message).toMatch(/pages that do not advance \(5 was read already\)/);
    expect(seen).toEqual(['first', '5', '6']);
  });
});

describe('v2.searchPages and searchAllPages', () => {
  const search = (total: number, seen: string[]) =>
    http.get(`${BASE}/model_references/v2/*`, ({ request }) => {
      const url = new URL(request.url);
      seen.push(url.search);
      const offset = Number(url.searchParams.get('offset'));
      const limit = Number(url.searchParams.get('limit'));
      const results = Array.from({ length: total }, (_, i) => ({
        ...ALBEDO,
        record_type: 'image_generation',
        name: `model ${i}`,
      })).slice(offset, offset + limit);
      return HttpResponse.json({ results, total, offset, limit, has_more: offset + limit < total });
    });

  it('read every page of a search, and check the parameters at once', async () => {
    const seen: string[] = [];
    const api = client([search(5, seen)]);
    const pages = await collect(
      api.v2.searchPages('image_generation', { baseline: 'flux_1', limit: 2 }),
    );
    expect(pages.flatMap((p) => p.results.map((r) => r.name))).toEqual([
      'model 0',
      'model 1',
      'model 2',
      'model 3',
      'model 4',
    ]);
    expect(seen.map((q) => new URLSearchParams(q).get('offset'))).toEqual(['0', '2', '4']);
    expect(() => api.v2.searchPages('image_generation', { limit: 0 })).toThrow(
      InvalidSearchParamsError,
    );
    const all = await collect(api.v2.searchAllPages({ limit: 4 }));
    expect(all.map((p) => p.results.length)).toEqual([4, 1]);
  });

  it('refuse a search whose pages do not advance (limit 0 echoed)', async () => {
    const zero = http.get(`${BASE}/model_references/v2/clip/search`, () =>
      HttpResponse.json({ results: [], total: 9, offset: 0, limit: 0, has_more: true }),
    );
    const error = await collect(client([zero]).v2.searchPages('clip')).catch((e: unknown) => e);
    expect(isMalformedResponseError(error)).toBe(true);
  });
});
