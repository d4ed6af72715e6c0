import { describe, expect, it } from 'vitest';
import { until, useStandInCli } from './run-cli.js';

const t = useStandInCli();
const CLEAR = '\r\u001b[K';

describe('progress of the commands that read one category', () => {
  it.each([
    [['get', 'image_generation'], 'Loading image_generation'],
    [['get', 'image_generation', 'Ghibli Style'], 'Loading image_generation'],
    [['search', 'clip', '--json'], 'Searching clip'],
    [['stats', 'text_generation'], 'Loading text_generation'],
  ])('%j: a spinner line on a terminal, erased before the result', async (argv, label) => {
    const result = await t.start({ isTTY: true }, ...argv).done;
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^\\r[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] ${label}\\u001b\\[K`));
    expect(result.stderr.endsWith(CLEAR)).toBe(true);
    // stdout stays the result only.
    expect(result.stdout).not.toContain(label);
    const plain = await t.start({ isTTY: false }, ...argv).done;
    expect(plain.stderr).toBe('');
    expect(plain.stdout).toBe(result.stdout);
  });

  it('plan and download show it too, and nothing without a terminal', async () => {
    const root = t.cacheDir;
    const tty = await t.start({ isTTY: true }, 'plan', 'clip', '--root', root, '--json').done;
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/Loading clip/);
    const plain = await t.start({}, 'plan', 'clip', '--root', root, '--json').done;
    expect(plain.stderr).toBe('');
  });

  it('a slow origin: the line counts the seconds; a note while it shows is written on a line of its own', async () => {
    t.server.standIn.setFault('primary', 'hang');
    const run = t.start({ isTTY: true }, 'get', 'clip', '--timeout-ms', '1500');
    await until(() => / 1s/.test(run.stderr()));
    const result = await run.done;
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ViT-L\/14/m);
    // The fallback note erased the progress line first and did not end up inside it.
    const note = result.stderr.indexOf(`${CLEAR}note: clip came from github after v2 failed (`);
    expect(note).toBeGreaterThan(0);
    const line = result.stderr.slice(note + CLEAR.length).split('\n')[0] ?? '';
    expect(line).toMatch(/^note: .*\)$/);
    expect(line).not.toContain('\r');
    expect(line).not.toContain('Loading');
    expect(result.stderr.endsWith(CLEAR)).toBe(true);
  });
});
