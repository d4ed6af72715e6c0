// The other half of the bench's lost-lease runs (issue 15): followers downloading from the
// PRIMARY what the store held. A follower's store read that misses its deadline is read again
// (bounded by the outage rule) instead of falling through to the chain, and a cold read waiting
// for a leader asks again when a new leader's term begins (the old leader may have lost its
// lease before it published). A real redis-server, paused with CLIENT PAUSE where Redis must be
// slow, and the managers' own fetch counting what reached the PRIMARY.
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FleetMember } from '../../src/fleet.js';
import { redisCoordinator } from '../../src/redis.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import { freezable, until } from './fleet-test-kit.js';
import { downloads, fleetStandIn, type Worker, workerFactory } from './manager-fleet-kit.js';

const TTL = 3_000;
const RENEW = 1_000;
/** Far below how long Redis is paused: every first read misses its deadline. */
const DEADLINE_MS = 300;

let server: RedisServer;
let admin: ReturnType<typeof createClient>;
let fleet = 0;
const closing: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  server = await startRedisServer();
  admin = createClient({ url: server.url });
  admin.on('error', () => {});
  await admin.connect();
});
afterEach(async () => {
  await Promise.all(closing.splice(0).map((close) => close()));
});
afterAll(async () => {
  await admin.close();
  await server.close();
});

const connectTo = (prefix: string) => async () =>
  redisCoordinator({ url: server.url, prefix, leaseTtlMs: TTL, operationTimeoutMs: DEADLINE_MS });

describe('a Redis follower whose store read misses its deadline', () => {
  it('reads the store again and never downloads what the store holds', async () => {
    const standIn = fleetStandIn();
    const prefix = `hmr-reads-${++fleet}:`;
    const factory = workerFactory(standIn, connectTo(prefix), {
      renewIntervalMs: RENEW,
    });
    const workers: Worker[] = [];
    closing.push(() => Promise.all(workers.map((worker) => worker.refs.close())));
    const leader = await factory.make('leader');
    workers.push(leader);
    const held = await leader.refs.getCategory('image_generation');
    await until('the leader to lead', () => leader.refs.status().coordinator?.role === 'leader');
    const follower = await factory.make('follower');
    workers.push(follower);
    await until('the follower to follow', () => {
      const status = follower.refs.status().coordinator;
      return status?.role === 'follower' && status.lastSyncAt !== null;
    });
    const probe = await connectTo(prefix)();
    closing.push(() => probe.close());
    await until(
      'the published category',
      async () => (await probe.read('image_generation')) !== null,
    );
    const rolesBefore = follower.roles.length;
    // Redis answers nobody for 4 deadlines, well within a lease period (not an outage).
    await admin.sendCommand(['CLIENT', 'PAUSE', String(DEADLINE_MS * 4), 'ALL']);
    const records = await follower.refs.getCategory('image_generation');
    expect(Object.keys(records)).toEqual(Object.keys(held));
    expect(downloads(follower.paths)).toEqual([]);
    expect(follower.refs.status().coordinator).toMatchObject({ role: 'follower', degraded: null });
    expect(follower.roles.slice(rolesBefore)).toEqual([]);
  });
});

describe('a Redis follower whose read keeps failing while the store answers everything else', () => {
  it('gives up after a lease period and reads its own sources (a poisoned key is not waited on forever)', async () => {
    const prefix = `hmr-poisoned-${++fleet}:`;
    const connect = () => redisCoordinator({ url: server.url, prefix, leaseTtlMs: TTL });
    const leader = new FleetMember(connect(), {
      memberId: 'leader',
      leaseTtlMs: TTL,
      renewIntervalMs: RENEW,
    });
    const follower = new FleetMember(connect(), {
      memberId: 'follower',
      leaseTtlMs: TTL,
      renewIntervalMs: RENEW,
    });
    closing.push(() => Promise.all([leader.close(), follower.close()]));
    await leader.join();
    await follower.join();
    // Anyone who can reach Redis can do this: the entry is now a string, and HMGET on it fails.
    await admin.set(`${prefix}fleet:entry:clip`, 'not a hash');
    const wrongType = async () =>
      Number(/errorstat_WRONGTYPE:count=(\d+)/.exec(await admin.info('errorstats'))?.[1] ?? 0);
    const before = await wrongType();
    expect(await follower.read('clip')).toBeNull();
    // It read again (the first failure could have been a slow answer), and then stopped.
    expect(await wrongType()).toBeGreaterThan(before + 1);
    expect(follower.status()).toMatchObject({ role: 'follower', degraded: null });
  });
});

describe('a Redis follower waiting for a category nobody published', () => {
  it('asks again when a new leader takes over, and gets it from that leader', async () => {
    const prefix = `hmr-term-${++fleet}:`;
    const connect = () => redisCoordinator({ url: server.url, prefix, leaseTtlMs: TTL });
    // The first leader never answers a request, then stops like a paused process.
    const paused = freezable(connect());
    const silent = new FleetMember(paused.backend, {
      memberId: 'silent',
      leaseTtlMs: TTL,
      renewIntervalMs: RENEW,
    });
    // The next one answers requests once it leads.
    const next = new FleetMember(connect(), {
      memberId: 'next',
      leaseTtlMs: TTL,
      renewIntervalMs: RENEW,
    });
    next.on('requested', ({ category }) => void next.publish(category, `loaded ${category}`));
    // The waiting one renews rarely, so `next` takes the lease first.
    const waiting = new FleetMember(connect(), {
      memberId: 'waiting',
      leaseTtlMs: TTL * 10,
      renewIntervalMs: TTL * 5,
    });
    closing.push(async () => {
      paused.thaw();
      await Promise.all([silent.close(), next.close(), waiting.close()]);
    });
    await silent.join();
    await next.join();
    await waiting.join();
    expect(silent.status().role).toBe('leader');
    expect(waiting.status().role).toBe('follower');
    const obtained = waiting.obtain('esrgan', { timeoutMs: TTL * 4 });
    // The request reached the silent leader; it stops before answering and loses its lease.
    await new Promise((resolve) => setTimeout(resolve, 200));
    paused.freeze();
    await until('the next leader', () => next.status().role === 'leader', TTL * 3);
    const entry = await obtained;
    expect(entry).toMatchObject({ category: 'esrgan', payload: 'loaded esrgan' });
    expect(waiting.status().role).toBe('follower');
  });
});
