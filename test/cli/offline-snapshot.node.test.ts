import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useStandInCli } from './run-cli.js';

const t = useStandInCli();

describe('--offline', () => {
  it('with an empty cache: exit 1, says nothing is cached and how to get data', async () => {
    const get = await t.cli('get', 'clip', '--offline');
    expect(get.code).toBe(1);
    expect(get.stderr).toMatch(
      /nothing is cached for category clip in .*hmr-cli-.*--offline uses no network/,
    );
    expect(get.stderr).toMatch(/Run once without --offline, or seed it with .*snapshot import/);
    const categories = await t.cli('categories', '--offline');
    expect(categories.code).toBe(1);
    expect(categories.stdout).toMatch(/^clip\s+0\s+unavailable\s+no$/m);
    expect(categories.stderr).toMatch(/15 of 15 categories could not be loaded/);
    expect(t.server.standIn.count()).toBe(0);
  });

  it('serves what an earlier run cached, with no request at all', async () => {
    expect((await t.cli('categories')).code).toBe(0);
    t.server.standIn.setFault('primary', 'refuse');
    t.server.standIn.setFault('github', 'refuse');
    const before = t.server.standIn.count();
    const get = await t.cli('get', 'clip', '--offline', '--json');
    expect(get.code).toBe(0);
    expect(Object.keys(get.json() as object)).toEqual(['ViT-L/14', 'coca_ViT-L-14']);
    // Cached data is what --offline asks for: no staleness warning.
    expect(get.stderr).toBe('');
    const search = await t.cli('search', 'image_generation', '--name-contains', 'xl', '--offline');
    expect(search.stdout).toMatch(/^AlbedoBase XL \(SDXL\)\s+stable_diffusion_xl/m);
    const status = await t.cli('status', '--offline', '--json');
    const report = status.json() as { categories: Record<string, { origin: string }> };
    expect(report.categories.clip?.origin).toBe('snapshot');
    expect(t.server.standIn.count()).toBe(before);
  });
});

describe('snapshot', () => {
  it('export to stdout is the manager snapshot JSON', async () => {
    const exported = await t.cli('snapshot', 'export');
    expect(exported.code).toBe(0);
    const snapshot = exported.json() as {
      format: string;
      categories: { category: string; origin: string; records: Record<string, unknown> }[];
    };
    expect(snapshot.format).toBe('horde-model-reference/snapshot');
    expect(snapshot.categories).toHaveLength(15);
    const image = snapshot.categories.find((c) => c.category === 'image_generation');
    expect(image?.origin).toBe('v2');
    expect(Object.keys(image?.records ?? {})).toContain('Ghibli Style');
  });

  it('export to a file, import into a fresh cache, then --offline get works', async () => {
    const file = join(t.cacheDir, 'seed.json');
    const exported = await t.cli('snapshot', 'export', file);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/Wrote 15 categories to .*seed\.json/);
    const written = JSON.parse(await readFile(file, 'utf8')) as { categories: unknown[] };
    expect(written.categories).toHaveLength(15);

    const fresh = await mkdtemp(join(tmpdir(), 'hmr-cli-import-'));
    try {
      const where = ['--cache-dir', fresh, '--offline'];
      const empty = await t.start({ standIn: false }, 'get', 'clip', ...where).done;
      expect(empty.code).toBe(1);
      const imported = await t.start({ standIn: false }, 'snapshot', 'import', file, ...where).done;
      expect(imported.code).toBe(0);
      expect(imported.stderr).toMatch(/Imported 15 categories into .*hmr-cli-import-/);
      const one = await t.start(
        { standIn: false },
        'get',
        'image_generation',
        'Ghibli Style',
        ...where,
      ).done;
      expect(one.code).toBe(0);
      expect(one.json()).toMatchObject({ name: 'Ghibli Style', baseline: 'stable_diffusion_1' });
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });

  it('import refuses a missing file or one that is not a snapshot (exit 1)', async () => {
    const missing = await t.cli('snapshot', 'import', join(t.cacheDir, 'missing.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*missing\.json/);
    const other = join(t.cacheDir, 'other.json');
    await writeFile(other, '{"hello": "world"}');
    const wrong = await t.cli('snapshot', 'import', other);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/other\.json is not a snapshot; expected a file written by/);
  });
});
