import { describe, expect, it } from 'vitest';
import { useStandInCli } from './run-cli.js';

const t = useStandInCli();

describe('usage errors exit with 2 and say what is allowed', () => {
  it.each([
    [
      ['frobnicate'],
      /unknown command "frobnicate"; commands: categories, get, search, stats, status, watch, snapshot/,
    ],
    [
      ['get', 'imagegen'],
      /"imagegen"\. Did you mean "image_generation"\? Valid categories: blip, clip, .*image_generation/,
    ],
    [['get'], /get takes <category> \[name\], got nothing/],
    [['categories', 'extra'], /categories takes no arguments, got "extra"/],
    [['search', 'clip', '--limit', '900'], /--limit: .*allowed: an integer from 1 to 500/],
    [['search', 'clip', '--limit', 'ten'], /--limit expects a whole number, got "ten"/],
    [['search', 'clip', '--baseline', 'x'], /--baseline: does not apply to clip/],
    [
      ['search', 'image_generation', '--sort-by', 'nope'],
      /--sort-by: "nope" is not a field .*allowed: .*name/,
    ],
    [['categories', '--bogus'], /unknown option --bogus; categories takes --primary-url, .*--json/],
    [
      ['search', 'clip', '--bogus'],
      /unknown option --bogus; search takes .*--no-nsfw, .*--tags-any/,
    ],
    [['categories', '--nsfw'], /--nsfw applies to the search, plan and download commands only/],
    [['search', 'clip', '--interval', '5'], /--interval applies to the watch command only/],
    [['search', 'clip', '--nsfw', '--no-nsfw'], /contradict/],
    [
      ['search', 'clip', '--nsfw=maybe'],
      /--nsfw takes no value: --nsfw means true, --no-nsfw false/,
    ],
    [['search', 'clip', '--limit', '--json'], /--limit needs a value \(write --limit=<value>/],
    [['snapshot', 'frob'], /unknown snapshot action "frob"; usage: snapshot export \[file\]/],
    [['snapshot', 'import'], /snapshot import needs a file/],
    [['watch', '--interval', '0'], /--interval expects a number of seconds >= 0\.1/],
    [['watch', '--offline'], /watch .* cannot run --offline/],
    [['status', '--timeout-ms', '-5'], /timeout-ms/],
  ])('%j', async (argv, message) => {
    const result = await t.cli(...argv);
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });

  it.each([
    [
      ['search', 'clip', '--limit'],
      /--limit needs a value\. Run `horde-model-reference search --help`/,
    ],
    [['status', '--primary-url', 'models.aihorde.net'], /--primary-url expects an http\(s\) URL/],
    [['status', '--github-raw-url', 'ftp://x'], /--github-raw-url expects an http\(s\) URL/],
  ])('%j (with nothing after)', async (argv, message) => {
    const result = await t.start({ standIn: false }, ...argv).done;
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
  });

  it('no command: the overview on stderr, exit 2', async () => {
    const result = await t.start({ standIn: false }).done;
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Usage: horde-model-reference <command>/);
  });
});

describe('help and version', () => {
  it('--help: the overview with every command, the options and the exit codes', async () => {
    const help = await t.start({ standIn: false }, '--help').done;
    expect(help.code).toBe(0);
    for (const command of ['categories', 'get', 'search', 'stats', 'status', 'watch', 'snapshot'])
      expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(help.stdout).toMatch(/--offline\s+no network at all/);
    expect(help.stdout).toMatch(/^ {2}2 {4}bad usage/m);
  });

  it('<command> --help and help <command>: that command, its options and examples', async () => {
    const search = await t.start({ standIn: false }, 'search', '--help').done;
    expect(search.code).toBe(0);
    expect(search.stdout).toMatch(/^Usage: horde-model-reference search <category> \[filters\]/);
    expect(search.stdout).toMatch(/--\[no-\]nsfw\s+only NSFW models; --no-nsfw: only SFW ones/);
    expect(search.stdout).toMatch(/--tags-any <a,b>/);
    expect((await t.start({ standIn: false }, 'help', 'search').done).stdout).toBe(search.stdout);
    const watch = await t.start({ standIn: false }, 'watch', '-h').done;
    expect(watch.stdout).toMatch(/--interval <seconds>/);
    expect(watch.stdout).not.toMatch(/--tags-any/);
  });

  it('--version prints the package version', async () => {
    const version = await t.start({ standIn: false }, '--version').done;
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\S*\n$/);
  });
});

describe('interruption', () => {
  it('Ctrl-C during a read that hangs: exit 130, no output', async () => {
    t.server.standIn.setFault('primary', 'hang');
    t.server.standIn.setFault('github', 'hang');
    const stop = new AbortController();
    const run = t.start({ signal: stop.signal }, 'get', 'clip', '--timeout-ms', '60000');
    setTimeout(() => stop.abort(new DOMException('Stopped by SIGINT', 'AbortError')), 200);
    const result = await run.done;
    expect(result.code).toBe(130);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/interrupted/);
  });
});
