import { describe, expect, it } from 'vitest';
import { useStandInCli } from './run-cli.js';

const t = useStandInCli();

describe('categories', () => {
  it('a table for people, JSON for machines', async () => {
    const human = await t.cli('categories');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^category\s+records\s+origin\s+stale$/m);
    expect(human.stdout).toMatch(/^image_generation\s+8\s+v2\s+no$/m);
    expect(human.stderr).toBe('');
    const rows = (await t.cli('categories', '--json')).json() as {
      category: string;
      records: number;
      origin: string;
    }[];
    expect(rows).toHaveLength(15);
    expect(rows.find((r) => r.category === 'text_generation')).toMatchObject({
      origin: 'v2',
      records: 7,
    });
  });

  it('shows loading progress on stderr in a terminal, and nothing otherwise', async () => {
    const terminal = await t.start({ isTTY: true }, 'categories', '--json').done;
    expect(terminal.stderr).toMatch(/Loading 0\/15 categories[\s\S]*Loading 15\/15 categories/);
    expect(terminal.stderr.endsWith('\r\u001b[K')).toBe(true);
    expect(JSON.parse(terminal.stdout)).toHaveLength(15);
    expect((await t.cli('categories', '--json')).stderr).toBe('');
  });
});

describe('get', () => {
  it('a category as a table or JSON, one model as JSON, a missing one as exit 1', async () => {
    const list = await t.cli('get', 'image_generation');
    expect(list.stdout).toMatch(/^name\s+baseline\s+nsfw\s+download$/m);
    expect(list.stdout).toMatch(/^AlbedoBase XL \(SDXL\)\s+stable_diffusion_xl\s+no\s+6\.9 GB$/m);
    const all = (await t.cli('get', 'clip', '--json')).json() as Record<string, { name: string }>;
    expect(Object.keys(all)).toEqual(['ViT-L/14', 'coca_ViT-L-14']);
    const one = await t.cli('get', 'image_generation', 'Ghibli Style');
    expect(one.json()).toMatchObject({ name: 'Ghibli Style', baseline: 'stable_diffusion_1' });
    const missing = await t.cli('get', 'image_generation', 'Nope');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/"Nope" not found in category image_generation/);
  });
});

describe('search', () => {
  it('filters, sorts and pages as the server, as JSON', async () => {
    const page = await t.cli(
      'search',
      'image_generation',
      '--baseline',
      'stable_diffusion_xl',
      '--no-nsfw',
      '--sort-by',
      'name',
      '--json',
    );
    expect(page.code).toBe(0);
    expect(page.json()).toMatchObject({ total: 1, results: [{ name: 'AlbedoBase XL (SDXL)' }] });
  });

  it('takes comma lists and --flag=false, and prints a table with the range', async () => {
    const tagged = await t.cli('search', 'image_generation', '--tags-any', 'anime,furry', '--json');
    const names = (tagged.json() as { results: { name: string }[] }).results.map((r) => r.name);
    expect(names.length).toBeGreaterThanOrEqual(2);
    const sfw = await t.cli('search', 'image_generation', '--nsfw=false', '--json');
    const spelled = await t.cli('search', 'image_generation', '--no-nsfw', '--json');
    expect((sfw.json() as { total: number }).total).toBe(5);
    expect(sfw.stdout).toBe(spelled.stdout);
    const human = await t.cli('search', 'image_generation', '--nsfw', '--limit', '2');
    expect(human.stdout).toMatch(/^name\s+baseline\s+nsfw\s+download$/m);
    expect(human.stdout).toMatch(/^1-2 of 3$/m);
  });
});

describe('stats', () => {
  it('the statistics, as text and JSON', async () => {
    const human = await t.cli('stats', 'image_generation');
    expect(human.stdout).toMatch(/image_generation: 8 models \(3 NSFW, 5 SFW\)/);
    expect(human.stdout).toMatch(/^stable_diffusion_xl\s+3\s+37\.5$/m);
    expect((await t.cli('stats', 'image_generation', '--json')).json()).toMatchObject({
      total_models: 8,
      nsfw_count: 3,
    });
  });
});

