// Downloads and verification over real sockets on 127.0.0.1 (the file server in its own process):
// throughput against a plain fetch piped to a file, peak memory while downloading 1 GiB, and
// verification with warm sidecars against hashing, and cold hashing against sha256sum.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { downloadModels, verifyModelFiles } from '../src/node.js';
import type { ModelRecord } from '../src/schemas/record-schemas.js';
import { fileServerProcess } from './file-server-process.js';
import type { Bench, BenchResult } from './harness.js';

const GiB = 1024 ** 3;
const CHUNK = 16 * 1024 * 1024;

/** Writes `size` bytes of pseudo-random data (a 16 MiB random block, varied per chunk). */
async function makeFile(path: string, size: number, seed: number): Promise<string> {
  const block = Buffer.alloc(CHUNK);
  for (let i = 0; i < CHUNK; i += 32)
    createHash('sha256').update(`${seed}:${i}`).digest().copy(block, i);
  const hash = createHash('sha256');
  const handle = await open(path, 'w');
  try {
    for (let written = 0, n = 0; written < size; written += CHUNK, n++) {
      block.writeUInt32LE(n, 0);
      const piece = block.subarray(0, Math.min(CHUNK, size - written));
      hash.update(piece);
      await handle.write(piece);
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

const record = (name: string, url: string, sha256: string): ModelRecord =>
  ({
    record_type: 'image_generation',
    name,
    metadata: { schema_version: '2.0.0' },
    model_classification: { domain: 'image', purpose: 'generation' },
    config: { download: [{ file_name: `${name}.safetensors`, file_url: url, sha256sum: sha256 }] },
  }) as ModelRecord;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const MiB = 1024 ** 2;
const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);

export const downloadsBench: Bench = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hmr-bench-downloads-'));
  const served = join(dir, 'served');
  await mkdir(served);
  const server = await fileServerProcess(served);
  const results: BenchResult[] = [];
  let run = 0;
  /** Downloads `name` into a fresh root with the SDK; returns the root. */
  const sdk = async (name: string, sha: string, options: { durable?: boolean } = {}) => {
    const root = join(dir, `root-${run++}`);
    const report = await downloadModels([record(name, `${server.origin}/${name}`, sha)], {
      root,
      ...options,
    });
    if (!report.ok) throw new Error(`download failed: ${JSON.stringify(report.files[0])}`);
    return root;
  };
  const plain = async (name: string) => {
    const response = await fetch(`${server.origin}/${name}`);
    await pipeline(
      Readable.fromWeb(response.body as never),
      createWriteStream(join(dir, 'plain.bin')),
    );
  };
  try {
    // Throughput: 512 MiB, plain fetch and the SDK alternating (page cache of the served file
    // warm for all), the SDK both as it ships (fsync before the rename) and without the fsync,
    // which is what the plain fetch does.
    const small = await makeFile(join(served, 'half.bin'), 512 * MiB, 3);
    await plain('half.bin');
    await rm(await sdk('half.bin', small), { recursive: true });
    const times = { plain: [] as number[], durable: [] as number[], fast: [] as number[] };
    for (let i = 0; i < 2; i++) {
      times.plain.push(await timed(() => plain('half.bin')));
      for (const [key, durable] of [
        ['durable', true],
        ['fast', false],
      ] as const) {
        let root = '';
        times[key].push(
          await timed(async () => (root = await sdk('half.bin', small, { durable }))),
        );
        await rm(root, { recursive: true });
      }
    }
    const plainMs = median(times.plain);
    for (const [key, label] of [
      ['durable', 'as shipped: sha256 while writing, fsync, rename'],
      ['fast', 'durable: false (no fsync, as the plain fetch)'],
    ] as const) {
      const ratio = plainMs / median(times[key]);
      results.push({
        name: `download throughput from 127.0.0.1, SDK ${label} / plain fetch piped to a file`,
        value: ratio,
        unit: '×',
        target: '>= 0.9×',
        met: ratio >= 0.9,
        detail: `${mbps(512 * MiB, median(times[key])).toFixed(0)} MB/s vs ${mbps(512 * MiB, plainMs).toFixed(0)} MB/s (512 MiB, median of 2 alternating runs)`,
      });
    }

    // Peak memory while downloading 1 GiB.
    const sha = await makeFile(join(served, 'model.bin'), GiB, 1);
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      const { rss, heapUsed } = process.memoryUsage();
      peakRss = Math.max(peakRss, rss);
      peakHeap = Math.max(peakHeap, heapUsed);
    }, 20);
    let verifyRoot = '';
    const bigMs = await timed(async () => (verifyRoot = await sdk('model.bin', sha))).finally(() =>
      clearInterval(sampler),
    );
    results.push({
      name: 'peak memory growth while downloading a 1 GiB file',
      value: (peakRss - before.rss) / 1e6,
      unit: 'MB',
      target: 'bounded (no whole-file buffering)',
      met: peakRss - before.rss < 256e6,
      detail: `RSS ${(before.rss / 1e6).toFixed(0)} → peak ${(peakRss / 1e6).toFixed(0)} MB; heap ${(before.heapUsed / 1e6).toFixed(0)} → peak ${(peakHeap / 1e6).toFixed(0)} MB; ${mbps(GiB, bigMs).toFixed(0)} MB/s`,
    });
    await rm(join(served, 'model.bin'));

    // Verification of 1.5 GiB already on disk: the downloaded 1 GiB and a second file.
    const second = join(verifyRoot, 'compvis', 'second.safetensors');
    const secondSha = await makeFile(second, 512 * MiB, 2);
    const records = [record('model.bin', '', sha), record('second', '', secondSha)];
    const files = [join(verifyRoot, 'compvis', 'model.bin.safetensors'), second];
    const sha256sum = () => promisify(execFile)('sha256sum', files);
    await sha256sum(); // both files in the page cache for both tools
    const coldSdk: number[] = [];
    const coldTool: number[] = [];
    for (let i = 0; i < 2; i++) {
      coldTool.push(await timed(sha256sum));
      coldSdk.push(
        await timed(async () => {
          const report = await verifyModelFiles(records, { root: verifyRoot, sidecars: false });
          if (report.counts.verified !== 2) throw new Error('verification failed');
        }),
      );
    }
    await verifyModelFiles(records, { root: verifyRoot }); // writes the sidecars
    const warm: number[] = [];
    for (let i = 0; i < 200; i++)
      warm.push(
        await timed(async () => {
          const report = await verifyModelFiles(records, { root: verifyRoot });
          if (report.files.some((f) => f.hashedFrom !== 'sidecar'))
            throw new Error('sidecar not used');
        }),
      );
    const warmRatio = median(coldSdk) / median(warm);
    const coldRatio = median(coldTool) / median(coldSdk);
    results.push(
      {
        name: 'verify 1.5 GiB already on disk: hashing it / with warm sidecars',
        value: warmRatio,
        unit: '×',
        target: '>= 1000×',
        met: warmRatio >= 1000,
        detail: `${median(warm).toFixed(2)} ms vs ${median(coldSdk).toFixed(0)} ms`,
      },
      {
        name: 'cold hashing of the same 1.5 GiB: sha256sum time / SDK time',
        value: coldRatio,
        unit: '×',
        target: '>= 0.8×',
        met: coldRatio >= 0.8,
        detail: `SDK ${median(coldSdk).toFixed(0)} ms, sha256sum ${median(coldTool).toFixed(0)} ms (page cache warm for both)`,
      },
    );
  } finally {
    server.stop();
    await rm(dir, { recursive: true, force: true });
  }
  return results;
};
