import { ApiError, type ApiFieldIssue } from '../errors/api-error.js';
import type { ApiRoute } from './routes.js';

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

/**
 * The {@link ApiError} for an error status: the server's `detail` (a string, or 422 field problems
 * as `issues`), the raw text when the body is not JSON, and for a known route a hint that names
 * the role or deployment mode the status usually means. `scrub` removes secrets a server echoed.
 */
export function statusError(
  init: { status: number; statusText: string; text: string; method: string; url: string },
  route: ApiRoute | undefined,
  scrub: (text: string) => string,
): ApiError {
  const text = scrub(init.text);
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // A 500 from the server is `text/plain` "Internal Server Error": keep the text.
  }
  const detail = (body as { detail?: unknown } | null)?.detail;
  const issues: ApiFieldIssue[] = Array.isArray(detail)
    ? detail.map((d: { loc?: unknown; msg?: unknown; type?: unknown } | null) => ({
        loc: Array.isArray(d?.loc) ? d.loc : [],
        msg: String(d?.msg ?? ''),
        type: String(d?.type ?? ''),
      }))
    : [];
  const message =
    typeof detail === 'string'
      ? detail
      : issues.length > 0
        ? issues.map((i) => `${i.loc.join('.')}: ${i.msg}`).join('; ')
        : text.trim().slice(0, 500) || init.statusText;
  const hint = route ? HINTS[init.status]?.(route) : undefined;
  return new ApiError({
    status: init.status,
    detail: message,
    issues,
    method: init.method,
    url: init.url,
    body,
    ...(hint ? { hint } : {}),
  });
}
