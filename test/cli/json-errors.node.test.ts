import { describe, expect, it } from 'vitest';
import { terminalText } from '../../src/cli/terminal-text.js';
import { useStandInCli } from './run-cli.js';

const t = useStandInCli();

interface JsonError {
  error: {
    code: string;
    name: string;
    message: string;
    exitCode: number;
    [field: string]: unknown;
  };
}

/** Runs with and without --json: the same exit code; with it, stderr is one JSON line. */
async function both(
  ...argv: string[]
): Promise<{ code: number; error: JsonError['error']; text: string }> {
  const text = await t.cli(...argv);
  const json = await t.cli(...argv, '--json');
  expect(json.code).toBe(text.code);
  expect(json.stdout).toBe('');
  const lines = json.stderr.split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toBe('');
  const parsed = JSON.parse(lines[0] ?? '') as JsonError;
  expect(parsed.error.exitCode).toBe(json.code);
  // The message is what the run says without --json (where it is escaped for the terminal).
  expect(text.stderr).toContain(terminalText(parsed.error.message.split('\n')[0] ?? ''));
  return { code: json.code, error: parsed.error, text: text.stderr };
}

describe('--json: a failure is one {"error": ...} line on stderr, exit codes unchanged', () => {
  it('usage errors (exit 2): an unknown option, even one the parser refused before reading --json', async () => {
    const { code, error } = await both('search', 'clip', '--bogus');
    expect(code).toBe(2);
    expect(error).toMatchObject({ code: 'UNKNOWN_OPTION', name: 'CliError' });
    const first = await t.cli('--json', 'search', 'clip', '--limit');
    expect(first.code).toBe(2);
    expect(JSON.parse(first.stderr)).toMatchObject({ error: { code: 'USAGE', exitCode: 2 } });
  });

  it('a bad search parameter: the issues as data', async () => {
    const { code, error } = await both('search', 'clip', '--limit', '900');
    expect(code).toBe(2);
    expect(error.code).toBe('INVALID_SEARCH_PARAMS');
    expect(error.name).toBe('InvalidSearchParamsError');
    expect(error.issues).toEqual([expect.objectContaining({ param: 'limit' })]);
  });

  it('a model not found (exit 1)', async () => {
    const { code, error } = await both('get', 'clip', 'nope');
    expect(code).toBe(1);
    expect(error).toMatchObject({
      code: 'MODEL_NOT_FOUND',
      category: 'clip',
      model: 'nope',
      closest: [],
    });
  });

  it('no source answered (exit 1): every attempt, without its cause object', async () => {
    t.server.standIn.setFault('primary', 'refuse');
    t.server.standIn.setFault('github', 'not-found');
    const { code, error } = await both('get', 'clip');
    expect(code).toBe(1);
    expect(error).toMatchObject({ code: 'SOURCE_UNAVAILABLE', category: 'clip', source: 'horde' });
    const attempts = error.attempts as Record<string, unknown>[];
    expect(attempts.map((a) => [a.origin, a.outcome])).toEqual([
      ['v2', 'failed'],
      ['v1', 'skipped'],
      ['github', 'failed'],
    ]);
    for (const attempt of attempts)
      expect(Object.keys(attempt).sort()).toEqual(['origin', 'outcome', 'reason', 'url']);
  });

  it('interrupted (exit 130)', async () => {
    t.server.standIn.setFault('primary', 'hang');
    t.server.standIn.setFault('github', 'hang');
    const stop = new AbortController();
    const run = t.start({ signal: stop.signal }, 'get', 'clip', '--json', '--timeout-ms', '60000');
    setTimeout(() => stop.abort(new DOMException('Stopped by SIGINT', 'AbortError')), 200);
    const result = await run.done;
    expect(result.code).toBe(130);
    expect(JSON.parse(result.stderr)).toEqual({
      error: { code: 'INTERRUPTED', name: 'AbortError', message: 'interrupted', exitCode: 130 },
    });
  });

  it('text from the data stays escaped: no control character reaches the terminal', async () => {
    const { error } = await both('get', 'clip', 'evil\u001b]0;pwned\u0007\u009b2J');
    const json = await t.cli('get', 'clip', 'evil\u001b]0;pwned\u0007\u009b2J', '--json');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
    expect(json.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(error.model).toBe('evil\u001b]0;pwned\u0007\u009b2J');
  });

  it('a success writes nothing on stderr', async () => {
    const ok = await t.cli('get', 'clip', '--json');
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe('');
  });
});
