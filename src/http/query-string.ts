// The query string of an API client call. Apart from route-url.ts: the manager's reads carry no
// query, and bundlers split code by file, so the core's first load leaves this out.

/** A query string value: lists repeat the key, `undefined` is left out. */
export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;

/** Query parameters of one call. */
export type Query = Readonly<Record<string, QueryValue>> | URLSearchParams;

/** `?a=1&b=x&b=y`, or `''` when there is nothing to send. */
export function queryString(query: Query | undefined): string {
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
