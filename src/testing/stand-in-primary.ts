import { type HttpHandler, HttpResponse, http } from 'msw';
import type { Category } from '../categories.js';
import {
  type Fault,
  type FaultMode,
  REFUSED,
  type RouteFamily,
  type StandInAnswer,
  withFault,
} from './faults.js';
import { StandInData } from './stand-in-data.js';
import { routeGithub, routePrimary } from './stand-in-routes.js';

/** Options of {@link createStandInPrimary}. */
export interface StandInOptions {
  /** Base URL the stand-in answers as the PRIMARY. @default 'http://primary.test/api' */
  readonly primaryUrl?: string;
  /** Base URL it answers as raw GitHub. @default 'http://github.test' */
  readonly githubRawUrl?: string;
  /** v2 data per category; the fixtures by default. */
  readonly data?: Partial<Record<Category, Readonly<Record<string, unknown>>>>;
  /** Clock for metadata timestamps. @default Date.now */
  readonly now?: () => number;
  /**
   * The PRIMARY's canonical format, as `/replicate_mode` reports it. Metadata is served on the
   * routes of that format only (`/v1/metadata/*` for `legacy`); the other version's answer 503.
   * @default 'v2'
   */
  readonly canonicalFormat?: 'v2' | 'legacy';
}

/** One request the stand-in saw. */
export interface SeenRequest {
  readonly family: RouteFamily;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** A local stand-in of the PRIMARY and of raw GitHub, with switches for every failure mode. */
export interface StandInPrimary {
  readonly primaryUrl: string;
  readonly githubRawUrl: string;
  /** The mutable dataset: `create`, `update`, `delete` behave like applied writes on the PRIMARY. */
  readonly data: StandInData;
  /** Every request seen, in order. */
  readonly requests: SeenRequest[];
  /** Number of requests seen per route family. */
  count(family?: RouteFamily): number;
  /** Makes a route family misbehave (`'ok'` to heal it). */
  setFault(family: RouteFamily | 'primary', mode: FaultMode, options?: Omit<Fault, 'mode'>): void;
  /** Answers a request: a Response, or `REFUSED` for a refused connection. */
  answer(request: Request): Promise<StandInAnswer>;
  /** A `fetch` that talks to the stand-in without any network; honours abort signals. */
  readonly fetch: typeof fetch;
  /** msw handlers serving the same routes, for `setupServer(...)` / `setupWorker(...)`. */
  readonly handlers: HttpHandler[];
}

const PRIMARY_FAMILIES: readonly RouteFamily[] = [
  'v2',
  'v1',
  'model',
  'metadata',
  'pending',
  'other',
];

/**
 * Creates a stand-in of the PRIMARY (v2, v1, single-model, metadata, replicate_mode, heartbeat)
 * and of raw GitHub over the fixture dataset. Use its `fetch` (injected into the manager), its
 * msw `handlers`, or serve it on 127.0.0.1 with `startStandInServer` from `./node`.
 *
 * @example
 * ```ts
 * const standIn = createStandInPrimary();
 * const refs = new ModelReferenceManager({ primaryUrl: standIn.primaryUrl, github: { rawBaseUrl: standIn.githubRawUrl }, fetch: standIn.fetch });
 * standIn.setFault('primary', 'refuse'); // the PRIMARY is down: reads fall back to GitHub
 * ```
 */
export function createStandInPrimary(options: StandInOptions = {}): StandInPrimary {
  const primaryUrl = (options.primaryUrl ?? 'http://primary.test/api').replace(/\/+$/, '');
  const githubRawUrl = (options.githubRawUrl ?? 'http://github.test').replace(/\/+$/, '');
  const data = new StandInData(options.data ?? {}, options.now ?? Date.now);
  const faults = new Map<RouteFamily, Fault>();
  const requests: SeenRequest[] = [];
  const primaryPath = new URL(primaryUrl).pathname.replace(/\/+$/, '');
  const githubPath = new URL(githubRawUrl).pathname.replace(/\/+$/, '');

  const answer = async (request: Request): Promise<StandInAnswer> => {
    const url = new URL(request.url);
    const route = url.href.startsWith(`${githubRawUrl}/`)
      ? routeGithub(url.pathname.slice(githubPath.length), request.headers)
      : routePrimary(
          data,
          url.pathname.slice(primaryPath.length),
          request.headers,
          options.canonicalFormat,
        );
    requests.push({
      family: route.family,
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
    });
    return withFault(faults.get(route.family) ?? { mode: 'ok' }, request.signal, route.answer);
  };

  const standInFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const result = await answer(request);
    if (result === REFUSED)
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    return result;
  };

  const resolver = async ({ request }: { request: Request }) => {
    const result = await answer(request);
    return result === REFUSED ? HttpResponse.error() : result;
  };

  return {
    primaryUrl,
    githubRawUrl,
    data,
    requests,
    count: (family) =>
      family ? requests.filter((r) => r.family === family).length : requests.length,
    setFault(family, mode, rest = {}) {
      for (const target of family === 'primary' ? PRIMARY_FAMILIES : [family])
        faults.set(target, { mode, ...rest });
    },
    answer,
    fetch: standInFetch,
    handlers: [http.all(`${primaryUrl}/*`, resolver), http.all(`${githubRawUrl}/*`, resolver)],
  };
}
