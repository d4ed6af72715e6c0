import { MalformedResponseError } from '../errors/malformed-response-error.js';
import { parseJsonBody } from '../http/json-body.js';
import { type Query, queryString } from '../http/query-string.js';
import type { RequestOptions } from '../http/request-options.js';
import { type PathParams, routeUrl } from '../http/route-url.js';
import type { ApiRoute } from '../http/routes.js';
import type { Transport } from '../http/transport.js';
import { issueMessage } from '../schemas/issue-message.js';
import type { Schema } from '../schemas/shared.js';
import { statusHint } from './status-hints.js';

/** Per-call options of the routes mounted under both v1 and v2 (metadata, pending queue, audit). */
export interface VersionedCallOptions extends RequestOptions {
  /** @default 'v2' */
  readonly version?: 'v1' | 'v2' | undefined;
}

/** The status and headers of an answer, for the calls that need more than its body. */
export interface ResponseInfo {
  readonly method: string;
  /** The URL asked for, without credentials. */
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
}

/** One call of a route. */
export interface RouteCall<T> {
  readonly params?: PathParams;
  readonly query?: Query;
  readonly body?: unknown;
  /** Extra request headers (`If-None-Match`); the transport adds the key and `Client-Agent`. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /**
   * Called with the answer's status and headers before its body is read. A 304 (to a conditional
   * request) has no body: the call then resolves to `undefined`, and only this callback tells.
   */
  readonly onResponse?: ((response: ResponseInfo) => void) | undefined;
  /** Validates the answer; `null` for routes that answer 204 with no body. */
  readonly schema: Schema<T> | null;
  /** The caller's per-call options. */
  readonly options?: RequestOptions | undefined;
}

/** What the areas call: one request per route, its answer validated. */
export type Call = <T>(route: ApiRoute, call: RouteCall<T>) => Promise<T>;

/**
 * The request function of an API client, on the shared transport: fills the route's URL, sends
 * the body as JSON, and validates the answer with the route's schema. Failures are the
 * transport's typed errors; an answer of the wrong shape is a {@link MalformedResponseError}.
 *
 * @param signal - the client's own signal, combined with each call's.
 */
export function createCall(transport: Transport, base: string, signal?: AbortSignal): Call {
  return async <T>(route: ApiRoute, call: RouteCall<T>): Promise<T> => {
    const url = routeUrl(base, route, call.params) + queryString(call.query);
    const signals = [signal, call.options?.signal].filter((s): s is AbortSignal => s !== undefined);
    const response = await transport.request({
      method: route.method,
      url,
      route: `${route.method} ${route.path}`,
      hintFor: statusHint(route),
      ...(call.body === undefined ? {} : { json: call.body }),
      ...(call.headers ? { headers: call.headers } : {}),
      signal: signals.length > 1 ? AbortSignal.any(signals) : signals[0],
      timeoutMs: call.options?.timeoutMs,
    });
    call.onResponse?.(response);
    // 204 No Content (deletes) and 304 Not Modified have no body to read or check.
    if (call.schema === null || response.status === 204 || response.status === 304)
      return undefined as T;
    const body = parseJsonBody(response);
    const parsed = call.schema.safeParse(body);
    if (!parsed.success) {
      // What was expected and what came, where: `records.0.nsfw: expected boolean, got "maybe"`.
      const first = parsed.error.issues[0];
      const where = first?.path.length ? `${first.path.join('.').slice(0, 200)}: ` : '';
      throw new MalformedResponseError({
        method: route.method,
        url: response.url,
        reason: `an unexpected shape (${where}${first ? issueMessage(first, body) : 'invalid'})`,
      });
    }
    return parsed.data;
  };
}
