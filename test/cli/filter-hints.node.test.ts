import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unmatchedFilters } from '../../src/cli/filter-hints.js';
import { useStandInCli } from './run-cli.js';

const t = useStandInCli();

describe('an exact-match filter that matches no record', () => {
  it('stays a valid empty result (exit 0), and the CLI warns with the closest existing value', async () => {
    const result = await t.cli(
      'search',
      'image_generation',
      '--baseline',
      'Stable_Diffusion_XL',
      '--json',
    );
    expect(result.code).toBe(0);
    expect(result.json()).toMatchObject({ total: 0, results: [] });
    expect(result.stderr).toBe(
      'warning: --baseline "Stable_Diffusion_XL" matches no image_generation model (exact, case-sensitive); closest: "stable_diffusion_xl"\n',
    );
  });

  it('tags too, each value on its own; values that exist say nothing', async () => {
    const result = await t.cli(
      'search',
      'image_generation',
      '--tags-any',
      'anime,animee',
      '--tags-none',
      'furyy',
    );
    expect(result.code).toBe(0);
    const warnings = result.stderr.trim().split('\n');
    expect(warnings).toEqual([
      expect.stringMatching(
        /^warning: --tags-any "animee" matches no image_generation model .*; closest: "anime"/,
      ),
      expect.stringMatching(
        /^warning: --tags-none "furyy" matches no image_generation model .*; closest: "furry"/,
      ),
    ]);
    // "anime" exists: the search still found its models.
    expect(result.stdout).toMatch(/^1-\d+ of \d+$/m);
  });

  it('a value that exists, or no exact filter at all: no warning', async () => {
    const exists = await t.cli(
      'search',
      'image_generation',
      '--baseline',
      'stable_diffusion_xl',
      '--nsfw',
    );
    expect(exists.code).toBe(0);
    expect(exists.stderr).toBe('');
    const none = await t.cli('search', 'image_generation', '--name-contains', 'zzz');
    expect(none.stderr).toBe('');
  });

  it('plan and download warn the same way', async () => {
    const root = await mkdtemp(join(tmpdir(), 'hmr-cli-hint-'));
    try {
      const plan = await t.cli(
        'plan',
        'image_generation',
        '--baseline',
        'flux1',
        '--root',
        root,
        '--json',
      );
      expect(plan.code).toBe(0);
      expect(plan.stderr).toMatch(
        /warning: --baseline "flux1" matches no image_generation model .*closest: "flux_1"/,
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('names from the data are escaped on the terminal', async () => {
    t.server.standIn.data.create('image_generation', {
      name: 'Odd',
      baseline: 'sdxl\u001b[2J',
      nsfw: false,
    });
    try {
      const result = await t.cli('search', 'image_generation', '--baseline', 'sdxl', '--json');
      expect(result.stderr).toContain('closest: "sdxl\\u001b[2J"');
      expect(result.stderr).not.toContain('\u001b');
    } finally {
      t.server.standIn.data.delete('image_generation', 'Odd');
    }
  });
});

describe('unmatchedFilters', () => {
  const records = [
    { name: 'a', baseline: 'flux_1', tags: ['anime'] },
    { name: 'b', baseline: 'stable_diffusion_xl', tags: ['furry', 'anime'] },
    { name: 'c', baseline: null, tags: null },
  ];

  it('nothing close: the values when they are few, else how many', () => {
    expect(unmatchedFilters('image_generation', records, { baseline: 'zzzz' })).toEqual([
      '--baseline "zzzz" matches no image_generation model (exact, case-sensitive); its baselines: "flux_1", "stable_diffusion_xl"',
    ]);
    const many = Array.from({ length: 20 }, (_, i) => ({ name: `m${i}`, tags: [`tag${i}`] }));
    expect(unmatchedFilters('lora', many, { tagsAll: ['zzzzzz'] })).toEqual([
      '--tags-all "zzzzzz" matches no lora model (exact, case-sensitive); none is close among its 20 tags',
    ]);
    expect(unmatchedFilters('clip', [{ name: 'x' }], { tagsAny: ['a'] })).toEqual([
      '--tags-any "a" matches no clip model (exact, case-sensitive); no model of it has a tag',
    ]);
  });

  it('only exact filters, only values no record has', () => {
    expect(
      unmatchedFilters('image_generation', records, {
        baseline: 'flux_1',
        tagsAny: ['anime'],
        nameContains: 'zzz',
      }),
    ).toEqual([]);
  });
});
