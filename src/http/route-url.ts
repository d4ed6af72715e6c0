import type { ApiRoute } from './routes.js';

/** A query string value: lists repeat the key, `undefined` is left out. */
export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;

/** Query parameters of one call. */
export type Query = Readonly<Record<string, QueryValue>> | URLSearchParams;

/** Path parameters of one call. */
export type PathParams = Readonly<Record<string, string | number>>;

/** Fills `{param}` (encoded) and `{param*}` (encoded, `/` kept) segments of a path. */
export function fillPath(path: string, params: PathParams): string {
  return path.replace(/\{(\w+)(\*?)\}/g, (_, key: string, keepSlashes: string) => {
    const value = params[key];
    if (value === undefined) throw new TypeError(`missing path parameter ${key}`);
    const encoded = encodeURIComponent(String(value));
    return keepSlashes ? encoded.replaceAll('%2F', '/') : encoded;
  });
}

function queryString(query: Query | undefined): string {
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
 * The URL of one call of `route` under `base` (the PRIMARY with `/api`, no trailing slash: the
 * server redirects trailing slashes to a URL without `/api`).
 */
export function routeUrl(
  base: string,
  route: ApiRoute,
  params: PathParams = {},
  query?: Query,
): string {
  return `${base}${fillPath(route.path, params)}${queryString(query)}`;
}
