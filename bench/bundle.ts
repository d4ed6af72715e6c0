// Bundle size: what an application loads at start from the package, and what it loads on demand
// (scripts/bundle-size.ts). The targets are reported here; test:package holds the CI ceilings.
import { execFileSync } from 'node:child_process';
import { BUNDLE_CHECKS, measureBundle } from '../scripts/bundle-size.js';
import type { Bench, BenchResult } from './harness.js';

export const bundleBench: Bench = async () => {
  const root = new URL('..', import.meta.url).pathname;
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'ignore' });
  const rows: BenchResult[] = [];
  for (const check of BUNDLE_CHECKS) {
    const { initial, onDemand } = await measureBundle(check);
    const kb = initial / 1000;
    rows.push({
      name: `bundle: ${check.name}, at start (gzip)`,
      value: kb,
      unit: 'kB',
      target: check.limitKb === null ? 'reported' : `<= ${check.limitKb} kB`,
      met: check.limitKb === null || kb <= check.limitKb,
      detail: `${(onDemand / 1000).toFixed(1)} kB more on demand (converters, change detection, validation fast path, baseline catalog, ...)`,
    });
  }
  return rows;
};
