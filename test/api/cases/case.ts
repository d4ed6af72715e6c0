// One table row per client method: the call, the answer it gets, the request the server must
// see, and what the method must return. Shared by the happy-path and error-status tables.
import { HttpResponse, http } from 'msw';
import { type ApiClient, createApiClient } from '../../../src/api.js';
import { mswFetch } from '../../helpers/msw-fetch.js';

export const BASE = 'http://primary.test/api';

/** A client and the requests it sent. */
export interface AnsweringClient {
  readonly api: ApiClient;
  readonly seen: Seen[];
}

/** One request as the server saw it. */
export interface Seen {
  method: string;
  path: string;
  query: string;
  body: unknown;
  apikey: string | null;
}

/** A client whose every request is answered with `reply` (and recorded). */
export function clientAnswering(reply: unknown, status = 200): AnsweringClient {
  const seen: Seen[] = [];
  const handler = http.all(`${BASE}/*`, async ({ request }) => {
    const url = new URL(request.url);
    const text = await request.text();
    seen.push({
      method: request.method,
      path: decodeURI(url.pathname.slice('/api'.length)),
      query: decodeURIComponent(url.search.slice(1)),
      body: text ? JSON.parse(text) : undefined,
      apikey: request.headers.get('apikey'),
    });
    return status === 204
      ? new HttpResponse(null, { status })
      : HttpResponse.json(reply as object, { status });
  });
  const api = createApiClient({
    baseUrl: BASE,
    apiKey: 'secret-key',
    fetch: mswFetch([handler]),
    retry: 0,
  });
  return { api, seen };
}

/** One row: a method's call, its canned answer, and what must be sent and returned. */
export interface Case {
  /** The API_ROUTES key of the method. */
  readonly route: string;
  readonly call: (api: ApiClient) => Promise<unknown>;
  readonly reply: unknown;
  readonly status?: number;
  /** `METHOD /path?query` as the server sees it. */
  readonly request: string;
  readonly body?: unknown;
  readonly check: (result: unknown) => void;
}
