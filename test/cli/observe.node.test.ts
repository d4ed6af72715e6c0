// The CLI's debug output ($HORDE_MODEL_REFERENCE_DEBUG: the manager's logger on stderr, escaped)
// and a read of the pending channel whose key is refused (exit 1, check the key).
import { describe, expect, it } from 'vitest';
import { debugRequested, stderrLogger } from '../../src/cli/debug-logger.js';
import { useStandInCli } from './run-cli.js';

const t = useStandInCli();
const KEY = 'cli-secret-key-9d2e';

describe('$HORDE_MODEL_REFERENCE_DEBUG', () => {
  it('writes every request on stderr, the key never', async () => {
    const run = await t.start(
      { env: { HORDE_MODEL_REFERENCE_DEBUG: '1' } },
      'get',
      'clip',
      '--json',
      '--api-key',
      KEY,
    ).done;
    expect(run.code).toBe(0);
    const url = `${t.server.primaryUrl}/model_references/v2/clip`;
    expect(run.stderr).toMatch(
      new RegExp(
        `^debug \\[horde-model-reference\\] GET ${url} \\(v2, attempt 1\\) → 200 in \\d+ ms$`,
        'm',
      ),
    );
    expect(run.stderr).not.toContain(KEY);
    expect(Object.keys(run.json() as object)).toEqual(['ViT-L/14', 'coca_ViT-L-14']);
  });

  it.each(['', '0', 'false'])('stays quiet when it is %j or unset', async (value) => {
    const quiet = await t.start({ env: { HORDE_MODEL_REFERENCE_DEBUG: value } }, 'get', 'clip')
      .done;
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toMatch(/horde-model-reference\]/);
    expect((await t.cli('get', 'clip')).stderr).toBe('');
  });

  it('is read from any value but empty, 0 and false', () => {
    expect(debugRequested({ HORDE_MODEL_REFERENCE_DEBUG: '1' })).toBe(true);
    expect(debugRequested({ HORDE_MODEL_REFERENCE_DEBUG: 'yes' })).toBe(true);
    expect(debugRequested({ HORDE_MODEL_REFERENCE_DEBUG: ' FALSE ' })).toBe(false);
    expect(debugRequested({})).toBe(false);
  });

  it('escapes control characters from the data before they reach the terminal', () => {
    let written = '';
    const logger = stderrLogger({
      stdout: () => {},
      stderr: (text) => {
        written += text;
      },
      isTTY: true,
      env: {},
    });
    logger.warn?.('record "\u001b]0;pwned\u0007\u202eevil" skipped');
    expect(written).toBe('warn record "\\x1b]0;pwned\\x07\\u202eevil" skipped\n');
  });
});

describe('a read of the pending channel alone, with a refused key', () => {
  it('exits 1 and says to check the key, without showing it', async () => {
    t.server.standIn.setFault('pending', 'client-error', { status: 401 });
    const run = await t.cli('search', 'image_generation', '--source', 'pending', '--api-key', KEY);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /the pending source could not provide category image_generation: .*HTTP 401.*Check the API key \(--api-key or \$HORDE_API_KEY\)/,
    );
    expect(run.stderr).not.toContain(KEY);
  });
});
