import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

// The README's first command: it must keep working offline, and show each step of the chain.
it('npm run demo walks the fallback chain through the CLI', async () => {
  const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/demo.ts'], {
    cwd: join(import.meta.dirname, '../..'),
    timeout: 60_000,
  });
  expect(stdout).toMatch(/^image_generation\s+8\s+v2\s+no$/m);
  expect(stdout).toMatch(/^AlbedoBase XL \(SDXL\)\s+stable_diffusion_xl\s+no\s+6\.9 GB$/m);
  // PRIMARY down: its young data is kept (stale) rather than replaced by GitHub's lagging copy;
  // a machine with nothing cached reads GitHub; GitHub down too: the cache serves.
  expect(stdout).toMatch(/^image_generation\s+snapshot\s+8\s+\S+\s+yes\s+v2: failed/m);
  expect(stdout).toMatch(/^image_generation\s+github\s+8/m);
  expect(stdout).toMatch(/^image_generation\s+snapshot\s+8\s+\S+\s+yes/m);
  expect(stdout).toMatch(/"name": "Ghibli Style"/);
  expect(stdout).not.toMatch(/exit code/);
  expect(stdout.trim().endsWith('Done.')).toBe(true);
});
