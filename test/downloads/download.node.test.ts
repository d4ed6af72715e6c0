import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type DownloadOptions,
  type DownloadProgressEvent,
  downloadModels,
  type FileDownloadResult,
  isDownloadFailedError,
  mirrorsFirst,
  verifyModelFiles,
} from '../../src/node.js';
import {
  type FileServer,
  generatedBytes,
  sha256Of,
  startFileServer,
} from '../helpers/file-server.js';
import { testRecord } from './records.js';

const MB = 1024 * 1024;
let server: FileServer;
let other: FileServer;
let root: string;

beforeAll(async () => {
  [server, other] = await Promise.all([startFileServer(), startFileServer()]);
});
afterAll(async () => {
  await Promise.all([server.close(), other.close()]);
});
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hmr-download-'));
  server.requests.length = 0;
  other.requests.length = 0;
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

// Fast retries and stall detection: tests stop by themselves within seconds.
const FAST: DownloadOptions = { retryDelayMs: { base: 5, max: 20 }, idleTimeoutMs: 2_000 };

let counter = 0;
/** Serves a fresh generated file and returns a record that points at it. */
function hosted(size: number, options: { path?: string; auth?: string; sha256?: string } = {}) {
  const seed = ++counter;
  const bytes = generatedBytes(size, seed);
  const path = options.path ?? `/files/model-${seed}.safetensors`;
  server.serve(path, bytes, options.auth ? { auth: options.auth } : {});
  const name = `model-${seed}.safetensors`;
  const record = testRecord(`Model ${seed}`, [
    { name, url: server.url(path), sha256: options.sha256 ?? sha256Of(bytes) },
  ]);
  return { bytes, path, name, record, target: join(root, 'compvis', name) };
}

const only = (results: readonly FileDownloadResult[]): FileDownloadResult => {
  expect(results).toHaveLength(1);
  return results[0] as FileDownloadResult;
};

async function leftovers(): Promise<string[]> {
  return (await readdir(join(root, 'compvis')).catch(() => [])).sort();
}

describe('downloadModels: the happy paths', () => {
  it('downloads, verifies while writing, renames, writes the sidecar; a second run finds it present', async () => {
    const { bytes, record, target, name, path } = hosted(3 * MB);
    const events: DownloadProgressEvent[] = [];
    const report = await downloadModels([record], {
      ...FAST,
      root,
      progressIntervalMs: 0,
      onProgress: (e) => events.push(e),
    });
    expect(report.ok).toBe(true);
    const result = only(report.files);
    expect(result).toMatchObject({
      status: 'downloaded',
      sizeBytes: bytes.length,
      sha256: sha256Of(bytes),
      verified: true,
      bytesTransferred: bytes.length,
    });
    expect((await readFile(target)).equals(bytes)).toBe(true);
    expect(await leftovers()).toEqual([name, name.replace('.safetensors', '.sha256')]);
    // The stored bytes, never a transparently decompressed body.
    expect(server.seen(path)[0]?.headers['accept-encoding']).toBe('identity');
    // Progress: a start, growing bytes with totals and a rate, and a done event.
    expect(events[0]).toMatchObject({ type: 'start', totalBytes: null });
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.length).toBeGreaterThan(3);
    const last = progress[progress.length - 1];
    expect(last).toMatchObject({ totalBytes: bytes.length, totals: { files: 1 } });
    expect(progress.every((e, i) => i === 0 || e.bytes >= (progress[i - 1]?.bytes ?? 0))).toBe(
      true,
    );
    expect(events[events.length - 1]).toMatchObject({
      type: 'done',
      totals: { bytes: bytes.length, filesDone: 1 },
    });

    // The sidecar written from the streamed hash makes the next run instant: no request at all.
    const before = server.requests.length;
    const again = await downloadModels([record], { ...FAST, root });
    expect(only(again.files)).toMatchObject({ status: 'present', verified: true });
    expect(server.requests.length).toBe(before);
  });

  it('fetches a file shared by two models once', async () => {
    const { bytes, path, name } = hosted(MB);
    const file = { name, url: server.url(path), sha256: sha256Of(bytes) };
    const report = await downloadModels([testRecord('A', [file]), testRecord('B', [file])], {
      ...FAST,
      root,
    });
    expect(only(report.files)).toMatchObject({ status: 'downloaded', models: ['A', 'B'] });
    expect(server.seen(path)).toHaveLength(1);
  });
});

