import type { DownloadUrl } from './download-urls.js';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;

/** A response, and the URL that gave it after redirects. */
export interface HttpGetResult {
  readonly response: Response;
  readonly url: string;
}

/** A redirect that cannot be followed (a loop, a non-HTTP target, no Location). */
export class RedirectError extends Error {
  override readonly name = 'RedirectError';
}

/**
 * GET `from.url`, following redirects by hand so that its headers (and credentials given as URL
 * user info) go to its own host only: a redirect to another host (a CDN, a
 * signed storage URL) carries only `request` headers such as `Range`.
 *
 * @throws {RedirectError} for a redirect loop or a non-HTTP target; fetch's own errors.
 */
export async function httpGet(
  fetchImpl: typeof fetch,
  from: DownloadUrl,
  request: Readonly<Record<string, string>>,
  signal: AbortSignal,
): Promise<HttpGetResult> {
  const first = new URL(from.url);
  const own = new Headers(from.headers);
  if (first.username || first.password) {
    const user = decodeURIComponent(first.username);
    const password = decodeURIComponent(first.password);
    own.set('authorization', `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`);
    first.username = '';
    first.password = '';
  }
  let current = first;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const headers = new Headers(current.origin === first.origin ? own : undefined);
    for (const [name, value] of Object.entries(request)) headers.set(name, value);
    // The bytes as stored: a transparently decoded body has neither the announced length nor
    // meaningful ranges.
    headers.set('accept-encoding', 'identity');
    const response = await fetchImpl(current.href, { headers, signal, redirect: 'manual' });
    const location = response.headers.get('location');
    if (!REDIRECTS.has(response.status) || location === null)
      return { response, url: current.href };
    await response.body?.cancel().catch(() => {});
    const next = new URL(location, current);
    if (next.protocol !== 'http:' && next.protocol !== 'https:')
      throw new RedirectError(`redirect to a ${next.protocol} URL refused`);
    current = next;
  }
  throw new RedirectError(`more than ${MAX_REDIRECTS} redirects`);
}

/** How a status is handled: `ok`, `retry` (transient), or `final` (this URL will not serve it). */
export function statusKind(status: number): 'ok' | 'retry' | 'final' {
  if (status === 200 || status === 206) return 'ok';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  return 'final';
}

/** `Retry-After` (seconds or an HTTP date) in milliseconds, or `null`. */
export function retryAfterMs(response: Response, now: number = Date.now()): number | null {
  const value = response.headers.get('retry-after');
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** `Content-Range: bytes a-b/total` parsed; `total` is `null` for `*`. */
export function parseContentRange(
  value: string | null,
): { start: number; end: number | null; total: number | null } | null {
  const match = value ? /^bytes (?:(\d+)-(\d+)|\*)\/(\d+|\*)$/i.exec(value.trim()) : null;
  if (!match) return null;
  const total = match[3] === '*' ? null : Number(match[3]);
  if (match[1] === undefined) return { start: Number.NaN, end: null, total };
  return { start: Number(match[1]), end: Number(match[2]), total };
}
