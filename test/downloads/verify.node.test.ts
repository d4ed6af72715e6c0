import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFileSystem, sidecarPath, verifyModelFiles, writeSidecar } from '../../src/node.js';
import { diffManifests, downloadManifests } from '../../src/worker/download-manifest.js';
import { generatedBytes, sha256Of } from '../helpers/file-server.js';
import { testRecord } from './records.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hmr-verify-'));
  await mkdir(join(root, 'compvis'), { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Counts the files opened for reading: a hash reads the model file, a sidecar check does not. */
function countingFs() {
  const opened: string[] = [];
  return {
    opened,
    fileSystem: {
      ...nodeFileSystem,
      open: ((path: string, ...rest: unknown[]) => {
        opened.push(String(path));
        return (nodeFileSystem.open as (...a: unknown[]) => unknown)(path, ...rest);
      }) as typeof nodeFileSystem.open,
    },
  };
}

describe('verifyModelFiles', () => {
  it('says verified, unverified, missing, wrong size and wrong hash per file', async () => {
    const good = generatedBytes(300_000, 1);
    const bad = generatedBytes(300_000, 2);
    await writeFile(join(root, 'compvis', 'good.safetensors'), good);
    await writeFile(join(root, 'compvis', 'bad.safetensors'), bad);
    await writeFile(join(root, 'compvis', 'nohash.safetensors'), bad);
    await writeFile(join(root, 'compvis', 'short.safetensors'), bad);
    const records = [
      testRecord('good', [{ name: 'good.safetensors', sha256: sha256Of(good).toUpperCase() }]),
      testRecord('bad', [{ name: 'bad.safetensors', sha256: sha256Of(good) }]),
      testRecord('fixme', [{ name: 'nohash.safetensors', sha256: 'FIXME' }]),
      testRecord('malformed', [{ name: 'nohash.safetensors', sha256: 'abc123' }]),
      testRecord('short', [{ name: 'short.safetensors', sha256: sha256Of(bad), size: 1000 }]),
      testRecord('missing', [{ name: 'missing.safetensors', sha256: sha256Of(good) }]),
      testRecord('evil', [{ name: '../evil' }]),
      testRecord('llm', [{ name: 'x.gguf' }], { category: 'text_generation' }),
    ];
    const report = await verifyModelFiles(records, { root });
    expect(report.models.map((m) => [m.name, m.status, m.files[0]?.status])).toEqual([
      ['good', 'verified', 'verified'],
      ['bad', 'incomplete', 'wrong-hash'],
      ['fixme', 'unverified', 'unverified'],
      ['malformed', 'unverified', 'unverified'],
      ['short', 'incomplete', 'wrong-size'],
      ['missing', 'incomplete', 'missing'],
      ['evil', 'refused', 'refused'],
      ['llm', 'unsupported', 'no-folder'],
    ]);
    expect(report.files[1]?.actualSha256).toBe(sha256Of(bad));
    expect(report.files[6]?.error?.reason).toBe('parent-segment');
    expect(report.counts).toMatchObject({
      verified: 1,
      'wrong-hash': 1,
      unverified: 2,
      missing: 1,
    });
  });

  it('writes sidecars the Python library reads, and a second check hashes nothing', async () => {
    const bytes = generatedBytes(2_000_000, 3);
    const path = join(root, 'compvis', 'model.safetensors');
    await writeFile(path, bytes);
    const records = [testRecord('m', [{ name: 'model.safetensors', sha256: sha256Of(bytes) }])];
    const first = countingFs();
    const cold = await verifyModelFiles(records, { root, fileSystem: first.fileSystem });
    expect(cold.files[0]).toMatchObject({ status: 'verified', hashedFrom: 'file' });
    expect(first.opened).toContain(path);

    // Upstream names it with_suffix('.sha256'), first word the digest, `*<name>` as sha256sum does,
    // and it must be newer than the file (Python trusts only that).
    expect(sidecarPath(path)).toBe(join(root, 'compvis', 'model.sha256'));
    const text = await readFile(join(root, 'compvis', 'model.sha256'), 'utf8');
    expect(text.split(/\s+/)[0]).toBe(sha256Of(bytes));
    expect(text.split('\n')[0]).toBe(`${sha256Of(bytes)} *model.safetensors`);
    const [fileStat, sidecarStat] = await Promise.all([
      stat(path),
      stat(join(root, 'compvis', 'model.sha256')),
    ]);
    expect(sidecarStat.mtimeMs).toBeGreaterThan(fileStat.mtimeMs);

    const second = countingFs();
    const warm = await verifyModelFiles(records, { root, fileSystem: second.fileSystem });
    expect(warm.files[0]).toMatchObject({ status: 'verified', hashedFrom: 'sidecar' });
    expect(second.opened).not.toContain(path);
  });

  it('hashes again when the size or the mtime changed, even with the sidecar newer', async () => {
    const bytes = generatedBytes(100_000, 4);
    const path = join(root, 'compvis', 'model.safetensors');
    await writeFile(path, bytes);
    const records = [testRecord('m', [{ name: 'model.safetensors', sha256: sha256Of(bytes) }])];
    await verifyModelFiles(records, { root });
    // Same size, other content, mtime moved back into the past: Python's "sidecar newer" rule
    // would trust the old hash; the size+mtime key does not.
    const other = generatedBytes(100_000, 5);
    await writeFile(path, other);
    await utimes(path, new Date(2020, 0, 1), new Date(2020, 0, 1));
    const report = await verifyModelFiles(records, { root });
    expect(report.files[0]).toMatchObject({ status: 'wrong-hash', hashedFrom: 'file' });
    expect(report.files[0]?.actualSha256).toBe(sha256Of(other));
  });

  it('trusts a sidecar the Python library wrote (newer than its file), and not an older one', async () => {
    const bytes = generatedBytes(50_000, 6);
    const path = join(root, 'compvis', 'model.safetensors');
    await writeFile(path, bytes);
    const sidecar = join(root, 'compvis', 'model.sha256');
    // What download_engine.py writes: "<digest> *<file name>", no newline, no size/mtime line.
    const claimed = 'ab'.repeat(32);
    await writeFile(sidecar, `${claimed} *model.safetensors`);
    const future = new Date(Date.now() + 60_000);
    await utimes(sidecar, future, future);
    const records = [testRecord('m', [{ name: 'model.safetensors', sha256: claimed }])];
    const trusted = await verifyModelFiles(records, { root });
    expect(trusted.files[0]).toMatchObject({ status: 'verified', hashedFrom: 'sidecar' });
    const distrusted = await verifyModelFiles(records, { root, trustForeignSidecars: false });
    expect(distrusted.files[0]).toMatchObject({ status: 'wrong-hash', hashedFrom: 'file' });
    // An old foreign sidecar (file modified after it) is not trusted either.
    await writeFile(sidecar, `${claimed} *model.safetensors`);
    await utimes(sidecar, new Date(2020, 0, 1), new Date(2020, 0, 1));
    const stale = await verifyModelFiles(records, { root });
    expect(stale.files[0]).toMatchObject({ status: 'wrong-hash', hashedFrom: 'file' });
  });

  it('a sidecar naming another file (a.ckpt beside a.safetensors) is never trusted', async () => {
    const bytes = generatedBytes(10_000, 7);
    const path = join(root, 'compvis', 'a.safetensors');
    await writeFile(path, bytes);
    const info = await stat(path, { bigint: true });
    await writeSidecar(join(root, 'compvis', 'a.ckpt'), 'cd'.repeat(32), {
      size: info.size,
      mtimeNs: info.mtimeNs,
    });
    const records = [testRecord('m', [{ name: 'a.safetensors', sha256: 'cd'.repeat(32) }])];
    const report = await verifyModelFiles(records, { root });
    expect(report.files[0]).toMatchObject({ status: 'wrong-hash', hashedFrom: 'file' });
  });

  it('a sha256 changed in the reference is wrong-hash at once (from the sidecar), as diffManifests says', async () => {
    const bytes = generatedBytes(500_000, 8);
    await writeFile(join(root, 'compvis', 'model.safetensors'), bytes);
    const before = testRecord('m', [{ name: 'model.safetensors', sha256: sha256Of(bytes) }]);
    await verifyModelFiles([before], { root });
    const after = testRecord('m', [{ name: 'model.safetensors', sha256: 'ef'.repeat(32) }]);
    const diff = diffManifests(downloadManifests({ m: before }), downloadManifests({ m: after }));
    expect(diff.redownload).toEqual(['m']);
    const counting = countingFs();
    const report = await verifyModelFiles([after], { root, fileSystem: counting.fileSystem });
    expect(report.models[0]?.status).toBe('incomplete');
    expect(report.files[0]).toMatchObject({ status: 'wrong-hash', hashedFrom: 'sidecar' });
    expect(counting.opened).toEqual([]);
  });

  it('stops at once when the signal is aborted', async () => {
    const bytes = generatedBytes(100_000, 9);
    await writeFile(join(root, 'compvis', 'model.safetensors'), bytes);
    const records = [testRecord('m', [{ name: 'model.safetensors', sha256: sha256Of(bytes) }])];
    const stop = new AbortController();
    stop.abort(new Error('stopped'));
    await expect(verifyModelFiles(records, { root, signal: stop.signal })).rejects.toThrow(
      'stopped',
    );
  });
});