describe('downloadModels: resuming', () => {
  it('resumes a .part with Range and If-Range, hashing the prefix first', async () => {
    const { bytes, path, record, target } = hosted(4 * MB);
    server.fault(path, { kind: 'truncate', afterBytes: MB + 123 }, 1);
    const first = await downloadModels([record], { ...FAST, root, retries: 0 });
    expect(only(first.files)).toMatchObject({ status: 'failed', partBytes: MB + 123 });
    const failure = only(first.files);
    if (failure.status !== 'failed') throw new Error('expected a failure');
    expect(failure.error.reason).toBe('network');
    await expect(stat(target)).rejects.toMatchObject({ code: 'ENOENT' });

    const second = await downloadModels([record], { ...FAST, root });
    expect(only(second.files)).toMatchObject({
      status: 'resumed',
      resumedFromBytes: MB + 123,
      bytesTransferred: bytes.length - MB - 123,
    });
    const resume = server.seen(path)[1];
    expect(resume?.headers.range).toBe(`bytes=${MB + 123}-`);
    expect(resume?.headers['if-range']).toMatch(/^"[0-9a-f]{16}"$/);
    expect(resume?.status).toBe(206);
    expect((await readFile(target)).equals(bytes)).toBe(true);
    expect(await leftovers()).not.toContain(`${record.config.download[0]?.file_name}.part`);
  });

  it('continues in the same run after a truncated body or a reset mid-body', async () => {
    const { bytes, path, record, target } = hosted(3 * MB);
    server.fault(path, { kind: 'truncate', afterBytes: 900_000 }, 1);
    server.fault(path, { kind: 'reset', afterBytes: 700_000 }, 1);
    const report = await downloadModels([record], { ...FAST, root });
    // No byte fetched twice: each retry asks for exactly what is not on disk yet.
    expect(only(report.files)).toMatchObject({
      status: 'downloaded',
      bytesTransferred: bytes.length,
    });
    const ranges = server.seen(path).map((r) => r.headers.range);
    expect(ranges.slice(0, 2)).toEqual([undefined, 'bytes=900000-']);
    // A reset drops what the kernel had not sent yet: the client resumes where its data ends.
    expect(ranges).toHaveLength(3);
    const third = Number(/^bytes=(\d+)-$/.exec(ranges[2] ?? '')?.[1]);
    expect(third).toBeGreaterThanOrEqual(900_000);
    expect(third).toBeLessThanOrEqual(1_600_000);
    expect((await readFile(target)).equals(bytes)).toBe(true);
  });

  it('restarts cleanly from the 200 body when the server ignores Range', async () => {
    const { bytes, path, record, target } = hosted(2 * MB);
    server.fault(path, { kind: 'truncate', afterBytes: MB }, 1);
    await downloadModels([record], { ...FAST, root, retries: 0 });
    server.fault(path, { kind: 'ignore-range' });
    const report = await downloadModels([record], { ...FAST, root });
    // Not resumed: the whole file came again, and nothing of the old prefix was appended.
    expect(only(report.files)).toMatchObject({
      status: 'downloaded',
      bytesTransferred: bytes.length,
      resumedFromBytes: 0,
    });
    expect(server.seen(path)[1]).toMatchObject({ status: 200, headers: { range: `bytes=${MB}-` } });
    expect((await readFile(target)).equals(bytes)).toBe(true);
  });

  it('restarts when the file changed between attempts (If-Range no longer matches)', async () => {
    const { path, record, name } = hosted(2 * MB);
    server.fault(path, { kind: 'truncate', afterBytes: MB }, 1);
    await downloadModels([record], { ...FAST, root, retries: 0 });
    const changed = generatedBytes(2 * MB + 10, 999);
    server.serve(path, changed);
    server.heal(path);
    const updated = testRecord(record.name, [
      { name, url: server.url(path), sha256: sha256Of(changed) },
    ]);
    const report = await downloadModels([updated], { ...FAST, root });
    expect(only(report.files)).toMatchObject({ status: 'downloaded', resumedFromBytes: 0 });
    expect(server.seen(path)[1]?.status).toBe(200);
    expect((await readFile(join(root, 'compvis', name))).equals(changed)).toBe(true);
  });

  it('resumes a .part another tool left (no validator) only when the hash is known, starting over once on a mismatch', async () => {
    const { bytes, path, record, target } = hosted(2 * MB);
    await mkdir(join(root, 'compvis'), { recursive: true });
    // The prefix of another version of the file, with no .part.json: nothing says where it came from.
    await writeFile(`${target}.part`, generatedBytes(MB, 5150));
    const report = await downloadModels([record], { ...FAST, root });
    expect(only(report.files)).toMatchObject({ status: 'downloaded', resumedFromBytes: 0 });
    const seen = server.seen(path);
    expect(seen.map((r) => [r.status, r.headers.range, r.headers['if-range']])).toEqual([
      [206, `bytes=${MB}-`, undefined],
      [200, undefined, undefined],
    ]);
    expect((await readFile(target)).equals(bytes)).toBe(true);

    // Without a known hash nothing could catch a splice: such a .part is not resumed.
    const unhashed = hosted(MB, { sha256: 'FIXME' });
    await writeFile(`${unhashed.target}.part`, generatedBytes(1000, 1));
    const plain = await downloadModels([unhashed.record], { ...FAST, root });
    expect(only(plain.files)).toMatchObject({ status: 'downloaded', verified: false });
    expect(server.seen(unhashed.path)[0]?.headers.range).toBeUndefined();
  });

  it('throws away a .part of an older sha256 instead of resuming it', async () => {
    const { path, record, name } = hosted(2 * MB);
    server.fault(path, { kind: 'truncate', afterBytes: MB }, 1);
    await downloadModels([record], { ...FAST, root, retries: 0 });
    const changed = generatedBytes(2 * MB, 777);
    server.serve(path, changed);
    const updated = testRecord(record.name, [
      { name, url: server.url(path), sha256: sha256Of(changed) },
    ]);
    await downloadModels([updated], { ...FAST, root });
    expect(server.seen(path)[1]?.headers.range).toBeUndefined();
  });
});

