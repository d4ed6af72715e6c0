import { CATEGORIES, CATEGORY_DESCRIPTORS, isCategory } from '../categories.js';
import { contentHash } from '../origins/content-hash.js';
import type { RouteFamily } from './faults.js';
import { FIXTURE_LEGACY } from './fixtures.js';
import type { StandInData } from './stand-in-data.js';

/** A routed request: which family it belongs to, and its normal answer. */
export interface Route {
  readonly family: RouteFamily;
  readonly answer: () => Response;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const detail = (status: number, message: string) => json({ detail: message }, status);

const categoryError = (value: string) =>
  json(
    {
      detail: [
        {
          type: 'enum',
          loc: ['path', 'model_category_name'],
          msg: `Input should be ${CATEGORIES.map((c) => `'${c}'`).join(', ')}`,
          input: value,
        },
      ],
    },
    422,
  );

/**
 * Routes a PRIMARY request the way the real service does: the path is decoded before routing,
 * so a model name containing `/` (even as `%2F`) matches no route and gets 404 `Not Found`.
 */
export function routePrimary(
  data: StandInData,
  path: string,
  headers?: Headers,
  canonical: 'v2' | 'legacy' = 'v2',
): Route {
  const segments = decodeURIComponent(path).split('/').filter(Boolean);
  const [root, version, ...rest] = segments;
  const other = (answer: () => Response): Route => ({ family: 'other', answer });
  if (root === 'heartbeat' && !version) {
    return other(() =>
      json({
        status: 'ok',
        ai_horde: { degraded: false, consecutive_failures: 0, seconds_until_retry: null },
      }),
    );
  }
  if (root === 'replicate_mode' && !version) {
    return other(() =>
      json({ replicate_mode: 'PRIMARY', canonical_format: canonical, writable: true }),
    );
  }
  if (root !== 'model_references') return other(() => detail(404, 'Not Found'));
  if ((version === 'v2' || version === 'v1') && rest[0] === 'metadata') {
    // Metadata is kept in the canonical format: the other version's routes answer 503.
    const served = version === (canonical === 'v2' ? 'v2' : 'v1');
    const answer = () =>
      served
        ? metadataRoute(data, rest.slice(1))
        : detail(
            503,
            `This endpoint is only available when canonical_format='${version === 'v2' ? 'v2' : 'LEGACY'}'.`,
          );
    return { family: 'metadata', answer };
  }
  const [category, kind, name, ...extra] = rest;
  if (category === undefined) return other(() => detail(404, 'Not Found'));
  if (version === 'v2' && kind === 'pending' && name === undefined) {
    return {
      family: 'pending',
      answer: () => {
        if (!isCategory(category)) return categoryError(category);
        // The real route needs the pending queue's reader role.
        if (!headers?.get('apikey')) return detail(401, 'An API key is required for this route.');
        return json(data.pending(category));
      },
    };
  }
  if (version === 'v2' && kind === 'model' && name !== undefined && extra.length === 0) {
    return {
      family: 'model',
      answer: () => {
        if (!isCategory(category)) return categoryError(category);
        const records = data.category(category);
        return Object.hasOwn(records, name)
          ? json(records[name])
          : detail(404, `Model '${name}' not found in category '${category}'`);
      },
    };
  }
  if (kind !== undefined) return other(() => detail(404, 'Not Found'));
  if (version === 'v2') {
    return {
      family: 'v2',
      answer: () =>
        isCategory(category) ? json(data.category(category)) : categoryError(category),
    };
  }
  if (version === 'v1') return { family: 'v1', answer: () => v1Route(category) };
  return other(() => detail(404, 'Not Found'));
}

function v1Route(value: string): Response {
  const category =
    value === 'db.json'
      ? 'text_generation'
      : value === 'stable_diffusion'
        ? 'image_generation'
        : value.replace(/\.json$/, '');
  if (!isCategory(category)) return detail(422, `Invalid model category: '${value}'`);
  if (category === 'lora' || category === 'ti') return json({});
  const legacy = FIXTURE_LEGACY.v1[category];
  return legacy === undefined
    ? detail(404, `Legacy model reference '${category}' not found`)
    : json(legacy);
}

function metadataRoute(data: StandInData, path: readonly string[]): Response {
  const [first, second] = path;
  if (first === 'last_updated' && second === undefined) {
    return json({
      last_updated: Math.max(...CATEGORIES.map((c) => data.metadata(c).last_updated)),
    });
  }
  if (first === 'metadata' && second === undefined) {
    return json(Object.fromEntries(CATEGORIES.map((c) => [c, data.metadata(c)])));
  }
  if (first === undefined || !isCategory(first)) return categoryError(first ?? '');
  if (second === undefined) return json(data.metadata(first));
  if (second === 'last_updated')
    return json({ category: first, last_updated: data.metadata(first).last_updated });
  return detail(404, 'Not Found');
}

/**
 * Routes a raw GitHub request: `/{owner}/{repository}/refs/heads/{branch}/{file}`. Like GitHub, a
 * file comes with an `ETag`, and a request whose `If-None-Match` names it gets 304, no body.
 */
export function routeGithub(path: string, headers?: Headers): Route {
  const [, repository, refs, heads, , file] = path.split('/').filter(Boolean);
  const answer = () => {
    const known = Object.values(CATEGORY_DESCRIPTORS).some(
      (d) => d.legacy?.repository === repository && d.legacy?.file === file,
    );
    const text = file === undefined ? undefined : FIXTURE_LEGACY.files[file];
    if (refs !== 'refs' || heads !== 'heads' || !known || text === undefined) {
      return new Response('404: Not Found', {
        status: 404,
        headers: { 'content-type': 'text/plain' },
      });
    }
    const type = file?.endsWith('.csv') ? 'text/csv' : 'text/plain';
    const etag = `"${contentHash(text)}"`;
    const matches = headers
      ?.get('if-none-match')
      ?.split(/\s*,\s*/)
      .includes(etag);
    return new Response(matches ? null : text, {
      status: matches ? 304 : 200,
      headers: { 'content-type': `${type}; charset=utf-8`, etag },
    });
  };
  return { family: 'github', answer };
}
