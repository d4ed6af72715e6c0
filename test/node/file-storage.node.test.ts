import { fork } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fileStorage } from '../../src/node.js';
import { createStandInPrimary } from '../../src/testing.js';
import { setup } from '../helpers/manager.js';

const directories: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hmr-'));
  directories.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(directories.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('fileStorage', () => {
  it('round-trips values and reports a missing key as null', async () => {
    const storage = fileStorage(join(await tempDir(), 'nested'));
    expect(await storage.get('horde-model-reference:clip')).toBeNull();
    await storage.set('horde-model-reference:clip', '{"a":1}');
    expect(await storage.get('horde-model-reference:clip')).toBe('{"a":1}');
    await storage.delete('horde-model-reference:clip');
    expect(await storage.get('horde-model-reference:clip')).toBeNull();
  });

  it('a process killed in the middle of a write leaves the previous file intact', async () => {
    const dir = await tempDir();
    const storage = fileStorage(dir);
    await storage.set('k', 'old complete value');
    // A child process writes ~200 MB through the same storage and is killed (SIGKILL) mid-write.
    const script = join(dir, 'writer.mts');
    const source = fileURLToPath(new URL('../../src/node.ts', import.meta.url));
    await writeFile(
      script,
      `import { fileStorage } from ${JSON.stringify(source)};\n` +
        `process.send?.('writing');\n` +
        `await fileStorage(${JSON.stringify(dir)}).set('k', 'x'.repeat(200_000_000));\n`,
    );
    const child = fork(script, { execArgv: ['--import', 'tsx'] });
    await new Promise((resolve) => child.once('message', resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(await storage.get('k')).toBe('old complete value');
  });

  it('lets a restarted manager start offline from the folder', async () => {
    const dir = await tempDir();
    const { refs } = setup({ storage: fileStorage(dir) });
    await refs.getCategory('image_generation');
    await refs.close(); // waits for the snapshot write
    const stored = JSON.parse(
      await readFile(join(dir, 'horde-model-reference_image_generation.json'), 'utf8'),
    );
    expect(stored.origin).toBe('v2');
    const down = createStandInPrimary();
    down.setFault('primary', 'refuse');
    down.setFault('github', 'refuse');
    const { refs: restarted } = setup({ storage: fileStorage(dir) }, down);
    expect(Object.keys(await restarted.getCategory('image_generation'))).toHaveLength(8);
    await restarted.close();
  });
});
