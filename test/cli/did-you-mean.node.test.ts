import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useStandInCli } from './run-cli.js';

const t = useStandInCli();

describe('"did you mean" for commands, flags, categories and model names', () => {
  it.each([
    [['serch', 'clip'], /unknown command "serch" \(did you mean search\?\); commands: categories,/],
    [['stauts'], /unknown command "stauts" \(did you mean stats or status\?\)/],
    [
      ['search', 'clip', '--baselin', 'x'],
      /unknown option --baselin \(did you mean --baseline\?\); search takes --primary-url/,
    ],
    [['get', 'clip', '--jsno'], /unknown option --jsno \(did you mean --json\?\); get takes/],
    // An option of another command is suggested too; the next run says where it applies.
    [['categories', '--intervl', '5'], /unknown option --intervl \(did you mean --interval\?\)/],
    [
      ['get', 'imagegen'],
      /unknown category "imagegen"\. Did you mean "image_generation"\? Valid categories: blip, clip,/,
    ],
    [['stats', 'text-generation'], /Did you mean "text_generation"\?/],
    [['snapshot', 'exprot'], /unknown snapshot action "exprot" \(did you mean export\?\)/],
  ])('%j', async (argv, message) => {
    const result = await t.cli(...argv);
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expect(t.requests()).toEqual([]);
  });

  it('nothing close: no guess, the list of what is allowed as before', async () => {
    const command = await t.cli('frobnicate');
    expect(command.stderr).not.toMatch(/did you mean/i);
    expect(command.stderr).toMatch(/unknown command "frobnicate"; commands: categories/);
    const category = await t.cli('get', 'zzzzzz');
    expect(category.stderr).not.toMatch(/did you mean/i);
    expect(category.stderr).toMatch(/unknown category "zzzzzz"\. Valid categories: blip/);
  });

  it('a model name: get says the closest names of the category (exit 1)', async () => {
    const typo = await t.cli('get', 'image_generation', 'albedobase xl');
    expect(typo.code).toBe(1);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toMatch(
      /Model "albedobase xl" not found in category image_generation\. Did you mean "AlbedoBase XL \(SDXL\)"\?/,
    );
    const json = await t.cli('get', 'image_generation', 'ghibli', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stderr)).toMatchObject({
      error: { code: 'MODEL_NOT_FOUND', closest: ['Ghibli Style'], model: 'ghibli' },
    });
  });

  it('a model name: plan and download say the closest names too', async () => {
    const root = await mkdtemp(join(tmpdir(), 'hmr-cli-dym-'));
    try {
      for (const command of ['plan', 'download']) {
        const result = await t.cli(command, 'image_generation', 'Ghibli Styl', '--root', root);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(
          /not found in category image_generation\. Did you mean "Ghibli Style"\?/,
        );
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('--json usage errors carry the closest names', async () => {
    const result = await t.cli('serch', '--json');
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stderr)).toEqual({
      error: {
        code: 'UNKNOWN_COMMAND',
        name: 'CliError',
        message: expect.stringMatching(/^unknown command "serch"/),
        exitCode: 2,
        closest: ['search'],
      },
    });
    const category = await t.cli('get', 'imagegen', '--json');
    expect(JSON.parse(category.stderr)).toMatchObject({
      error: { code: 'UNKNOWN_CATEGORY', category: 'imagegen', closest: ['image_generation'] },
    });
  });
});
