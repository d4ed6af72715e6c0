import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { downloadModels, nodeFileSystem, planDownloads } from '../../src/node.js';
import {
  type FileServer,
  generatedBytes,
  sha256Of,
  startFileServer,
} from '../helpers/file-server.js';
import { testRecord } from './records.js';

const MB = 1_000_000;
let root: string;
let server: FileServer;
beforeAll(async () => {
  server = await startFileServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hmr-plan-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A record of one file of `size` bytes, served by the test server. */
function model(name: string, size: number, options: { createdAt?: number; seed?: number } = {}) {
  const bytes = generatedBytes(size, options.seed ?? size);
  server.serve(`/${name}`, bytes);
  return testRecord(
    name,
    [{ name: `${name}.safetensors`, url: server.url(`/${name}`), sha256: sha256Of(bytes) }],
    { size, ...(options.createdAt !== undefined ? { createdAt: options.createdAt } : {}) },
  );
}

const names = (models: readonly { name: string }[]) => models.map((m) => m.name);

describe('planDownloads', () => {
  it('a budget that excludes the largest model: it is left out with the bytes missing, smaller ones after it fit', async () => {
    const records = [model('small', 2 * MB), model('largest', 6 * MB), model('medium', 3 * MB)];
    const plan = await planDownloads(records, { root, budgetBytes: 6 * MB });
    expect(names(plan.download)).toEqual(['small', 'medium']);
    expect(plan.doesNotFit).toMatchObject([
      { name: 'largest', reason: 'budget', sizeBytes: 6 * MB, missingBytes: 2 * MB },
    ]);
    expect(plan.totals).toMatchObject({ downloadBytes: 5 * MB, plannedBytes: 5 * MB });
    expect(plan.freeBytes).toBeGreaterThan(0);

    // Downloading the plan fetches exactly what fits.
    const report = await downloadModels(plan, { retryDelayMs: { base: 5, max: 10 } });
    expect(report.files.map((f) => [f.model, f.status])).toEqual([
      ['small', 'downloaded'],
      ['medium', 'downloaded'],
    ]);
    expect(names(report.notAttempted)).toEqual(['largest']);
    expect(await readdir(join(root, 'compvis'))).not.toContain('largest.safetensors');

    // Now on disk, they count against the budget as present; the plan has nothing to fetch.
    const again = await planDownloads(records, { root, budgetBytes: 6 * MB });
    expect(names(again.present)).toEqual(['small', 'medium']);
    expect(again.download).toEqual([]);
    expect(again.totals.presentBytes).toBe(5 * MB);
  });

  it('orders by newest or by a usage map, then keeps the first n (NEW n, TOP n)', async () => {
    const records = [
      model('old', 1000, { createdAt: 100 }),
      model('undated', 1001),
      model('new', 1002, { createdAt: 300 }),
      model('mid', 1003, { createdAt: 200 }),
    ];
    const newest = await planDownloads(records, { root, order: 'newest', limit: 2 });
    expect(names(newest.download)).toEqual(['new', 'mid']);
    const all = await planDownloads(records, { root, order: 'newest' });
    expect(names(all.download)).toEqual(['new', 'mid', 'old', 'undated']);
    const usage = { mid: 50, old: 900, nope: 1e9, ['__proto__']: 5 };
    const top = await planDownloads(records, { root, order: { usage }, limit: 3 });
    expect(names(top.download)).toEqual(['old', 'mid', 'undated']);
    const map = await planDownloads(records, {
      root,
      order: { usage: new Map([['new', 1]]) },
      limit: 1,
    });
    expect(names(map.download)).toEqual(['new']);
    await expect(planDownloads(records, { root, limit: -1 })).rejects.toMatchObject({
      code: 'INVALID_OPTIONS',
    });
    await expect(planDownloads(records, { root, order: 'random' as never })).rejects.toMatchObject({
      option: 'order',
    });
    await expect(planDownloads(records, { root, budgetBytes: -5 })).rejects.toMatchObject({
      option: 'budgetBytes',
    });
  });

  it('a model of unknown size does not fit a budget; without one it is planned and counted apart', async () => {
    const sized = model('sized', 1000);
    const unsized = testRecord('unsized', [{ name: 'u.safetensors', url: server.url('/u') }]);
    const budgeted = await planDownloads([unsized, sized], { root, budgetBytes: 10_000 });
    expect(budgeted.doesNotFit).toMatchObject([
      { name: 'unsized', reason: 'unknown-size', missingBytes: null },
    ]);
    expect(names(budgeted.download)).toEqual(['sized']);
    const free = await planDownloads([unsized, sized], { root });
    expect(names(free.download)).toEqual(['unsized', 'sized']);
    expect(free.totals).toMatchObject({ unknownSizeModels: 1, downloadBytes: 1000 });
  });

  it('leaves out what the free space of the target cannot hold, counting .part bytes and wrong files freed', async () => {
    const a = model('a', 4 * MB);
    const b = model('b', 5 * MB);
    const c = model('c', 3 * MB);
    await mkdir(join(root, 'compvis'), { recursive: true });
    // 1 MB of b is there already as a .part; a wrong 2 MB copy of c is deleted before its download.
    await writeFile(join(root, 'compvis', 'b.safetensors.part'), generatedBytes(MB, 5 * MB));
    await writeFile(join(root, 'compvis', 'c.safetensors'), generatedBytes(2 * MB, 1));
    const fileSystem = {
      ...nodeFileSystem,
      statfs: (async () => ({ bavail: 8, bsize: MB })) as unknown as typeof nodeFileSystem.statfs,
    };
    const plan = await planDownloads([a, b, c], { root, fileSystem });
    expect(plan.freeBytes).toBe(8 * MB);
    // a takes 4; b needs 4 more (1 on disk) = 8; c needs 3, with 2 freed by its wrong copy: 1 short.
    expect(names(plan.download)).toEqual(['a', 'b']);
    expect(plan.download[1]?.downloadBytes).toBe(4 * MB);
    expect(plan.download[1]?.files[0]).toMatchObject({ partBytes: MB, status: 'missing' });
    expect(plan.doesNotFit).toMatchObject([{ name: 'c', reason: 'free-space', missingBytes: MB }]);
  });

  it('lists the files of models no longer selected as deletable, except kept and shared ones', async () => {
    await mkdir(join(root, 'compvis'), { recursive: true });
    await mkdir(join(root, 'vae'), { recursive: true });
    for (const [name, size] of [
      ['gone.safetensors', 10],
      ['kept.safetensors', 20],
      ['shared.vae', 30],
      ['stale.safetensors.part', 40],
    ] as const)
      await writeFile(
        join(root, name.endsWith('.vae') ? 'vae' : 'compvis', name),
        Buffer.alloc(size),
      );
    const vae = { name: 'shared.vae', purpose: 'vae' };
    const selected = testRecord('selected', [{ name: 'selected.safetensors' }, vae]);
    const known = [
      selected,
      testRecord('gone', [{ name: 'gone.safetensors' }, vae]),
      testRecord('kept', [{ name: 'kept.safetensors' }]),
      testRecord('stale', [{ name: 'stale.safetensors' }]),
      testRecord('absent', [{ name: 'absent.safetensors' }]),
    ];
    const plan = await planDownloads([selected], { root, known, keep: ['kept'] });
    expect(plan.deletable).toEqual([
      {
        name: 'gone',
        category: 'image_generation',
        files: [{ path: join(root, 'compvis', 'gone.safetensors'), sizeBytes: 10 }],
        bytes: 10,
      },
      {
        name: 'stale',
        category: 'image_generation',
        files: [{ path: join(root, 'compvis', 'stale.safetensors.part'), sizeBytes: 40 }],
        bytes: 40,
      },
    ]);
    expect(plan.totals.deletableBytes).toBe(50);
  });

  it('counts a file shared by two selected models once, and reports unplaceable models', async () => {
    const shared = { name: 'shared.safetensors', url: server.url('/shared'), size: 1000 };
    const plan = await planDownloads(
      [
        testRecord('one', [shared]),
        testRecord('two', [
          shared,
          { name: 'own.safetensors', url: server.url('/own'), size: 500 },
        ]),
        testRecord('llm', [{ name: 'x.gguf' }], { category: 'text_generation' }),
        testRecord('evil', [{ name: '/etc/shadow' }]),
        testRecord('empty', []),
      ],
      { root, budgetBytes: 1500 },
    );
    expect(plan.download.map((m) => [m.name, m.sizeBytes])).toEqual([
      ['one', 1000],
      ['two', 500],
    ]);
    expect(plan.unsupported.map((m) => [m.name, m.reason, m.errors.map((e) => e.reason)])).toEqual([
      ['llm', 'no-folder', []],
      ['evil', 'refused', ['absolute']],
      ['empty', 'no-files', []],
    ]);
  });
});
