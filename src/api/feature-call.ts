// How the 8.x areas call the PRIMARY: a route the server lacks becomes FeatureUnavailableError,
// a refused change set ChangeSetConflictError, and catalog reads can be conditional.
import { isApiError } from '../errors/api-error.js';
import { ChangeSetConflictError } from '../errors/change-set-conflict-error.js';
import {
  FeatureUnavailableError,
  type ServerFeature,
} from '../errors/feature-unavailable-error.js';
import { MalformedResponseError } from '../errors/malformed-response-error.js';
import type { ApiRoute } from '../http/routes.js';
import type { Call, ResponseInfo, RouteCall } from './call.js';

/**
 * Whether an error is the 404 of a path no route matches (Starlette's `{"detail":"Not Found"}`),
 * as opposed to a 404 for a missing license, profile, baseline or model, which names it.
 *
 * @example
 * ```ts
 * try { await api.licensing.license('MIT'); }
 * catch (e) { if (isRouteMissing(e)) useBundledData(); else throw e; }
 * ```
 */
export function isRouteMissing(error: unknown): boolean {
  return isApiError(error) && error.status === 404 && error.detail === 'Not Found';
}

/** `call`, with a missing route reported as {@link FeatureUnavailableError} for `feature`. */
export function featureCall(call: Call, feature: ServerFeature): Call {
  return async <T>(route: ApiRoute, request: RouteCall<T>): Promise<T> => {
    try {
      return await call(route, request);
    } catch (error) {
      if (isRouteMissing(error) && isApiError(error))
        throw new FeatureUnavailableError({
          feature,
          method: error.method,
          url: error.url,
          cause: error,
        });
      throw error;
    }
  };
}

/** `call`, with a 409 (a stale `expected_before`) reported as {@link ChangeSetConflictError}. */
export function changeSetCall(call: Call, resource: 'text_guidance' | 'image_baseline'): Call {
  return async <T>(route: ApiRoute, request: RouteCall<T>): Promise<T> => {
    try {
      return await call(route, request);
    } catch (error) {
      if (isApiError(error) && error.status === 409)
        throw new ChangeSetConflictError({
          resource,
          detail: error.detail,
          method: error.method,
          url: error.url,
          cause: error,
        });
      throw error;
    }
  };
}

/** A conditional read: the value and its entity tag, or "unchanged since the tag you hold". */
export type ConditionalRead<T> =
  | { readonly modified: true; readonly value: T; readonly etag: string }
  | { readonly modified: false; readonly etag: string };

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/**
 * Reads `route` with `If-None-Match: ifNoneMatch` (when given). A 304 (from a cache in front of
 * the service: the service itself never sends one) or a 200 whose tag weakly equals `ifNoneMatch`
 * is "not modified". The tag is the answer's `ETag` header; where it cannot be read (a browser
 * sees it cross-origin only when the server exposes it), `etagOf` derives it from the answer
 * exactly as the service derives its own.
 */
export async function conditionalRead<T>(
  call: Call,
  route: ApiRoute,
  request: RouteCall<T>,
  etagOf: (value: T) => string,
  ifNoneMatch: string | undefined,
): Promise<ConditionalRead<T>> {
  let answer: ResponseInfo | undefined;
  const value = await call(route, {
    ...request,
    ...(ifNoneMatch === undefined ? {} : { headers: { 'if-none-match': ifNoneMatch } }),
    onResponse: (response) => {
      answer = response;
    },
  });
  const served = answer?.headers.get('etag') ?? undefined;
  if (answer?.status === 304) {
    // A 304 to a request without a tag is a broken cache: there is nothing to reuse.
    if (ifNoneMatch === undefined)
      throw new MalformedResponseError({
        method: answer.method,
        url: answer.url,
        reason: '304 Not Modified to a read that named no entity tag',
      });
    return { modified: false, etag: served ?? ifNoneMatch };
  }
  const etag = served ?? etagOf(value);
  return ifNoneMatch !== undefined && opaque(ifNoneMatch) === opaque(etag)
    ? { modified: false, etag }
    : { modified: true, value, etag };
}
