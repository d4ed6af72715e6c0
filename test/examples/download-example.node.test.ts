import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const exec = promisify(execFile);
// Node itself with tsx's loader: no npx start-up on every run.
const run = (env: Record<string, string>) =>
  exec(process.execPath, ['--import', 'tsx', 'examples/download.ts'], { cwd: ROOT, env });

describe('examples/download.ts', () => {
  it('plans under the budget against the demo stand-in, downloads and verifies, then finds it all present', async () => {
    const models = await mkdtemp(join(tmpdir(), 'hmr-example-download-'));
    try {
      // A clean environment: no HORDE_PRIMARY_URL, so the example runs its own offline demo.
      const env = {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        HORDE_MODELS_DIR: models,
      };
      const first = await run(env);
      expect(first.stdout).toMatch(/^to download: AlbedoBase XL \(SDXL\) \(6\.9 MB\)$/m);
      expect(first.stdout).toMatch(
        /^does not fit: Flux\.1 Schnell \(Compact\) \(budget, [\d.]+ MB short\)$/m,
      );
      expect(first.stdout).toMatch(/^downloaded: compvis\/albedobaseXL_v21\.safetensors$/m);
      expect(first.stdout).toMatch(/^3 fetched \(11\.7 MB\), 0 present, 0 failed$/m);
      const names = (await readdir(join(models, 'compvis'))).sort();
      expect(names).toContain('albedobaseXL_v21.safetensors');
      expect(names).toContain('albedobaseXL_v21.sha256');
      expect(names.some((n) => n.endsWith('.part'))).toBe(false);
      expect((await stat(join(models, 'compvis', 'albedobaseXL_v21.safetensors'))).size).toBe(
        6_938_041,
      );
      const sidecar = await readFile(join(models, 'compvis', 'albedobaseXL_v21.sha256'), 'utf8');
      expect(sidecar).toMatch(/^[0-9a-f]{64} \*albedobaseXL_v21\.safetensors\n/);

      const second = await run(env);
      expect(second.stdout).toMatch(/^present: AlbedoBase XL \(SDXL\) \(6\.9 MB\)$/m);
      expect(second.stdout).toMatch(/^nothing to download$/m);
      expect(second.stdout).toMatch(/^0 fetched \(0\.0 MB\), 3 present, 0 failed$/m);
    } finally {
      await rm(models, { recursive: true, force: true });
    }
  }, 60_000);
});