describe('downloadModels: failures are typed results', () => {
  it('a wrong hash leaves no file and no .part, and is not retried', async () => {
    const { path, record } = hosted(MB, { sha256: 'ab'.repeat(32) });
    const report = await downloadModels([record], { ...FAST, root });
    const result = only(report.files);
    expect(result.status).toBe('failed');
    if (result.status !== 'failed') return;
    expect(isDownloadFailedError(result.error)).toBe(true);
    expect(result.error).toMatchObject({ code: 'DOWNLOAD_FAILED', reason: 'wrong-hash' });
    expect(server.seen(path)).toHaveLength(1);
    expect(await leftovers()).toEqual([]);
    expect(report.ok).toBe(false);
  });

  it.each([401, 403, 404, 410])('HTTP %i is final: one request, no retry', async (status) => {
    const { path, record } = hosted(1000);
    server.fault(path, { kind: 'status', status });
    const report = await downloadModels([record], { ...FAST, root, retries: 5 });
    const result = only(report.files);
    if (result.status !== 'failed') throw new Error('expected a failure');
    expect(result.error).toMatchObject({ reason: 'http-status', status });
    expect(server.seen(path)).toHaveLength(1);
  });

  it('retries 503 (honouring Retry-After) and succeeds', async () => {
    const { path, record } = hosted(1000);
    server.fault(path, { kind: 'status', status: 503, retryAfter: '0' }, 2);
    const report = await downloadModels([record], { ...FAST, root });
    expect(only(report.files).status).toBe('downloaded');
    expect(server.seen(path).map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('gives up after the retries, saying how often it tried', async () => {
    const { path, record } = hosted(1000);
    server.fault(path, { kind: 'status', status: 500 });
    const report = await downloadModels([record], { ...FAST, root, retries: 2 });
    const result = only(report.files);
    if (result.status !== 'failed') throw new Error('expected a failure');
    expect(server.seen(path)).toHaveLength(3);
    expect(result.error.message).toMatch(/HTTP 500 after 2 retries/);
  });

  it('401 without the token; with resolveUrls headers the file comes, and the token stays on its host', async () => {
    const { path, record, target } = hosted(MB, { auth: 'Bearer s3cret' });
    const without = await downloadModels([record], { ...FAST, root });
    const failure = only(without.files);
    if (failure.status !== 'failed') throw new Error('expected a failure');
    expect(failure.error).toMatchObject({ status: 401 });
    expect(failure.error.message).not.toContain('s3cret');

    const host = new URL(server.origin).hostname;
    const report = await downloadModels([record], {
      ...FAST,
      root,
      resolveUrls: mirrorsFirst({ hostHeaders: { [host]: { authorization: 'Bearer s3cret' } } }),
    });
    expect(only(report.files).status).toBe('downloaded');
    expect((await readFile(target)).length).toBe(MB);
    expect(JSON.stringify(report)).not.toContain('s3cret');
    expect(await readFile(`${target.replace('.safetensors', '.sha256')}`, 'utf8')).not.toContain(
      's3cret',
    );
    expect(server.seen(path).at(-1)?.headers.authorization).toBe('Bearer s3cret');
  });

  it('a redirect to another host does not carry the token (nor the global headers)', async () => {
    const bytes = generatedBytes(MB, 31337);
    other.serve('/cdn/blob', bytes);
    server.serve('/gated', Buffer.alloc(0), { auth: 'Bearer tok' });
    server.fault('/gated', { kind: 'redirect', location: other.url('/cdn/blob') });
    const record = testRecord('gated', [
      { name: 'g.safetensors', url: server.url('/gated'), sha256: sha256Of(bytes) },
    ]);
    const report = await downloadModels([record], {
      ...FAST,
      root,
      headers: { 'x-global': 'g' },
      resolveUrls: ({ file }) => [
        { url: file.url as string, headers: { authorization: 'Bearer tok' } },
      ],
    });
    expect(only(report.files).status).toBe('downloaded');
    expect(server.seen('/gated')[0]?.headers).toMatchObject({
      authorization: 'Bearer tok',
      'x-global': 'g',
    });
    const cdn = other.seen('/cdn/blob')[0];
    expect(cdn?.headers.authorization).toBeUndefined();
    expect(cdn?.headers['x-global']).toBeUndefined();
  });

  it('404 on the mirror falls through to the record URL at once; 404 on both fails listing both', async () => {
    const { bytes, path, record } = hosted(MB);
    const resolveUrls = mirrorsFirst({ mirrors: [other.origin] });
    const report = await downloadModels([record], { ...FAST, root, resolveUrls });
    expect(only(report.files).status).toBe('downloaded');
    expect(other.seen(`/by-hash/${sha256Of(bytes)}`)).toHaveLength(1);

    const missing = testRecord('gone', [
      { name: 'gone.safetensors', url: server.url('/nothing-here'), sha256: 'cd'.repeat(32) },
    ]);
    const both = await downloadModels([missing], { ...FAST, root, resolveUrls });
    const result = only(both.files);
    if (result.status !== 'failed') throw new Error('expected a failure');
    expect(result.error.attempts.map((a) => a.outcome)).toEqual(['HTTP 404', 'HTTP 404']);
    expect(server.seen('/nothing-here')).toHaveLength(1);
    expect(server.seen(path)).toHaveLength(1);
  });

  it('a mirror with wrong bytes yields to the record URL; its bad bytes never become the file', async () => {
    const { bytes, record, target } = hosted(MB);
    other.serve(`/by-hash/${sha256Of(bytes)}`, generatedBytes(MB, 666));
    const report = await downloadModels([record], {
      ...FAST,
      root,
      resolveUrls: mirrorsFirst({ mirrors: [other.origin] }),
    });
    const result = only(report.files);
    expect(result.status).toBe('downloaded');
    expect(result.attempts).toEqual([
      {
        url: `${other.origin}/by-hash/${sha256Of(bytes)}`,
        outcome: expect.stringMatching(/sha256 mismatch/),
      },
    ]);
    expect((await readFile(target)).equals(bytes)).toBe(true);
  });

  it('a slow body completes; a stalled one is dropped after the idle timeout and resumed', async () => {
    const { bytes, path, record, target } = hosted(256 * 1024);
    server.fault(path, { kind: 'slow', bytes: 16 * 1024, everyMs: 5 });
    const slow = await downloadModels([record], { ...FAST, root });
    expect(only(slow.files).status).toBe('downloaded');
    server.heal(path);
    await rm(target);
    await rm(target.replace('.safetensors', '.sha256'));
    server.fault(path, { kind: 'stall', afterBytes: 100_000 }, 1);
    const stalled = await downloadModels([record], { ...FAST, root, idleTimeoutMs: 300 });
    expect(only(stalled.files).status).toBe('downloaded');
    expect(server.seen(path).at(-1)?.headers.range).toBe('bytes=100000-');
    expect((await readFile(target)).equals(bytes)).toBe(true);
  });

  it('never writes through a folder symlinked outside the root', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'hmr-outside-'));
    try {
      const { symlink } = await import('node:fs/promises');
      await symlink(outside, join(root, 'compvis'));
      const { record } = hosted(1000);
      const report = await downloadModels([record], { ...FAST, root });
      const result = only(report.files);
      if (result.status !== 'failed') throw new Error('expected a failure');
      expect(result.error.reason).toBe('unsafe-path');
      expect(result.error.message).toMatch(/symlink-outside-root/);
      expect(await readdir(outside)).toEqual([]);
      expect(server.requests).toHaveLength(0);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('rejects options that cannot work before any request', async () => {
    const { record } = hosted(1000);
    for (const options of [
      { concurrency: 0 },
      { perHostConcurrency: 1.5 },
      { retries: -1 },
      { idleTimeoutMs: 0 },
      { retryDelayMs: { base: 10, max: 5 } },
      { connectionsPerFile: 0 },
    ])
      await expect(downloadModels([record], { root, ...options })).rejects.toMatchObject({
        code: 'INVALID_OPTIONS',
      });
    await expect(downloadModels([record])).rejects.toMatchObject({ option: 'root' });
    expect(server.requests).toHaveLength(0);
  });

  it('a model with no URL and no mirror fails as no-url; folder-less and unsafe models fail typed', async () => {
    const report = await downloadModels(
      [
        testRecord('nourl', [{ name: 'x.safetensors', sha256: 'ab'.repeat(32) }]),
        testRecord('file', [
          { name: 'f.safetensors', url: 'file:///etc/passwd', sha256: 'ab'.repeat(32) },
        ]),
        testRecord('llm', [{ name: 'x.gguf', url: server.url('/x') }], {
          category: 'text_generation',
        }),
        testRecord('evil', [{ name: '../../escape.sh', url: server.url('/x') }]),
      ],
      { ...FAST, root },
    );
    expect(
      report.files.map((f) => [f.model, f.status, f.status === 'failed' ? f.error.reason : null]),
    ).toEqual([
      ['nourl', 'failed', 'no-url'],
      ['file', 'failed', 'no-url'],
      ['llm', 'failed', 'no-folder'],
      ['evil', 'failed', 'unsafe-path'],
    ]);
    // Nothing was written anywhere but an empty folder, and nothing beside the root.
    expect(await readdir(root)).toEqual(['compvis']);
    expect(await readdir(join(root, 'compvis'))).toEqual([]);
    await expect(stat(join(root, '..', '..', 'escape.sh'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});

describe('downloadModels: limits and stopping', () => {
  it('keeps at most perHostConcurrency requests in flight to one host', async () => {
    const hosts = Array.from({ length: 5 }, () => {
      const h = hosted(512 * 1024);
      server.fault(h.path, { kind: 'slow', bytes: 64 * 1024, everyMs: 10 });
      return h;
    });
    const report = await downloadModels(
      hosts.map((h) => h.record),
      { ...FAST, root, concurrency: 5, perHostConcurrency: 2 },
    );
    expect(report.counts.downloaded).toBe(5);
    expect(server.peak(hosts.map((h) => h.path))).toBe(2);
  });

  it('an abort leaves a resumable .part and ends interrupted; the next run resumes it', async () => {
    const { bytes, path, record, target, name } = hosted(2 * MB);
    server.fault(path, { kind: 'slow', bytes: 64 * 1024, everyMs: 10 }, 1);
    const stop = new AbortController();
    const report = await downloadModels([record], {
      ...FAST,
      root,
      headers: { authorization: 'Bearer SECRET-TOKEN' },
      signal: stop.signal,
      progressIntervalMs: 0,
      onProgress: (e) => {
        if (e.type === 'progress' && e.bytes > 300_000) stop.abort();
      },
    });
    expect(report.interrupted).toBe(true);
    const result = only(report.files);
    if (result.status !== 'interrupted') throw new Error('expected an interruption');
    expect(result.partBytes).toBeGreaterThan(300_000);
    expect(await leftovers()).toEqual([`${name}.part`, `${name}.part.json`]);
    // What is kept beside the .part says where it came from without the credentials.
    expect(await readFile(join(root, 'compvis', `${name}.part.json`), 'utf8')).not.toMatch(
      /SECRET/,
    );
    const again = await downloadModels([record], { ...FAST, root });
    expect(only(again.files)).toMatchObject({
      status: 'resumed',
      resumedFromBytes: result.partBytes,
    });
    expect((await readFile(target)).equals(bytes)).toBe(true);
  });

  it('a full disk fails the file as disk-full, leaves no final file, and keeps the .part', async () => {
    const { record, target, name } = hosted(3 * MB);
    const { nodeFileSystem } = await import('../../src/node.js');
    // A volume with 1 MiB left: writes beyond it fail with ENOSPC, as the kernel reports it.
    let room = MB;
    const fileSystem = {
      ...nodeFileSystem,
      open: (async (...args: Parameters<typeof nodeFileSystem.open>) => {
        const handle = await nodeFileSystem.open(...args);
        const writev = handle.writev.bind(handle);
        handle.writev = (async (buffers: Uint8Array[], position?: number) => {
          const size = buffers.reduce((n, b) => n + b.byteLength, 0);
          if (size > room)
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
              code: 'ENOSPC',
              syscall: 'write',
            });
          room -= size;
          return writev(buffers, position);
        }) as typeof handle.writev;
        return handle;
      }) as typeof nodeFileSystem.open,
    };
    const report = await downloadModels([record], { ...FAST, root, fileSystem });
    const result = only(report.files);
    if (result.status !== 'failed') throw new Error('expected a failure');
    expect(result.error).toMatchObject({ reason: 'disk-full' });
    await expect(stat(target)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await leftovers()).toEqual([`${name}.part`, `${name}.part.json`]);
    expect(result.partBytes).toBeLessThanOrEqual(MB);
  });

  it('replaces a wrong file on disk with the right one', async () => {
    const { bytes, record, target } = hosted(MB);
    await mkdir(join(root, 'compvis'), { recursive: true });
    await writeFile(target, generatedBytes(MB, 12345));
    const report = await downloadModels([record], { ...FAST, root });
    expect(only(report.files).status).toBe('downloaded');
    expect((await readFile(target)).equals(bytes)).toBe(true);
    const check = await verifyModelFiles([record], { root });
    expect(check.files[0]).toMatchObject({ status: 'verified', hashedFrom: 'sidecar' });
  });
});
