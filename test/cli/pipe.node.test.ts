// Issue 14 item 19 (CLI part): `horde-model-reference get text_generation | head -1` must not
// exit on EPIPE before its cache write is done, or the next `--offline` run finds nothing.
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ROOT, useStandInCli } from './run-cli.js';

const t = useStandInCli();

/** Runs the CLI (node with tsx's loader, no wrapper) with stdout a pipe whose reader is gone. */
async function runWithClosedPipe(
  ...argv: string[]
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...argv], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The reader leaves before anything is written, as `head -1` does after its line: every write
  // of the CLI to stdout fails with EPIPE.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stderr };
}

describe('stdout closed early (EPIPE)', () => {
  it('`get text_generation | head -1`: the cache is written before exit, and --offline then has the data', async () => {
    const { code, stderr } = await runWithClosedPipe('get', 'text_generation', ...t.where());
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
    // No temporary file left behind, one complete cache file.
    expect((await readdir(t.cacheDir)).sort()).toEqual([
      'horde-model-reference_text_generation.json',
    ]);
    t.server.standIn.setFault('primary', 'refuse');
    t.server.standIn.setFault('github', 'refuse');
    const offline = await t.cli('get', 'text_generation', '--offline', '--json');
    expect(offline.code).toBe(0);
    expect(Object.keys(offline.json() as object)).toContain('KoboldAI/LLaMA2-13B-Tiefighter');
  });

  it('`categories | head -1`: every category is cached before exit', async () => {
    const { code } = await runWithClosedPipe('categories', ...t.where());
    expect(code).toBe(0);
    expect((await readdir(t.cacheDir)).filter((f) => f.endsWith('.json'))).toHaveLength(15);
    expect((await readdir(t.cacheDir)).filter((f) => !f.endsWith('.json'))).toEqual([]);
  });
});
