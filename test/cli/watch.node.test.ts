import { describe, expect, it } from 'vitest';
import { until, useStandInCli } from './run-cli.js';

const t = useStandInCli();

/** Starts `watch`, waits until it is watching, and returns the run and its stop switch. */
async function watching(interval = '0.1', ...argv: string[]) {
  const stop = new AbortController();
  const run = t.start({ signal: stop.signal }, 'watch', '--interval', interval, ...argv);
  await until(() => run.stderr().includes(`Watching for changes every ${interval}s`));
  return { run, stop: () => stop.abort(new DOMException('Stopped by SIGINT', 'AbortError')) };
}

describe('watch', () => {
  it('prints each change as a line until stopped, then closes cleanly (exit 0)', async () => {
    const { run, stop } = await watching();
    t.server.standIn.data.create('clip', { name: 'ViT-B-32', description: 'new' });
    await until(() => run.stdout().includes('clip: added ViT-B-32'));
    t.server.standIn.data.delete('clip', 'coca_ViT-L-14');
    await until(() => run.stdout().includes('clip: removed coca_ViT-L-14'));
    stop();
    const result = await run.done;
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d{4}-\d\d-\d\dT\S+Z clip: added ViT-B-32$/m);
    // Closed cleanly: the last state reached the cache, so an offline run sees it.
    const offline = await t.cli('get', 'clip', '--offline', '--json');
    expect(Object.keys(offline.json() as object).sort()).toEqual(['ViT-B-32', 'ViT-L/14']);
  });

  it('--json: one JSON object per change, with the changed fields', async () => {
    const { run, stop } = await watching('0.1', '--json');
    const albedo = t.server.standIn.data.category('image_generation')['AlbedoBase XL (SDXL)'];
    t.server.standIn.data.update('image_generation', {
      ...(albedo as { name: string }),
      description: 'Retrained.',
    });
    await until(() => run.stdout().includes('\n'));
    stop();
    const result = await run.done;
    expect(result.code).toBe(0);
    const [line] = result.stdout.trim().split('\n');
    expect(JSON.parse(line ?? '')).toMatchObject({
      at: expect.stringMatching(/Z$/),
      category: 'image_generation',
      added: [],
      removed: [],
      changed: [{ name: 'AlbedoBase XL (SDXL)', fields: ['description'] }],
    });
  });

  it('reports an outage once per category, then the recovery, and keeps watching', async () => {
    const { run, stop } = await watching();
    t.server.standIn.setFault('primary', 'server-error', { status: 503 });
    t.server.standIn.setFault('github', 'server-error', { status: 503 });
    await until(() => /last-known-good data for .*\bclip\b/.test(run.stderr()), 15_000);
    expect(run.stderr()).toMatch(/last-known-good data for .*: v2 failed \(HTTP 503\)/);
    t.server.standIn.setFault('primary', 'ok');
    t.server.standIn.setFault('github', 'ok');
    t.server.standIn.data.create('clip', { name: 'ViT-H-14', description: 'after the outage' });
    // A slow machine may fail three checks in a row, which opens the sources' circuits: recovery
    // then comes with the probe after their 30 s cool-down.
    await until(() => run.stdout().includes('clip: added ViT-H-14'), 40_000);
    await until(() => /note: fresh data again for .*\bclip\b/.test(run.stderr()), 5_000);
    stop();
    const result = await run.done;
    expect(result.code).toBe(0);
    // Once per category, however many checks failed meanwhile.
    const warned = result.stderr.match(/^warning: serving last-known-good data for .*?:/gm) ?? [];
    const categories = warned.flatMap((line) => line.replace(/^.* for |:$/g, '').split(', '));
    expect(categories).toContain('clip');
    expect(new Set(categories).size).toBe(categories.length);
  }, 70_000);

  it('nothing could be loaded: exit 1 instead of watching nothing', async () => {
    t.server.standIn.setFault('primary', 'refuse');
    t.server.standIn.setFault('github', 'refuse');
    const result = await t.start({ signal: new AbortController().signal }, 'watch').done;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/15 of 15 categories could not be loaded/);
    expect(result.stderr).not.toMatch(/Watching/);
  });
});
