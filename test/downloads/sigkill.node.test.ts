import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadModels } from '../../src/node.js';
import {
  type FileServer,
  generatedBytes,
  sha256Of,
  startFileServer,
} from '../helpers/file-server.js';
import { testRecord } from './records.js';

const ROOT = join(import.meta.dirname, '../..');
let server: FileServer;
let root: string;
beforeAll(async () => {
  server = await startFileServer();
  root = await mkdtemp(join(tmpdir(), 'hmr-sigkill-'));
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('a process killed mid-download (SIGKILL)', () => {
  it('leaves a .part that the next run resumes with If-Range, ending with the right file', async () => {
    const bytes = generatedBytes(6 * 1024 * 1024, 2024);
    server.serve('/big', bytes);
    // Slow enough that the kill lands mid-body: 64 KiB every 20 ms.
    server.fault('/big', { kind: 'slow', bytes: 64 * 1024, everyMs: 20 }, 1);
    const env = {
      PATH: process.env.PATH ?? '',
      FILE_URL: server.url('/big'),
      FILE_SHA256: sha256Of(bytes),
      ROOT: root,
    };
    // Node itself with tsx's loader: SIGKILL reaches the downloading process, not a wrapper.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/downloads/fixtures/download-child.ts'],
      {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += String(chunk);
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_, signal) => resolve(signal)),
    );
    // Kill once bytes are on disk (writes go out a MiB at a time), well before the end.
    const target = join(root, 'compvis', 'killed.safetensors');
    const onDisk = () =>
      stat(`${target}.part`).then(
        (s) => s.size,
        () => 0,
      );
    for (let i = 0; i < 1000 && (await onDisk()) < 1_500_000 && child.exitCode === null; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(await onDisk()).toBeGreaterThanOrEqual(1_500_000);
    expect(output).toMatch(/bytes \d+/);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(output).not.toMatch(/finished/);

    await expect(stat(target)).rejects.toMatchObject({ code: 'ENOENT' });
    const part = await stat(`${target}.part`);
    expect(part.size).toBeGreaterThan(1_000_000);
    expect(part.size).toBeLessThan(bytes.length);

    const record = testRecord('killed', [
      { name: 'killed.safetensors', url: server.url('/big'), sha256: sha256Of(bytes) },
    ]);
    const report = await downloadModels([record], { root });
    expect(report.files[0]).toMatchObject({ status: 'resumed', resumedFromBytes: part.size });
    const resume = server.seen('/big').at(-1);
    expect(resume).toMatchObject({ status: 206, headers: { range: `bytes=${part.size}-` } });
    expect(resume?.headers['if-range']).toBeTruthy();
    expect((await readFile(target)).equals(bytes)).toBe(true);
  });
});
