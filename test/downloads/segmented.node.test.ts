import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DownloadOptions, downloadModels } from '../../src/node.js';
import {
  type FileServer,
  generatedBytes,
  sha256Of,
  startFileServer,
} from '../helpers/file-server.js';
import { testRecord } from './records.js';

const MB = 1024 * 1024;
let server: FileServer;
let root: string;
beforeAll(async () => {
  server = await startFileServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hmr-segments-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const SEGMENTS: DownloadOptions = {
  connectionsPerFile: 4,
  perHostConcurrency: 4,
  segmentThresholdBytes: MB,
  retryDelayMs: { base: 5, max: 20 },
};

let seed = 100;
function hosted(size: number) {
  const bytes = generatedBytes(size, ++seed);
  const path = `/seg-${seed}`;
  server.serve(path, bytes);
  const record = testRecord(`Seg ${seed}`, [
    { name: `seg-${seed}.bin`, url: server.url(path), sha256: sha256Of(bytes) },
  ]);
  return { bytes, path, record, target: join(root, 'compvis', `seg-${seed}.bin`) };
}

describe('parallel ranges for large files', () => {
  it('fetches a large file in 4 ranges, verifies it, and leaves only the file and its sidecar', async () => {
    const { bytes, path, record, target } = hosted(4 * MB + 3);
    const report = await downloadModels([record], { ...SEGMENTS, root });
    expect(report.files[0]).toMatchObject({ status: 'downloaded', sha256: sha256Of(bytes) });
    const ranges = server.seen(path).map((r) => r.headers.range);
    expect(ranges[0]).toBe('bytes=0-0');
    expect(ranges.slice(1).sort()).toEqual(
      [
        `bytes=0-${MB - 1}`,
        `bytes=${MB}-${2 * MB - 1}`,
        `bytes=${2 * MB}-${3 * MB - 1}`,
        `bytes=${3 * MB}-${4 * MB + 2}`,
      ].sort(),
    );
    expect((await readFile(target)).equals(bytes)).toBe(true);
    expect((await readdir(join(root, 'compvis'))).sort()).toEqual(
      [
        `${record.config.download[0]?.file_name}`,
        target.split('/').pop()?.replace('.bin', '.sha256'),
      ].sort(),
    );
  });

  it('an abort keeps every range for the next run, which resumes each where its bytes end', async () => {
    const { bytes, path, record, target } = hosted(4 * MB);
    server.fault(path, { kind: 'slow', bytes: 32 * 1024, everyMs: 10 });
    const stop = new AbortController();
    const first = await downloadModels([record], {
      ...SEGMENTS,
      root,
      signal: stop.signal,
      progressIntervalMs: 0,
      onProgress: (e) => {
        if (e.type === 'progress' && e.bytes > 1.5 * MB) stop.abort();
      },
    });
    expect(first.files[0]?.status).toBe('interrupted');
    const left = await readdir(join(root, 'compvis'));
    expect(left.filter((n) => n.includes('.spart'))).toHaveLength(2);
    const state = JSON.parse(await readFile(`${target}.spart.json`, 'utf8')) as {
      segments: { done: number }[];
    };
    const done = state.segments.reduce((n, s) => n + s.done, 0);
    expect(done).toBeGreaterThan(0);
    server.heal(path);
    const before = server.seen(path).length;
    const second = await downloadModels([record], { ...SEGMENTS, root });
    expect(second.files[0]).toMatchObject({ status: 'resumed', resumedFromBytes: done });
    expect(second.files[0]?.bytesTransferred).toBe(bytes.length - done);
    // No new probe: the ranges continue, each guarded by If-Range.
    const resumed = server.seen(path).slice(before);
    expect(resumed.every((r) => r.status === 206 && r.headers['if-range'])).toBe(true);
    expect((await readFile(target)).equals(bytes)).toBe(true);
  });

  it('falls back to one stream when the file changed since (If-Range fails) or ranges are ignored', async () => {
    // No sha256 in the reference: only If-Range can tell that the ranges are of another file.
    const bytes = generatedBytes(3 * MB, 999);
    server.serve('/changing', bytes);
    const record = testRecord('Changing', [{ name: 'changing.bin', url: server.url('/changing') }]);
    server.fault('/changing', { kind: 'truncate', afterBytes: 100_000 }, 5);
    const first = await downloadModels([record], { ...SEGMENTS, root, retries: 0 });
    expect(first.files[0]?.status).toBe('failed');
    expect(await readdir(join(root, 'compvis'))).toContain('changing.bin.spart.json');
    const changed = generatedBytes(3 * MB, 4321);
    server.serve('/changing', changed);
    server.heal('/changing');
    const before = server.seen('/changing').length;
    const report = await downloadModels([record], { ...SEGMENTS, root });
    expect(report.files[0]).toMatchObject({ status: 'downloaded', verified: false });
    // The ranges asked with the old validator got the whole new file (200): one stream took over.
    const again = server.seen('/changing').slice(before);
    expect(again[0]).toMatchObject({ status: 200, headers: { 'if-range': expect.any(String) } });
    expect(again.at(-1)?.status).toBe(200);
    expect(again.at(-1)?.headers.range).toBeUndefined();
    expect((await readFile(join(root, 'compvis', 'changing.bin'))).equals(changed)).toBe(true);
    expect(await readdir(join(root, 'compvis'))).not.toContain('changing.bin.spart.json');

    // A reference whose sha256 changed since: the kept ranges are dropped, a new probe starts over.
    const old = hosted(2 * MB);
    server.fault(old.path, { kind: 'truncate', afterBytes: 50_000 }, 5);
    await downloadModels([old.record], { ...SEGMENTS, root, retries: 0 });
    const renewed = generatedBytes(2 * MB, 8080);
    server.serve(old.path, renewed);
    server.heal(old.path);
    const oldName = old.record.config.download[0]?.file_name as string;
    const newer = testRecord(old.record.name, [
      { name: oldName, url: server.url(old.path), sha256: sha256Of(renewed) },
    ]);
    const seen = server.seen(old.path).length;
    expect((await downloadModels([newer], { ...SEGMENTS, root })).files[0]?.status).toBe(
      'downloaded',
    );
    expect(server.seen(old.path)[seen]?.headers.range).toBe('bytes=0-0');
    expect((await readFile(old.target)).equals(renewed)).toBe(true);

    const plain = hosted(2 * MB);
    server.fault(plain.path, { kind: 'ignore-range' });
    const single = await downloadModels([plain.record], { ...SEGMENTS, root });
    expect(single.files[0]?.status).toBe('downloaded');
    expect(server.seen(plain.path).map((r) => r.status)).toEqual([200, 200]);
  });
});
