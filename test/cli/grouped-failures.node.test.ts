import { describe, expect, it } from 'vitest';
import { useStandInCli } from './run-cli.js';

const t = useStandInCli();

/** The lines of stderr that name `category` as a word. */
const linesNaming = (stderr: string, category: string) =>
  stderr.split('\n').filter((line) => new RegExp(`\\b${category}\\b`).test(line));

describe('a failure across many categories, grouped by cause', () => {
  it('the PRIMARY down, GitHub up: one line per cause, the categories once', async () => {
    t.server.standIn.setFault('primary', 'refuse');
    const host = new URL(t.server.primaryUrl).host;
    const result = await t.cli('categories');
    expect(result.code).toBe(0);
    const causes = result.stderr.slice(result.stderr.indexOf('Why:'));
    expect(causes).toBe(
      `Why:
  connection to ${host} closed unexpectedly (v2)
  v1: no legacy format
  github: no legacy file on GitHub
    controlnet_annotator, video_generation, audio_generation, lora, ti
`,
    );
    // Not one row per category and origin: each category is named once.
    for (const category of ['lora', 'ti', 'video_generation'])
      expect(linesNaming(result.stderr, category)).toHaveLength(1);
  });

  it('everything down: each host with its reason, then the categories it stopped; exit 1', async () => {
    t.server.standIn.setFault('primary', 'refuse');
    t.server.standIn.setFault('github', 'not-found');
    const primary = new URL(t.server.primaryUrl).host;
    const github = new URL(t.server.githubRawUrl).host;
    const result = await t.cli('status');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^horde-model-reference: 15 of 15 categories could not be loaded, and nothing is cached for any in .*\. Why:$/m,
    );
    const lines = result.stderr.split('\n');
    // The PRIMARY's outage stopped v2 everywhere and v1 in its cool-down: one cause.
    const down = lines.indexOf(`  connection to ${primary} closed unexpectedly (v2, v1)`);
    expect(down).toBeGreaterThan(0);
    expect(lines[down + 1]).toBe('    every category');
    const missing = lines.indexOf(`  ${github}: HTTP 404 (github)`);
    expect(missing).toBeGreaterThan(0);
    expect(lines[missing + 1]).toBe(
      '    blip, clip, codeformer, controlnet, esrgan, gfpgan, safety_checker, image_generation, text_generation, miscellaneous',
    );
    expect(result.stderr).toMatch(
      /Check --primary-url \/ --github-raw-url \(or \$HORDE_PRIMARY_URL/,
    );
    // Fifteen categories, three origins: still only a handful of lines.
    expect(linesNaming(result.stderr, 'clip')).toHaveLength(1);
  });

  it('--json: the same causes as data, on one stderr line', async () => {
    t.server.standIn.setFault('primary', 'refuse');
    t.server.standIn.setFault('github', 'not-found');
    const result = await t.cli('categories', '--json');
    expect(result.code).toBe(1);
    const stderr = result.stderr.trim().split('\n');
    expect(stderr).toHaveLength(1);
    const { error } = JSON.parse(stderr[0] ?? '') as {
      error: {
        code: string;
        exitCode: number;
        causes: { host: string | null; origins: string[]; reason: string; categories: string[] }[];
      };
    };
    expect(error.code).toBe('SOURCE_UNAVAILABLE');
    expect(error.exitCode).toBe(1);
    expect(error.causes.map((c) => [c.host, c.origins, c.reason, c.categories.length])).toEqual([
      [
        new URL(t.server.primaryUrl).host,
        ['v2', 'v1'],
        expect.stringMatching(/closed unexpectedly/),
        15,
      ],
      [new URL(t.server.githubRawUrl).host, ['github'], 'HTTP 404', 10],
      [null, ['v1'], 'no legacy format', 5],
      [null, ['github'], 'no legacy file on GitHub', 5],
    ]);
  });
});
