// A client whose requests are answered by one function, for tests of single behaviours.
import { HttpResponse, http } from 'msw';
import { type ApiClient, createApiClient } from '../../../src/api.js';
import { mswFetch } from '../../helpers/msw-fetch.js';
import { BASE } from './case.js';

/** A client and the requests it sent. */
export interface RespondingClient {
  readonly api: ApiClient;
  readonly requests: Request[];
}

/** A client (with key `secret-key`) whose every request `respond` answers. */
export function client(
  respond: (request: Request) => Response | Promise<Response>,
): RespondingClient {
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

/** A JSON answer with `status`. */
export const detail = (status: number, body: unknown): Response =>
  HttpResponse.json(body as object, { status });

/** The error `promise` rejects with; fails the test if it resolves. */
export async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}
