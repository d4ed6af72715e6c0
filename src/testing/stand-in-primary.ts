import { type HttpHandler, HttpResponse, http } from 'msw';
import type { Category } from '../categories.js';
import {
  checkFault,
  type Fault,
  type FaultMode,
  REFUSED,
  type RouteFamily,
  type StandInAnswer,
  withFault,
} from './faults.js';
import { STAND_IN_USERS, type StandInUser } from './fixtures/upstream-8x.js';
import { route8x } from './stand-in-8x-routes.js';
import { FIXTURE_V2_8X, StandIn8xState } from './stand-in-8x-state.js';
import { StandInData } from './stand-in-data.js';
import { json, type ServerGeneration, type StandInContext } from './stand-in-http.js';
import { routeGithub, routePrimary } from './stand-in-routes.js';
import { searchRoute } from './stand-in-search-routes.js';

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
  /**
   * Which service generation to answer as. `'7.6'`: the model reference routes only (every 8.x
   * route answers 404 `Not Found`, as a 7.6 server does). `'8.x'`: licensing on every record
   * (NOASSERTION when unset), text guidance, aliases, and the licensing, text-guidance and
   * baseline routes over the 8.x fixtures. See docs/upstream-8x.md.
   * @default '7.6'
   */
  readonly generation?: ServerGeneration;
  /** API keys and their roles (for `me/roles` and the 8.x routes). @default STAND_IN_USERS */
  readonly users?: Readonly<Record<string, StandInUser>>;
  /** What `/replicate_mode` says; a REPLICA refuses 8.x writes with 503. @default 'PRIMARY' */
  readonly replicateMode?: 'PRIMARY' | 'REPLICA';
  /**
   * Answer 304 to a matching `If-None-Match` on the catalog reads, as a cache in front of the
   * service may (the service itself never does). @default false
   */
  readonly honourIfNoneMatch?: boolean;
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
  /** Which service generation it answers as. */
  readonly generation: ServerGeneration;
  /**
   * The 8.x stores: license definitions, assets, the guidance and baseline catalogs, and the
   * queued change sets (`applyChange(id)` approves and applies one, moving its catalog's revision).
   */
  readonly resources: StandIn8xState;
  /** Every request seen, in order. */
  readonly requests: SeenRequest[];
  /** Number of requests seen per route family. */
  count(family?: RouteFamily): number;
  /**
   * Makes a route family misbehave (`'ok'` to heal it).
   *
   * @throws {InvalidOptionsError} when `family` or `mode` is not one of the names above.
   */
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
  'licensing',
  'text-guidance',
  'baselines',
];

/**
 * Creates a stand-in of the PRIMARY (v2, v1, single-model, metadata, replicate_mode, heartbeat,
 * and the search routes `/v2/{category}/search` and `/v2/search`, answered by the local search over
 * its current data, in route family `v2`) and of raw GitHub over the fixture dataset. Use its `fetch` (injected into the manager), its
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
  const generation = options.generation ?? '7.6';
  const now = options.now ?? Date.now;
  const data = new StandInData(options.data ?? (generation === '8.x' ? FIXTURE_V2_8X : {}), now);
  const context: StandInContext = {
    generation,
    data,
    state: new StandIn8xState(now),
    users: options.users ?? STAND_IN_USERS,
    replicateMode: options.replicateMode ?? 'PRIMARY',
    honourIfNoneMatch: options.honourIfNoneMatch ?? false,
  };
  const faults = new Map<RouteFamily, Fault>();
  const requests: SeenRequest[] = [];
  const primaryPath = new URL(primaryUrl).pathname.replace(/\/+$/, '');
  const githubPath = new URL(githubRawUrl).pathname.replace(/\/+$/, '');

  const routeExtended = async (request: Request, url: URL) => {
    const path = url.pathname.slice(primaryPath.length);
    if (path === '/replicate_mode' && context.replicateMode !== 'PRIMARY')
      return {
        family: 'other' as const,
        answer: () =>
          json({ replicate_mode: context.replicateMode, canonical_format: 'v2', writable: false }),
      };
    const text = request.method === 'GET' ? '' : await request.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    const routed = {
      method: request.method,
      segments: decodeURIComponent(path).split('/').filter(Boolean),
      trailingSlash: path.endsWith('/'),
      query: url.searchParams,
      headers: request.headers,
      body,
    };
    // Both generations search; the service mounts its search router before the category reads.
    const search = searchRoute(context, routed);
    return search ? { family: 'v2' as const, answer: search } : route8x(context, routed);
  };

  const answer = async (request: Request): Promise<StandInAnswer> => {
    const url = new URL(request.url);
    const route = url.href.startsWith(`${githubRawUrl}/`)
      ? routeGithub(url.pathname.slice(githubPath.length), request.headers)
      : ((await routeExtended(request, url)) ??
        routePrimary(
          data,
          url.pathname.slice(primaryPath.length),
          request.headers,
          options.canonicalFormat,
        ));
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
    generation,
    resources: context.state,
    requests,
    count: (family) =>
      family ? requests.filter((r) => r.family === family).length : requests.length,
    setFault(family, mode, rest = {}) {
      checkFault(family, mode);
      for (const target of family === 'primary' ? PRIMARY_FAMILIES : [family])
        faults.set(target, { mode, ...rest });
    },
    answer,
    fetch: standInFetch,
    handlers: [http.all(`${primaryUrl}/*`, resolver), http.all(`${githubRawUrl}/*`, resolver)],
  };
}
