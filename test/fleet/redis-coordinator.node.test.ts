import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCoordinatorUnavailableError, isInvalidOptionsError } from '../../src/index.js';
import { redisCoordinator } from '../../src/redis.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import { type BackendHarness, describeBackendContract } from './backend-contract.js';
import { describeBaselinesContract } from './baselines-contract.js';
import { until } from './fleet-test-kit.js';
import { describeManagerContract } from './manager-contract.js';
import { describeMemberContract } from './member-contract.js';

let server: RedisServer;
let test = 0;
let prefix = 'hmr-test-0:';

beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server.close();
});

const harness: BackendHarness = {
  async setUp() {
    // A fresh fleet per test: its own prefix on the shared server.
    prefix = `hmr-test-${++test}:`;
    if (!server.running()) await server.start();
  },
  async tearDown() {
    if (!server.running()) await server.start();
  },
  async connect() {
    return redisCoordinator({
      url: server.url,
      prefix,
      leaseTtlMs: 1_500,
      operationTimeoutMs: 1_000,
    });
  },
  outage: {
    down: () => server.kill(),
    up: () => server.start(),
  },
  async wipe() {
    await server.kill();
    await server.start();
  },
};

describeBackendContract('redis', harness);
describeMemberContract('redis', harness);
describeManagerContract('redis', harness);
describeBaselinesContract('redis', harness);

describe('redisCoordinator', () => {
  it('works with a client the application already has, and leaves it open on close', async () => {
    const client = createClient({ url: server.url });
    client.on('error', () => {});
    await client.connect();
    try {
      // The coordinator makes its members: what the manager will call.
      const member = redisCoordinator({ client, prefix: 'hmr-own-client:' }).member({
        memberId: 'own',
      });
      const other = redisCoordinator({ url: server.url, prefix: 'hmr-own-client:' }).member();
      await member.join();
      await other.join();
      expect(member.status().role).toBe('leader');
      const heard: number[] = [];
      other.on('published', ({ version }) => heard.push(version));
      // Notices arrive on the coordinator's own second connection (a duplicate of the client).
      const version = await member.publish('clip', 'through your client');
      await until('the notice', () => heard.length > 0);
      expect(heard).toEqual([version]);
      await member.close();
      await other.close();
      expect(client.isReady).toBe(true);
      expect(await client.exists('hmr-own-client:fleet:entry:clip')).toBe(1);
    } finally {
      await client.close();
    }
  });

  it('rides out a graceful shutdown (SIGTERM) and restart: standalone, then back, scripts loaded again', async () => {
    const join = (memberId: string) =>
      redisCoordinator({
        url: server.url,
        prefix: 'hmr-graceful:',
        operationTimeoutMs: 1_000,
      }).member({
        memberId,
        leaseTtlMs: 1_500,
        renewIntervalMs: 500,
      });
    const members = [join('a'), join('b')];
    const degraded: string[] = [];
    for (const member of members) member.on('degraded', () => degraded.push(member.memberId));
    await Promise.all(members.map((member) => member.join()));
    try {
      await server.stop();
      await until('both members to go standalone', () =>
        members.every((member) => member.status().role === 'standalone'),
      );
      expect(degraded.sort()).toEqual(['a', 'b']);
      await server.start();
      // The restarted server has no scripts cached: EVALSHA fails with NOSCRIPT, then EVAL runs.
      await until(
        'one leader and one follower',
        () =>
          members
            .map((member) => member.status().role)
            .sort()
            .join() === 'follower,leader',
      );
      const leader = members.find((member) => member.status().role === 'leader');
      expect(await leader?.publish('clip', 'after restart')).toEqual(expect.any(Number));
    } finally {
      if (!server.running()) await server.start();
      await Promise.all(members.map((member) => member.close()));
    }
  });

  it('keeps every key under the prefix and never stores anything but what was published', async () => {
    const client = createClient({ url: server.url });
    await client.connect();
    await client.flushAll();
    const backend = redisCoordinator({ url: server.url, prefix: 'hmr-keys:' });
    const lease = await backend.acquire('m1', 5_000);
    await backend.publish('lora', lease, '{"records":{}}');
    await backend.request('clip', 'm2');
    try {
      const keys = await client.keys('*');
      expect(keys.sort()).toEqual([
        'hmr-keys:fleet:entry:lora',
        'hmr-keys:fleet:fence',
        'hmr-keys:fleet:lease',
        'hmr-keys:fleet:versions',
      ]);
      expect(await client.hGetAll('hmr-keys:fleet:lease')).toEqual({
        holder: 'm1',
        token: String(lease.token),
      });
      const entry = await client.hGetAll('hmr-keys:fleet:entry:lora');
      expect(Object.keys(entry).sort()).toEqual(['payload', 'publishedAt', 'token', 'version']);
      expect(entry.payload).toBe('{"records":{}}');
    } finally {
      await client.close();
      await backend.close();
    }
  });

  it('ignores junk on its channel and entries that are not its own shape', async () => {
    const backend = redisCoordinator({ url: server.url, prefix: 'hmr-junk:' });
    const notices: unknown[] = [];
    await backend.subscribe((notice) => notices.push(notice));
    const client = createClient({ url: server.url });
    await client.connect();
    try {
      for (const junk of [
        'not json',
        '{"type":"published","category":"__proto__","version":1,"token":1}',
        '{"type":"acquired","holderId":"x","token":-1}',
        'null',
      ])
        await client.publish('hmr-junk:fleet:notices', junk);
      await client.publish(
        'hmr-junk:fleet:notices',
        '{"type":"requested","category":"clip","requesterId":"ok"}',
      );
      await until('the valid notice', () => notices.length > 0);
      expect(notices).toEqual([{ type: 'requested', category: 'clip', requesterId: 'ok' }]);
      await client.hSet('hmr-junk:fleet:entry:clip', {
        version: 'NaN',
        payload: 'x',
        token: '1',
        publishedAt: '1',
      });
      expect(await backend.read('clip')).toBeNull();
      await client.hSet('hmr-junk:fleet:versions', { clip: '3', nonsense: '4', __proto__: '5' });
      expect({ ...(await backend.versions()) }).toEqual({ clip: 3 });
    } finally {
      await client.close();
      await backend.close();
    }
  });

  it('says so quickly when Redis is not there, without the URL credentials', async () => {
    const port = server.port;
    const backend = redisCoordinator({
      url: `redis://user:s3cret@127.0.0.1:${port + 1}`,
      operationTimeoutMs: 300,
    });
    try {
      const failure = await backend.acquire('m', 1_000).catch((error: unknown) => error);
      expect(failure).toSatisfy(isCoordinatorUnavailableError);
      expect(String((failure as Error).message)).not.toMatch(/s3cret/);
      expect(String((failure as Error).message)).toMatch(
        /redis coordinator could not acquire the lease/,
      );
    } finally {
      await backend.close();
    }
  });

  it('rejects a prefix or URL that cannot work', () => {
    for (const options of [
      { url: server.url, prefix: '' },
      { url: server.url, prefix: 'has space' },
      { url: server.url, prefix: 'x'.repeat(101) },
      { url: 'http://127.0.0.1:6379' },
      { url: server.url, operationTimeoutMs: 0 },
      { url: server.url, leaseTtlMs: 10 },
    ])
      expect(() => redisCoordinator(options)).toThrow(expect.toSatisfy(isInvalidOptionsError));
  });
});
