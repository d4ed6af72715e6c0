// examples/fleet/run.ts as a user runs it: three worker processes against the demo stand-in, on
// a shared folder and on a real Redis. What each member printed is checked: one leader read the
// PRIMARY, the followers applied its publishes, a follower took over after the SIGKILL and the
// next write reached the two left; the run stops by itself and leaves nothing in Redis.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';

const ROOT = join(import.meta.dirname, '../..');
const exec = promisify(execFile);
const IDS = ['gpu-1', 'gpu-2', 'gpu-3'];
const CHANGED = /^ {2}(gpu-\d): image_generation changed: AlbedoBase XL \(SDXL\) \(from (.+)\)$/gm;

// Node itself with tsx's loader, in a clean environment (no test runner variables).
const run = (extra: Record<string, string>) =>
  exec(process.execPath, ['--import', 'tsx', 'examples/fleet/run.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...extra },
    timeout: 90_000,
  });

/** Checks what the members printed, in the order the run prints it. */
function expectFleetStory(stdout: string): void {
  // Every worker served the category, one of them as the leader, the others following it.
  for (const id of IDS)
    expect(stdout).toMatch(new RegExp(`^ {2}${id}: serves 8 image models$`, 'm'));
  const leaders = [...stdout.matchAll(/^ {2}(gpu-\d): leads/gm)].map((m) => m[1]);
  const first = leaders[0];
  expect(first).toBeDefined();
  const followers = IDS.filter((id) => id !== first);
  for (const id of followers)
    expect(stdout).toMatch(new RegExp(`^ {2}${id}: follows ${first}$`, 'm'));
  // Only the leader read the PRIMARY for three workers.
  expect(stdout).toMatch(/^The PRIMARY sent 1 category download\(s\) for three workers\.$/m);

  const [beforeKill, afterKill] = stdout.split(/^The leader .* is killed \(SIGKILL\):$/m) as [
    string,
    string,
  ];
  expect(stdout).toContain(`The leader ${first} is killed (SIGKILL):`);
  // The first write: the leader read it from the PRIMARY, each follower from its publish.
  const firstChanges = [...beforeKill.matchAll(CHANGED)].map((m) => [m[1], m[2]]);
  expect(firstChanges).toHaveLength(3);
  expect(firstChanges).toContainEqual([first, expect.stringMatching(/^the PRIMARY, /)]);
  for (const id of followers) expect(firstChanges).toContainEqual([id, "the leader's publish"]);

  // A follower took over; the second write reached the two left, through the new leader.
  const next = leaders[1];
  expect(followers).toContain(next);
  const [, afterTakeover = ''] = afterKill.split(/^Another change on the PRIMARY:$/m);
  const secondChanges = [...afterTakeover.matchAll(CHANGED)].map((m) => [m[1], m[2]]);
  expect(secondChanges).toHaveLength(2);
  expect(secondChanges).toContainEqual([next, expect.stringMatching(/^the PRIMARY, /)]);
  const other = followers.find((id) => id !== next);
  expect(secondChanges).toContainEqual([other, "the leader's publish"]);
  expect(afterKill).not.toContain(`${first}:`);
  // Both stopped cleanly, each after the two changes.
  for (const id of followers)
    expect(stdout).toMatch(
      new RegExp(`^ {2}${id}: stopped as \\w+.*, after 2 change\\(s\\)$`, 'm'),
    );
  expect(stdout).toMatch(/^done$/m);
}

describe('examples/fleet/run.ts', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis.close();
  });

  it('on a shared folder: one leader reads the PRIMARY, followers take its publishes, a follower takes over after SIGKILL', async () => {
    const { stdout } = await run({});
    expect(stdout).toMatch(/^Three workers, one fleet \(on a shared folder\):$/m);
    expectFleetStory(stdout);
  }, 100_000);

  it('on Redis (REDIS_URL): the same, and the run leaves no key behind', async () => {
    const { stdout } = await run({ REDIS_URL: redis.url });
    expect(stdout).toMatch(/^Three workers, one fleet \(on Redis\):$/m);
    expectFleetStory(stdout);
    const client = await createClient({ url: redis.url }).connect();
    try {
      expect(await client.dbSize()).toBe(0);
    } finally {
      await client.close();
    }
  }, 100_000);
});
