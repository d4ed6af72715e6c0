// The fleet stays out of the isomorphic core (types only there; the role machine comes with the
// coordinators), the Redis client is loaded by the ./redis entry only, the file coordinator by
// ./node only, and ./fleet runs anywhere.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const entry = (file: string) => fileURLToPath(new URL(`../../src/${file}`, import.meta.url));

/** Every file an entry's bundle is made of, relative to the project. */
async function inputsOf(file: string, platform: 'browser' | 'node'): Promise<string[]> {
  const result = await build({
    entryPoints: [entry(file)],
    bundle: true,
    write: false,
    metafile: true,
    platform,
    format: 'esm',
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

const nodeOnlyFleet = /src\/fleet\/(redis|file)-|node_modules\/(redis|@redis)\//;

describe('fleet entry points', () => {
  it('the core has the fleet types only: no role machine, no Redis client, no file coordinator', async () => {
    const inputs = await inputsOf('index.ts', 'browser');
    expect(inputs.filter((input) => input.includes('src/fleet/'))).toEqual([]);
    expect(inputs.filter((input) => nodeOnlyFleet.test(input))).toEqual([]);
  });

  it('./fleet is isomorphic: the role machine and the memory coordinator, nothing Node-only', async () => {
    const inputs = await inputsOf('fleet.ts', 'browser');
    expect(inputs).toContain('src/fleet/fleet-member.ts');
    expect(inputs).toContain('src/fleet/memory-coordinator.ts');
    expect(
      inputs.filter((input) => nodeOnlyFleet.test(input) || input.startsWith('node:')),
    ).toEqual([]);
  });

  it('./redis brings node-redis; ./node brings the file coordinator and no Redis', async () => {
    const redis = await inputsOf('redis.ts', 'node');
    expect(redis.some((input) => input.includes('node_modules/@redis/client/'))).toBe(true);
    expect(redis).toContain('src/fleet/redis-coordinator.ts');
    const node = await inputsOf('node.ts', 'node');
    expect(node).toContain('src/fleet/file-coordinator.ts');
    expect(node.filter((input) => /redis/.test(input))).toEqual([]);
  });
});
