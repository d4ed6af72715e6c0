// Issue 14 item 15: the CLI never sends control characters from the data to the terminal (table
// output and messages show them escaped; JSON stays the exact data), and a cache folder it cannot
// use is an error (--cache-dir) or a loud warning, never a silent run that persists nothing.
import { execFile } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { terminalSafeJson, terminalText } from '../../src/cli/terminal-text.js';
import { useStandInCli } from './run-cli.js';

const t = useStandInCli();

const TITLE = '\u001b]0;pwned\u0007'; // OSC: retitles the terminal window
const CLEAR = '\u001b[2J'; // CSI: clears the screen
const C1_CSI = '\u009b2J'; // the same, as an 8-bit C1 control
const RLO = '\u202e'; // right-to-left override: the line reads backwards
const HOSTILE_NAME = `evil${TITLE}${CLEAR}model${RLO}fdp.exe`;
const HOSTILE_BASELINE = `stable_diffusion_xl${C1_CSI}\u007f\u0000`;
/** Any character a terminal acts on: C0 except newline, DEL, C1, bidi controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function addHostileModels(): void {
  t.server.standIn.data.create('clip', { name: HOSTILE_NAME, description: `desc${CLEAR}` });
  t.server.standIn.data.create('image_generation', {
    name: `img${TITLE}`,
    baseline: HOSTILE_BASELINE,
    nsfw: false,
    tags: [`tag${CLEAR}`],
    config: { download: [] },
  });
}

describe('control characters from the data', () => {
  it('terminalText escapes C0, DEL, C1 and bidi controls; terminalSafeJson keeps the JSON value exact', () => {
    expect(terminalText(HOSTILE_NAME)).toBe('evil\\x1b]0;pwned\\x07\\x1b[2Jmodel\\u202efdp.exe');
    expect(terminalText('a\tb\nc\u0085')).toBe('a\\x09b\\x0ac\\x85');
    expect(terminalText('a\nb\u001b', { keepNewlines: true })).toBe('a\nb\\x1b');
    expect(terminalText('plain ünïcödé 🙂 text')).toBe('plain ünïcödé 🙂 text');
    const value = { name: HOSTILE_NAME, baseline: HOSTILE_BASELINE };
    const json = terminalSafeJson(JSON.stringify(value));
    expect(json).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('get, search and stats tables show them escaped; nothing raw reaches stdout or stderr', async () => {
    addHostileModels();
    for (const argv of [
      ['get', 'clip'],
      ['get', 'image_generation'],
      ['search', 'image_generation', '--name-contains', 'img'],
      ['stats', 'image_generation'],
      ['categories'],
      ['status'],
    ]) {
      const run = await t.cli(...argv);
      expect(run.code, argv.join(' ')).toBe(0);
      expect(run.stdout, argv.join(' ')).not.toMatch(RAW_CONTROL);
      expect(run.stderr, argv.join(' ')).not.toMatch(RAW_CONTROL);
    }
    const get = await t.cli('get', 'clip');
    expect(get.stdout).toContain('evil\\x1b]0;pwned\\x07\\x1b[2Jmodel\\u202efdp.exe');
    const stats = await t.cli('stats', 'image_generation');
    expect(stats.stdout).toContain('stable_diffusion_xl\\x9b2J\\x7f\\x00');
  });

  it('--json output is the exact data, with nothing raw a terminal would act on', async () => {
    addHostileModels();
    const clip = await t.cli('get', 'clip', '--json');
    expect(clip.stdout).not.toMatch(RAW_CONTROL);
    const records = clip.json() as Record<string, { name: string; description: string }>;
    expect(records[HOSTILE_NAME]?.name).toBe(HOSTILE_NAME);
    expect(records[HOSTILE_NAME]?.description).toBe(`desc${CLEAR}`);
    const one = await t.cli('get', 'image_generation', `img${TITLE}`, '--json');
    expect(one.stdout).not.toMatch(RAW_CONTROL);
    expect((one.json() as { baseline: string }).baseline).toBe(HOSTILE_BASELINE);
  });

  it('an error message carrying such characters shows them escaped on stderr', async () => {
    const run = await t.cli('get', 'clip', `nope${CLEAR}`);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Model "nope\\u001b\[2J" not found/);
    expect(run.stderr).not.toMatch(RAW_CONTROL);
  });
});

/** Runs against the stand-in with this cache folder (or none: the default folder). */
function withCacheDir(cacheDir: string | null, env: Record<string, string>, ...argv: string[]) {
  const where = t.where();
  const at = where.indexOf('--cache-dir');
  const others = [...where.slice(0, at), ...where.slice(at + 2)];
  const dir = cacheDir === null ? [] : ['--cache-dir', cacheDir];
  return t.start({ standIn: false, env }, ...argv, ...others, ...dir).done;
}

describe('a cache folder that cannot be used', () => {
  it('--cache-dir that is a file: exit 2, says why, no stack trace, no request', async () => {
    const file = join(t.cacheDir, 'a-file');
    await writeFile(file, 'not a folder');
    const before = t.server.standIn.count();
    const run = await withCacheDir(file, {}, 'get', 'clip');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /--cache-dir .*a-file cannot hold the cache: it is a file, not a folder/,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
    expect(t.server.standIn.count()).toBe(before);
  });

  it('--cache-dir below a file: exit 2 naming the system error', async () => {
    const file = join(t.cacheDir, 'a-file');
    await writeFile(file, 'x');
    const run = await withCacheDir(join(file, 'sub'), {}, 'get', 'clip');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/a part of its path is a file, not a folder \(ENOTDIR/);
  });

  it('the default folder unusable: the command runs, with a loud warning that nothing is saved', async () => {
    const file = join(t.cacheDir, 'xdg-is-a-file');
    await writeFile(file, 'x');
    const run = await withCacheDir(null, { XDG_CACHE_HOME: file }, 'get', 'clip');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ViT-L\/14/);
    expect(run.stderr).toMatch(
      /warning: the cache folder .*xdg-is-a-file.* cannot be used: .*Nothing from this run is saved for --offline/,
    );
  });

  it('a FIFO in the cache folder: --offline ends at once (nothing cached), a normal run replaces it', async () => {
    const fifo = join(t.cacheDir, 'horde-model-reference_clip.json');
    await promisify(execFile)('mkfifo', [fifo]);
    const offline = await t.cli('get', 'clip', '--offline');
    expect(offline.code).toBe(1);
    expect(offline.stderr).toMatch(/nothing is cached for category clip/);
    const online = await t.cli('get', 'clip');
    expect(online.code).toBe(0);
    expect((await t.cli('get', 'clip', '--offline')).code).toBe(0);
  });

  it('a cache write that fails during the run (a directory where the file goes) is a warning, once', async () => {
    await mkdir(join(t.cacheDir, 'horde-model-reference_clip.json'));
    const run = await t.cli('get', 'clip');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ViT-L\/14/);
    expect(run.stderr.match(/warning: the cache could not be saved/g)).toHaveLength(1);
    expect(run.stderr).toMatch(/horde-model-reference:clip/);
    expect(await readdir(t.cacheDir)).toEqual(['horde-model-reference_clip.json']);
  });
});
