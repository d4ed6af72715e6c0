import type { KyInstance } from 'ky';
import { HTTPError, isTimeoutError } from 'ky';
import { ApiError, type ApiFieldIssue } from '../errors/api-error.js';
import { MalformedResponseError } from '../errors/malformed-response-error.js';
import type { Schema } from '../schemas/shared.js';
import type { ApiRoute } from './route.js';

/** A query string value: lists repeat the key, `undefined` is left out. */
export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;

/** One call of a route. */
export interface RouteCall<T> {
  readonly params?: Readonly<Record<string, string | number>>;
  readonly query?: Readonly<Record<string, QueryValue>> | URLSearchParams;
  readonly body?: unknown;
  /** Extra request headers, e.g. `If-None-Match`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Validates the answer; `null` for routes that answer 204 with no body. */
  readonly schema: Schema<T> | null;
  readonly signal?: AbortSignal | undefined;
}

/** What the areas call: one request per route, errors turned into {@link ApiError}. */
export type Call = <T>(route: ApiRoute, call: RouteCall<T>) => Promise<T>;

const HINTS: Readonly<Record<number, (route: ApiRoute) => string | undefined>> = {
  // Requestor and approver lists fail closed: while one is empty the server answers 401, not 403.
  401: (route) =>
    route.role === 'requestor' || route.role === 'approver'
      ? `This route needs a valid AI-Horde API key with the ${route.role} role, passed as \`apiKey\` (the server also answers 401 while its ${route.role} list is empty).`
      : route.role
        ? 'This route needs a valid AI-Horde API key, passed as `apiKey`.'
        : 'Pass a valid AI-Horde API key as `apiKey`.',
  403: (route) =>
    route.role
      ? `The key is valid but lacks the ${route.role} role on the model reference: ask for it to be added to the ${route.role} list.`
      : undefined,
  503: (route) =>
    route.write
      ? 'The server refuses writes as a REPLICA, or as a PRIMARY whose canonical format does not match this API version (v2 writes need canonical_format v2, except v2-only categories), or while its pending queue is disabled; see replicateMode().'
      : route.path.includes('/metadata/')
        ? 'Metadata is served only by a PRIMARY (a REPLICA answers 503); last_updated also needs the canonical format to match the API version.'
        : route.role
          ? 'The pending queue (or its audit trail) is disabled on this deployment, or it is a REPLICA.'
          : undefined,
};

/** Fills `{param}` (encoded) and `{param*}` (encoded, `/` kept) segments of a path. */
export function fillPath(path: string, params: Readonly<Record<string, string | number>>): string {
  return path.replace(/\{(\w+)(\*?)\}/g, (_, key: string, keepSlashes: string) => {
    const value = params[key];
    if (value === undefined) throw new TypeError(`missing path parameter ${key}`);
    const encoded = encodeURIComponent(String(value));
    return keepSlashes ? encoded.replaceAll('%2F', '/') : encoded;
  });
}

function queryString(query: RouteCall<unknown>['query']): string {
  if (!query) return '';
  const search = query instanceof URLSearchParams ? query : new URLSearchParams();
  if (!(query instanceof URLSearchParams))
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
    }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * The request function of an API client: builds the URL, sends JSON, and turns every failure into
 * a typed error: {@link ApiError} for an error status (with the server's `detail`, 422 field
 * problems as `issues`, and a hint for 401/403/503), {@link MalformedResponseError} for a success
 * status with a body that is not what the route returns. No answer at all (timeout, refused
 * connection, DNS) is an `ApiError` with status 0.
 *
 * @param sendsApiKey - whether `http` adds the key (then it refuses redirects, which the hint of a
 *   network error explains).
 */
export function createCall(http: KyInstance, baseUrl: string, sendsApiKey = false): Call {
  return async <T>(route: ApiRoute, call: RouteCall<T>): Promise<T> => {
    const path = fillPath(route.path, call.params ?? {});
    const url = `${baseUrl}${path}${queryString(call.query)}`;
    let response: Response;
    try {
      response = await http(url, {
        method: route.method,
        ...(call.body === undefined ? {} : { json: call.body }),
        ...(call.headers ? { headers: call.headers } : {}),
        ...(call.signal ? { signal: call.signal } : {}),
      });
    } catch (error) {
      if (error instanceof HTTPError) throw await toApiError(error.response, route, url);
      // An abort is the caller's decision, not a failure of the server: it passes through as is.
      if (call.signal?.aborted) throw call.signal.reason;
      // No HTTP answer at all: status 0, as browsers report it.
      const detail = isTimeoutError(error)
        ? 'no answer within the timeout'
        : `network error (${describeNetworkError(error)})`;
      throw new ApiError({
        status: 0,
        detail,
        method: route.method,
        url,
        hint: sendsApiKey
          ? 'Is the PRIMARY reachable at this address? With an API key, redirects are refused so the key never leaves the PRIMARY: use its final address as baseUrl.'
          : 'Is the PRIMARY reachable at this address?',
      });
    }
    // 204 No Content (deletes) has no body to read or check.
    if (call.schema === null || response.status === 204) return undefined as T;
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      const reason = /^\s*</.test(text)
        ? 'an HTML page instead of JSON'
        : 'a body that is not JSON (truncated?)';
      throw new MalformedResponseError({ method: route.method, url, reason });
    }
    const parsed = call.schema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first?.path.length ? `${first.path.join('.')}: ` : '';
      throw new MalformedResponseError({
        method: route.method,
        url,
        reason: `an unexpected shape (${where}${first?.message ?? 'invalid'})`,
      });
    }
    return parsed.data;
  };
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  // Node's fetch says only "fetch failed"; the reason (e.g. "unexpected redirect") is its cause.
  const message = error instanceof Error ? error.message : String(error);
  return typeof cause?.message === 'string' ? `${message}: ${cause.message}` : message;
}

async function toApiError(response: Response, route: ApiRoute, url: string): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // A 500 from the server is `text/plain` "Internal Server Error": keep the text.
  }
  const detail = (body as { detail?: unknown } | null)?.detail;
  const issues: ApiFieldIssue[] = Array.isArray(detail)
    ? detail.map((d: { loc?: unknown; msg?: unknown; type?: unknown }) => ({
        loc: Array.isArray(d.loc) ? d.loc : [],
        msg: String(d.msg ?? ''),
        type: String(d.type ?? ''),
      }))
    : [];
  const message =
    typeof detail === 'string'
      ? detail
      : issues.length > 0
        ? issues.map((i) => `${i.loc.join('.')}: ${i.msg}`).join('; ')
        : text.trim() || response.statusText;
  const hint = HINTS[response.status]?.(route);
  return new ApiError({
    status: response.status,
    detail: message,
    issues,
    method: route.method,
    url,
    body,
    ...(hint ? { hint } : {}),
  });
}
