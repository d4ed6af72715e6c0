// A read of the pending channel whose key is refused: exit 1, check the key. (The debug output,
// --debug and $HORDE_MODEL_REFERENCE_DEBUG, is tested in debug.node.test.ts.)
import { describe, expect, it } from 'vitest';
import { useStandInCli } from './run-cli.js';

const t = useStandInCli();
const KEY = 'cli-secret-key-9d2e';

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
