// Bundle size: size-limit's figures (see .size-limit.json), in the order written there. CI holds
// what a worker or dashboard imports to 35 kB and the whole root entry to 36 kB; `./api` alone is
// reported.
import { execFileSync } from 'node:child_process';
import type { Bench } from './harness.js';

const ROWS = [
  { name: 'bundle: core as a worker/dashboard imports it (gzip)', targetKb: 35 },
  { name: 'bundle: the whole root entry (gzip)', targetKb: 36 },
  { name: 'bundle: ./api, the API client alone (gzip)', targetKb: null },
] as const;

export const bundleBench: Bench = () => {
  const root = new URL('..', import.meta.url).pathname;
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'ignore' });
  const out = execFileSync(`${root}node_modules/.bin/size-limit`, ['--json'], {
    cwd: root,
  }).toString();
  const sizes = JSON.parse(out) as { name: string; size: number }[];
  return sizes.map((row, i) => {
    const spec = ROWS[i] ?? { name: row.name, targetKb: null };
    const kb = row.size / 1000;
    return {
      name: spec.name,
      value: kb,
      unit: 'kB',
      target: spec.targetKb === null ? 'reported' : `<= ${spec.targetKb} kB`,
      met: spec.targetKb === null || kb <= spec.targetKb,
      detail: row.name,
    };
  });
};
