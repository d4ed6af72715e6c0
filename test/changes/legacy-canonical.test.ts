// A PRIMARY whose canonical format is legacy keeps its metadata under /v1/metadata (v2 answers
// 503): change detection reads /replicate_mode once and polls the canonical format's routes, so
// it stays one tiny request per poll there too.
import { describe, expect, it } from 'vitest';
import type { CategoryChange } from '../../src/index.js';
import { createStandInPrimary, FIXTURE_V2 } from '../../src/testing.js';
import { setup } from '../helpers/manager.js';

const ALBEDO = FIXTURE_V2.image_generation['AlbedoBase XL (SDXL)'] as { name: string };

function legacyPrimary() {
  // The server's clock starts a minute behind: every write looks settled, as in a steady state.
  let serverNow = Date.now() - 60_000;
  return createStandInPrimary({
    canonicalFormat: 'legacy',
    now: () => (serverNow += 1_000),
  });
}

async function watched(standIn = legacyPrimary()) {
  const { refs } = setup({}, standIn);
  await refs.getCategory('image_generation');
  await refs.getCategory('clip');
  const changes: CategoryChange[] = [];
  refs.on('change', (change) => changes.push(change));
  const mark = standIn.requests.length;
  const since = () => standIn.requests.slice(mark).map((r) => new URL(r.url).pathname);
  return { refs, standIn, changes, since };
}

describe('change detection on a legacy-canonical PRIMARY', () => {
  it('the stand-in answers as one: canonical_format legacy, v2 metadata 503, v1 metadata served', async () => {
    const standIn = legacyPrimary();
    const get = (path: string) => standIn.fetch(`${standIn.primaryUrl}${path}`);
    expect(await (await get('/replicate_mode')).json()).toMatchObject({
      canonical_format: 'legacy',
    });
    expect((await get('/model_references/v2/metadata/last_updated')).status).toBe(503);
    const v1 = await get('/model_references/v1/metadata/last_updated');
    expect(v1.status).toBe(200);
    expect(await v1.json()).toEqual({ last_updated: expect.any(Number) });
    // And a v2-canonical one the other way round.
    const v2 = createStandInPrimary();
    expect((await v2.fetch(`${v2.primaryUrl}/model_references/v1/metadata/metadata`)).status).toBe(
      503,
    );
  });

  it('reads /replicate_mode once, then polls /v1/metadata/last_updated only while nothing changes', async () => {
    const { refs, since, changes } = await watched();
    for (let i = 0; i < 20; i++) expect(await refs.checkForUpdates()).toEqual([]);
    const paths = since();
    expect(paths.filter((p) => p === '/api/replicate_mode')).toHaveLength(1);
    expect(paths.filter((p) => p.includes('/v2/'))).toEqual([]);
    // After the first check (which learns the tokens): one tiny request per poll.
    const steady = paths.slice(paths.lastIndexOf('/api/model_references/v1/metadata/metadata') + 1);
    expect(steady).toHaveLength(19);
    expect(new Set(steady)).toEqual(new Set(['/api/model_references/v1/metadata/last_updated']));
    expect(changes).toEqual([]);
  });

  it('applies one write by fetching that model only', async () => {
    const { refs, standIn, since, changes } = await watched();
    await refs.checkForUpdates();
    const mark = since().length;
    standIn.data.update('image_generation', { ...ALBEDO, description: 'Legacy-canonical edit.' });
    const [change] = await refs.checkForUpdates();
    expect(since().slice(mark)).toEqual([
      '/api/model_references/v1/metadata/last_updated',
      '/api/model_references/v1/metadata/metadata',
      `/api/model_references/v2/image_generation/model/${encodeURIComponent(ALBEDO.name)}`,
    ]);
    expect(change).toMatchObject({
      category: 'image_generation',
      via: 'delta',
      changed: [{ name: ALBEDO.name, fields: ['description'] }],
    });
    expect(changes).toEqual([change]);
  });

  it('asks /replicate_mode again after it failed, downloading and comparing meanwhile', async () => {
    const standIn = legacyPrimary();
    const { refs, since } = await watched(standIn);
    standIn.setFault('other', 'server-error', { status: 500 });
    await refs.checkForUpdates();
    // Without metadata the loaded categories are downloaded and compared by hash.
    expect(since()).toContain('/api/model_references/v2/image_generation');
    standIn.setFault('other', 'ok');
    await refs.checkForUpdates();
    await refs.checkForUpdates();
    const paths = since();
    expect(paths.filter((p) => p === '/api/replicate_mode').length).toBeGreaterThanOrEqual(2);
    expect(paths.at(-1)).toBe('/api/model_references/v1/metadata/last_updated');
  });
});
