// Bundle size: size-limit's figures for the core entry (see .size-limit.json).
import { execFileSync } from 'node:child_process';
import type { Bench } from './harness.js';

export const bundleBench: Bench = () => {
  const root = new URL('..', import.meta.url).pathname;
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'ignore' });
  const out = execFileSync(`${root}node_modules/.bin/size-limit`, ['--json'], {
    cwd: root,
  }).toString();
  const rows = JSON.parse(out) as { name: string; size: number; passed: boolean }[];
  return rows.map((row, i) => ({
    name:
      i === 0
        ? 'bundle: core entry as a worker/dashboard imports it (gzip)'
        : 'bundle: core entry, every export (gzip)',
    value: row.size / 1000,
    unit: 'kB',
    target: i === 0 ? '<= 35 kB' : '<= 45 kB (reported)',
    met: row.passed,
    detail: row.name,
  }));
};
