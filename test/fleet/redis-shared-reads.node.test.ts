// Coordinators of one process on the same Redis share a read of one entry asked for in the same
// turn of the event loop (issue 15, propagation: 50 managers in a process each read the same
// large category after every publish). One command reaches Redis, everyone gets the answer, no
// answer is older than what was published before the read was asked for, and a closed
// coordinator in the batch does not fail the others. A real redis-server, counted with INFO.
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetCoordinator } from '../../src/fleet.js';
import { redisCoordinator } from '../../src/redis.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import { sleep, until, wholePayload } from './fleet-test-kit.js';

let server: RedisServer;
let admin: ReturnType<typeof createClient>;
let fleet = 0;

beforeAll(async () => {
  server = await startRedisServer();
  admin = createClient({ url: server.url });
  admin.on('error', () => {});
  await admin.connect();
});
afterAll(async () => {
  await admin.close();
  await server.close();
});

/** How many times Redis ran `command` (inside scripts too) so far. */
async function calls(command: string): Promise<number> {
  const info = await admin.info('commandstats');
  const line = info.split('\n').find((each) => each.startsWith(`cmdstat_${command}:`));
  return Number(/calls=(\d+)/.exec(line ?? '')?.[1] ?? 0);
}

/** `count` coordinators of one fleet, and a member of the first leading it. */
async function fleetOf(count: number) {
  const prefix = `hmr-shared-${++fleet}:`;
  const coordinators: FleetCoordinator[] = Array.from({ length: count }, () =>
    redisCoordinator({ url: server.url, prefix, leaseTtlMs: 3_000 }),
  );
  const leader = await coordinators[0]?.acquire('leader', 3_000);
  if (!leader) throw new Error('no lease');
  const close = () => Promise.all(coordinators.map((each) => each.close()));
  return { coordinators, leader, close, prefix };
}

describe('reads of one entry by coordinators of one process', () => {
  it('asked for in the same turn reach Redis as one command, and everyone gets the entry', async () => {
    const { coordinators, leader, close } = await fleetOf(20);
    try {
      const [first] = coordinators as [FleetCoordinator];
      const payload = wholePayload(1, 100_000);
      const version = await first.publish('image_generation', leader, payload);
      // Connections are up before counting.
      await Promise.all(coordinators.map((each) => each.versions()));
      const before = await calls('hmget');
      const entries = await Promise.all(coordinators.map((each) => each.read('image_generation')));
      expect(await calls('hmget')).toBe(before + 1);
      for (const entry of entries)
        expect(entry).toMatchObject({ category: 'image_generation', version, payload });
      // Reads in later turns are new commands: nothing is cached.
      await first.read('image_generation');
      await coordinators[1]?.read('image_generation');
      expect(await calls('hmget')).toBe(before + 3);
    } finally {
      await close();
    }
  });

  it('never answers with a version older than one published before the read was asked for', async () => {
    const { coordinators, leader, close } = await fleetOf(8);
    try {
      const [first] = coordinators as [FleetCoordinator];
      for (let n = 0; n < 20; n++) {
        const version = await first.publish('clip', leader, `payload ${n}`);
        // Some readers ask before the next publish is sent, some right after it resolves.
        const early = coordinators.slice(0, 4).map((each) => each.read('clip'));
        const next = first.publish('clip', leader, `payload ${n} again`);
        const late = coordinators.slice(4).map((each) => each.read('clip'));
        const nextVersion = await next;
        for (const entry of await Promise.all(early))
          expect(entry?.version).toBeGreaterThanOrEqual(version as number);
        for (const entry of await Promise.all(late))
          expect(entry?.version).toBeGreaterThanOrEqual(version as number);
        const after = await Promise.all(coordinators.map((each) => each.read('clip')));
        for (const entry of after) expect(entry?.version).toBe(nextVersion);
      }
    } finally {
      await close();
    }
  });

  it('still answers the others when the coordinator that would send the read is closed', async () => {
    const { coordinators, leader, close } = await fleetOf(5);
    try {
      const [first] = coordinators as [FleetCoordinator];
      const version = await first.publish('esrgan', leader, 'shared');
      await Promise.all(coordinators.map((each) => each.versions()));
      const reads = coordinators.map((each) => each.read('esrgan').catch((error: Error) => error));
      void first.close();
      const answers = await Promise.all(reads);
      for (const answer of answers.slice(1)) expect(answer).toMatchObject({ version });
    } finally {
      await close();
    }
  });

  it('does not share reads across fleets (prefixes)', async () => {
    const a = await fleetOf(2);
    const b = await fleetOf(2);
    try {
      await a.coordinators[0]?.publish('blip', a.leader, 'fleet a');
      await b.coordinators[0]?.publish('blip', b.leader, 'fleet b');
      const [fromA, fromB] = await Promise.all([
        a.coordinators[1]?.read('blip'),
        b.coordinators[1]?.read('blip'),
      ]);
      expect(fromA?.payload).toBe('fleet a');
      expect(fromB?.payload).toBe('fleet b');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('requests for one category by coordinators of one process', () => {
  it('made in the same turn reach the leader as one request', async () => {
    const { coordinators, close } = await fleetOf(10);
    try {
      const heard: string[] = [];
      const stop = await coordinators[0]?.subscribe((notice) => {
        if (notice.type === 'requested') heard.push(`${notice.category} ${notice.requesterId}`);
      });
      await Promise.all(coordinators.map((each) => each.versions()));
      await Promise.all(
        coordinators.slice(1).map((each, i) => each.request('gfpgan', `follower-${i}`)),
      );
      await until('the request', () => heard.length > 0);
      await sleep(200);
      expect(heard).toEqual(['gfpgan follower-0']);
      await coordinators[1]?.request('gfpgan', 'again');
      await until('the next request', () => heard.length > 1);
      expect(heard[1]).toBe('gfpgan again');
      await stop?.();
    } finally {
      await close();
    }
  });
});
