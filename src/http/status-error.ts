import { ApiError, type ApiFieldIssue } from '../errors/api-error.js';

/**
 * The {@link ApiError} for an error status: the server's `detail` (a string, or 422 field problems
 * as `issues`), the raw text when the body is not JSON, and the caller's hint for the status (the
 * API client names the role or deployment mode it usually means). `scrub` removes secrets a
 * server echoed.
 */
export function statusError(
  init: { status: number; statusText: string; text: string; method: string; url: string },
  hintFor: ((status: number) => string | undefined) | undefined,
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
  const hint = hintFor?.(init.status);
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
