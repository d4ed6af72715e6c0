// The client's route registry against the service's own endpoint table (peer-service-api.md §9):
// a route the service has and the client lacks fails here.
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

/** Every (method, path) of the §9 endpoint table. */
function serviceRoutes(markdown: string): string[] {
  const table = markdown.slice(markdown.indexOf('## 9. Endpoint table'));
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

const clientRoutes = new Set(
  Object.values(API_ROUTES).flatMap((route) =>
    (route.path.includes('{version}') ? ['v1', 'v2'] : [null]).map((version) =>
      normalise(route.method, version ? route.path.replace('{version}', version) : route.path),
    ),
  ),
);

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