describe('status and the fallback chain', () => {
  it('status: every category from v2 while the PRIMARY is up', async () => {
    const human = await t.cli('status');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^image_generation\s+v2\s+8\s+\d+s\s+no/m);
    expect(human.stdout).toMatch(/^v2\s+15\s+0\s+closed/m);
  });

  it('the PRIMARY down: status shows origin github, reads say where data came from', async () => {
    t.server.standIn.setFault('primary', 'refuse');
    const status = await t.cli('status', '--json');
    expect(status.code).toBe(0);
    const report = status.json() as {
      categories: Record<string, { origin: string }>;
      unavailable: Record<string, string>;
    };
    expect(report.categories.image_generation?.origin).toBe('github');
    // Categories only the PRIMARY serves have no GitHub file: a partial answer, exit 0, and why.
    expect(Object.keys(report.unavailable)).toContain('lora');
    expect(status.stderr).toMatch(/warning: 5 of 15 categories could not be loaded, .* Why:/);
    expect(status.stderr).toMatch(/^ {2}connection to \S+ closed unexpectedly \(v2\)$/m);
    expect(status.stderr).toMatch(/^ {4}.*\blora\b/m);
    const human = await t.cli('status');
    expect(human.stdout).toMatch(/^image_generation\s+github\s+8/m);
    // A category nothing could provide says why on its own line too.
    expect(human.stdout).toMatch(/^lora\s+unavailable\s+0\s+-\s+no\s+v2: failed \(connection/m);
    const get = await t.cli('get', 'clip');
    expect(get.code).toBe(0);
    expect(get.stderr).toMatch(
      /note: clip came from github after v2 failed \(connection to \S+ closed unexpectedly/,
    );
  });

  it('then GitHub down too: the last-known-good data, marked stale', async () => {
    await t.cli('categories');
    t.server.standIn.setFault('primary', 'refuse');
    t.server.standIn.setFault('github', 'refuse');
    const human = await t.cli('status');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^image_generation\s+snapshot\s+8\s+\S+\s+yes\s+v2: failed/m);
    const get = await t.cli('get', 'clip', '--json');
    expect(Object.keys(get.json() as object)).toEqual(['ViT-L/14', 'coca_ViT-L-14']);
    expect(get.stderr).toMatch(
      /warning: clip is last-known-good data fetched \d+s ago; .*github skipped \(the data held came from v2/,
    );
  });

  it('nothing answers and nothing is cached: exit 1, every source tried and why', async () => {
    t.server.standIn.setFault('primary', 'refuse');
    t.server.standIn.setFault('github', 'not-found');
    const get = await t.cli('get', 'image_generation');
    expect(get.code).toBe(1);
    expect(get.stdout).toBe('');
    expect(get.stderr).toMatch(/no source could provide category image_generation/);
    expect(get.stderr).toMatch(
      /^\s+v2\s+failed\s+connection to \S+ closed unexpectedly.*\/v2\/image_generation$/m,
    );
    expect(get.stderr).toMatch(/^\s+v1\s+skipped\s+host .* cooling down/m);
    expect(get.stderr).toMatch(/^\s+github\s+failed\s+HTTP 404/m);
    const status = await t.cli('status');
    expect(status.code).toBe(1);
    expect(status.stderr).toMatch(/15 of 15 categories could not be loaded/);
  });
});

describe('the pending channel', () => {
  it('--api-key adds the pending (beta) channel as a search source, the key sent to the PRIMARY', async () => {
    const beta = { name: 'Beta Model', baseline: 'flux_1', nsfw: false };
    t.server.standIn.data.setPending('image_generation', { 'Beta Model': beta });
    const page = await t.cli(
      'search',
      'image_generation',
      '--source',
      'pending,horde',
      '--baseline',
      'flux_1',
      '--json',
      '--api-key',
      'k-123',
    );
    expect((page.json() as { results: { name: string }[] }).results.map((r) => r.name)).toContain(
      'Beta Model',
    );
    const pending = t.server.standIn.requests.filter((r) => r.family === 'pending');
    expect(pending.at(-1)?.headers.apikey).toBe('k-123');
    const without = await t.cli('search', 'image_generation', '--source', 'pending');
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/no provider is registered under "pending"/);
  });
});
