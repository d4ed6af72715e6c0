// The client's route registry against the service's own endpoint tables: the 7.6 routes of
// peer-service-api.md §9, and the routes 8.x added (docs/upstream-8x.md). A route either table
// has and the client lacks fails here, and so does a client route in neither.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../src/api.js';

const NOTES = fileURLToPath(
  new URL('../../../shared/reference/peer-service-api.md', import.meta.url),
);
const HAS_NOTES = existsSync(NOTES);
if (!HAS_NOTES)
  console.warn(
    `API contract test skipped: ${NOTES} is absent (clone ../shared beside the project).`,
  );

/** `GET /model_references/v2/{}/model/{}`: placeholders of any spelling become `{}`. */
const normalise = (method: string, path: string) =>
  `${method} ${path.replace(/\{[^}]*\}|<[^>]*>/g, '{}')}`;

const ADDITIONS = fileURLToPath(new URL('../../docs/upstream-8x.md', import.meta.url));

/** Every (method, path) of the endpoint table under `heading` (up to the next `## `). */
function serviceRoutes(markdown: string, heading = '## 9. Endpoint table'): string[] {
  const start = markdown.indexOf(heading);
  const end = markdown.indexOf('\n## ', start + heading.length);
  const table = markdown.slice(start, end === -1 ? undefined : end);
  const routes: string[] = [];
  for (const line of table.split('\n')) {
    const match = /^\| `([^`]+)`[^|]*\| ([A-Z /]+) \|/.exec(line);
    if (!match?.[1] || !match[2]) continue;
    const paths = match[1].includes('{v1,v2}')
      ? ['v1', 'v2'].map((v) => match[1]?.replace('{v1,v2}', v) ?? '')
      : [match[1]];
    for (const method of match[2].split('/').map((m) => m.trim()))
      for (const path of paths) routes.push(normalise(method, path));
  }
  return [...new Set(routes)];
}

const routesOf = (routes: (typeof API_ROUTES)[string][]) =>
  new Set(
    routes.flatMap((route) =>
      (route.path.includes('{version}') ? ['v1', 'v2'] : [null]).map((version) =>
        normalise(route.method, version ? route.path.replace('{version}', version) : route.path),
      ),
    ),
  );
const all = Object.values(API_ROUTES);
const clientRoutes = routesOf(all.filter((route) => route.addedIn === undefined));
const clientAdditions = routesOf(all.filter((route) => route.addedIn === '8.x'));

describe.skipIf(!HAS_NOTES)('API contract', () => {
  const routes = HAS_NOTES ? serviceRoutes(readFileSync(NOTES, 'utf8')) : [];

  it('reads the whole endpoint table', () => {
    expect(routes.length).toBeGreaterThan(70);
    expect(routes).toContain('DELETE /model_references/v2/text_generation/families/{}');
  });

  it('has a client method for every route of the service', () => {
    expect(routes.filter((route) => !clientRoutes.has(route))).toEqual([]);
  });

  it('calls no route the service does not have (a typo in a path fails here)', () => {
    const service = new Set(routes);
    expect([...clientRoutes].filter((route) => !service.has(route))).toEqual([]);
  });
});

describe('API contract, the 8.x additions', () => {
  const additions = serviceRoutes(
    readFileSync(ADDITIONS, 'utf8'),
    '## Endpoint table (8.x additions)',
  );

  it('reads the whole 8.x table', () => {
    expect(additions).toHaveLength(24); // 13 licensing, 7 text guidance, 4 baselines
    expect(additions).toContain('DELETE /model_references/v2/licensing/assets/{}/{}');
    expect(additions).toContain('GET /model_references/v2/image_generation/baselines/');
  });

  it('has a client method, registered as an 8.x addition, for every route 8.x added', () => {
    expect(additions.filter((route) => !clientAdditions.has(route))).toEqual([]);
  });

  it('registers as 8.x additions only routes of the 8.x table', () => {
    const table = new Set(additions);
    expect([...clientAdditions].filter((route) => !table.has(route))).toEqual([]);
  });

  it.skipIf(!HAS_NOTES)('adds no route the 7.6 table already has', () => {
    const old = new Set(serviceRoutes(readFileSync(NOTES, 'utf8')));
    expect(additions.filter((route) => old.has(route))).toEqual([]);
  });
});
