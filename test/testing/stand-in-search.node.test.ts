// The search routes over real sockets: the API client against `startStandInServer` on 127.0.0.1
// (no injected fetch) gives what the manager's local search gives over the same server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/api.js';
import { isInvalidSearchParamsError, ModelReferenceManager } from '../../src/index.js';
import { type StandInServer, startStandInServer } from '../../src/node.js';
import { createStandInPrimary, type StandInPrimary } from '../../src/testing.js';

describe('the stand-in search routes over HTTP on 127.0.0.1', () => {
  let server: StandInServer<StandInPrimary>;
  beforeAll(async () => {
    server = await startStandInServer((urls) =>
      createStandInPrimary({ ...urls, generation: '8.x' }),
    );
  });
  afterAll(() => server.close());

  it('search, searchPages and searchAll agree with the manager; a bad sort is the typed error', async () => {
    const api = createApiClient({ baseUrl: server.primaryUrl, retry: 0 });
    const refs = new ModelReferenceManager({ primaryUrl: server.primaryUrl, github: false });
    try {
      const params = {
        redistribution: 'allowed_with_conditions',
        sortBy: 'name',
        sortDesc: true,
      } as const;
      const local = await refs.search('image_generation', params);
      expect(local.total).toBeGreaterThan(1);
      expect((await api.v2.search('image_generation', params)).results).toEqual(local.results);

      const paged = [];
      for await (const page of api.v2.searchPages('text_generation', {
        sortBy: 'parameters',
        limit: 3,
      }))
        paged.push(...page.results);
      const text = await refs.search('text_generation', { sortBy: 'parameters' });
      expect(paged).toEqual(text.results);
      expect(paged).toHaveLength(7);

      const all = await api.v2.searchAll({ nameContains: 'a', sortBy: 'size_on_disk_bytes' });
      expect(all.results).toEqual(
        (await refs.searchAll({ nameContains: 'a', sortBy: 'size_on_disk_bytes' })).results,
      );

      const refused = await api.v2
        .search('image_generation', { sortBy: 'finetune_series__name' } as never)
        .catch((e: unknown) => e);
      expect(isInvalidSearchParamsError(refused)).toBe(true);
      expect(
        server.standIn.requests.filter((r) => r.url.includes('/search')).length,
      ).toBeGreaterThan(4);
    } finally {
      await refs.close();
    }
  });
});
