// A real full disk: a 2 MiB tmpfs, when this machine lets the test mount one (root on Linux).
// The simulated ENOSPC in download.node.test.ts covers every machine; this one proves the kernel's
// own error is classified the same way.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadModels, freeBytes } from '../../src/node.js';
import {
  type FileServer,
  generatedBytes,
  sha256Of,
  startFileServer,
} from '../helpers/file-server.js';
import { testRecord } from './records.js';

const mountPoint = await mkdtemp(join(tmpdir(), 'hmr-tmpfs-'));
// Mounting needs root and the right to mount (not every container has it): try once.
let mounted = false;
try {
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], {
      stdio: 'ignore',
    });
    mounted = true;
  }
} catch {
  mounted = false;
}
let server: FileServer;

beforeAll(async () => {
  server = await startFileServer();
});
afterAll(async () => {
  if (mounted) execFileSync('umount', [mountPoint]);
  await rm(mountPoint, { recursive: true, force: true });
  await server.close();
});

describe('a real full file system', () => {
  it.skipIf(!mounted)(
    'ENOSPC on a 2 MiB tmpfs: disk-full, no final file, free space reported by statfs (skipped where a tmpfs cannot be mounted)',
    async () => {
      const bytes = generatedBytes(5 * 1024 * 1024, 77);
      server.serve('/too-big', bytes);
      const free = await freeBytes(mountPoint);
      expect(free).toBeLessThanOrEqual(2 * 1024 * 1024);
      const record = testRecord('big', [
        { name: 'big.safetensors', url: server.url('/too-big'), sha256: sha256Of(bytes) },
      ]);
      const report = await downloadModels([record], {
        root: mountPoint,
        retryDelayMs: { base: 5, max: 10 },
      });
      const result = report.files[0];
      if (result?.status !== 'failed') throw new Error('expected a failure');
      expect(result.error.reason).toBe('disk-full');
      const names = await readdir(join(mountPoint, 'compvis'));
      expect(names).not.toContain('big.safetensors');
      expect(names).toContain('big.safetensors.part');
    },
  );
});
