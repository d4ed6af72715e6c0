import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useStandInCli } from './run-cli.js';

const t = useStandInCli();

interface StatusJson {
  offline: boolean;
  categories: Record<
    string,
    {
      origin: string;
      stale: boolean;
      old: boolean;
      staleSince: number | null;
      lastError: string | null;
    }
  >;
}

describe('--offline does not call cached data stale', () => {
  it('status --offline: nothing stale, no last error; the age and whether it is old', async () => {
    expect((await t.cli('categories')).code).toBe(0);
    const asked = t.requests().length;
    const human = await t.cli('status', '--offline');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^category\s+origin\s+records\s+age\s+old$/m);
    expect(human.stdout).toMatch(/^image_generation\s+snapshot\s+8\s+\d+s\s+no$/m);
    expect(human.stdout).not.toMatch(/stale|last error|yes/);
    // Nothing is asked of the network, so no origin table either.
    expect(human.stdout).not.toMatch(/^origin\s+requests/m);
    expect(human.stderr).toBe('');
    const json = (await t.cli('status', '--offline', '--json')).json() as StatusJson;
    expect(json.offline).toBe(true);
    expect(Object.keys(json.categories)).toHaveLength(15);
    for (const s of Object.values(json.categories))
      expect(s).toMatchObject({
        origin: 'snapshot',
        stale: false,
        old: false,
        staleSince: null,
        lastError: null,
      });
    const categories = (await t.cli('categories', '--offline', '--json')).json() as {
      stale: boolean;
    }[];
    expect(categories.every((row) => row.stale === false)).toBe(true);
    expect(t.requests()).toHaveLength(asked);
  });

  it('data older than maxStalenessMs (24 h) is shown old, and a category not cached as such', async () => {
    const file = join(t.cacheDir, 'seed.json');
    expect((await t.cli('snapshot', 'export', file)).code).toBe(0);
    const snapshot = JSON.parse(await readFile(file, 'utf8')) as {
      categories: { category: string; fetchedAt: number }[];
    };
    const threeDays = 3 * 24 * 3600 * 1000;
    const kept = snapshot.categories.filter((c) => c.category !== 'lora');
    for (const c of kept) if (c.category === 'clip') c.fetchedAt -= threeDays;
    await writeFile(file, JSON.stringify({ ...snapshot, categories: kept }));
    const fresh = join(t.cacheDir, 'fresh');
    const where = ['--cache-dir', fresh, '--offline'];
    expect(
      (await t.start({ standIn: false }, 'snapshot', 'import', file, ...where).done).code,
    ).toBe(0);
    const human = await t.start({ standIn: false }, 'status', ...where).done;
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^clip\s+snapshot\s+2\s+72h\s+yes$/m);
    expect(human.stdout).toMatch(/^blip\s+snapshot\s+1\s+\d+s\s+no$/m);
    expect(human.stdout).toMatch(/^lora\s+not cached\s+0\s+-\s+-$/m);
    expect(human.stderr).toMatch(
      /1 of 15 categories could not be loaded \(lora\): nothing is cached/,
    );
    const json = (
      await t.start({ standIn: false }, 'status', '--json', ...where).done
    ).json() as StatusJson;
    expect(json.categories.clip).toMatchObject({ old: true, stale: false, lastError: null });
  });

  it('online, a failed refresh is still stale, with its reason', async () => {
    await t.cli('categories');
    t.server.standIn.setFault('primary', 'refuse');
    t.server.standIn.setFault('github', 'refuse');
    const json = (await t.cli('status', '--json')).json() as StatusJson;
    expect(json.offline).toBe(false);
    expect(json.categories.clip).toMatchObject({
      stale: true,
      lastError: expect.stringMatching(/v2: failed/),
    });
  });
});
