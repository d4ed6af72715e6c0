import type { ApiRoute } from './routes.js';

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

/**
 * The URL of one call of `route` under `base` (the PRIMARY with `/api`, no trailing slash: the
 * server redirects trailing slashes to a URL without `/api`), without a query string (the API
 * client appends its own: query-string.ts).
 */
export function routeUrl(base: string, route: ApiRoute, params: PathParams = {}): string {
  return `${base}${fillPath(route.path, params)}`;
}
