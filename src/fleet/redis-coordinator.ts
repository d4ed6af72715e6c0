import { createClient } from 'redis';
import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import type { FleetNotice, FleetUnsubscribe } from './fleet-backend.js';
import { coordinatorOf, type FleetCoordinator } from './fleet-coordinator.js';
import type { FleetLinkOptions } from './fleet-link.js';
import { assertFleetTopic } from './fleet-topics.js';
import {
  DEFAULT_LEASE_TTL_MS,
  defaultOperationTimeoutMs,
  durationOption,
  leaseTtlOption,
} from './lease-timing.js';
import { batched, serverIdentity } from './redis-batches.js';
import { type NodeRedisClient, RedisLink, redisScript } from './redis-link.js';
import { entryFrom, leaseFrom, noticeFrom, versionsFrom } from './redis-replies.js';
import * as lua from './redis-scripts.js';
import { withDeadline } from './with-deadline.js';

/** Options of {@link redisCoordinator} shared by both ways to connect. */
export interface RedisCoordinatorCommonOptions {
  /**
   * Prefix of every key and channel; members with the same prefix on the same Redis form one
   * fleet (one leader). Keys live under `${prefix}fleet:`.
   * @default 'hmr:'
   */
  readonly prefix?: string;
  /** Lease expiry for members of this coordinator, in ms. @default 15000 */
  readonly leaseTtlMs?: number;
  /** How long one Redis call may take before Redis counts as unreachable, in ms. @default two thirds of `leaseTtlMs`, at least 2000 */
  readonly operationTimeoutMs?: number;
  /**
   * The member a manager runs on this coordinator (`new ModelReferenceManager({ coordinator })`):
   * its id, lease timing, and how long a follower's cold read waits for the leader.
   * @default a random member id, this coordinator's lease expiry, renewal every third of it, 10 s
   */
  readonly member?: FleetLinkOptions;
}

/**
 * How {@link redisCoordinator} reaches Redis: a `url` (it opens and closes its own connections),
 * or a node-redis `client` your application already has (it is never closed by the coordinator;
 * connect it yourself). Either way the coordinator opens one more connection for pub/sub, a
 * duplicate of the first, and closes it on `close()`.
 */
export type RedisCoordinatorOptions = RedisCoordinatorCommonOptions &
  (
    | {
        /** `redis[s]://[[user]:password@]host[:port][/db]`. Credentials never appear in messages. */
        readonly url: string;
        readonly client?: never;
      }
    | {
        /** A client from node-redis `createClient()` (redis 5 or later). */
        readonly client: NodeRedisClient;
        readonly url?: never;
      }
  );

const PREFIX = /^[\x21-\x7e]{1,100}$/;

/**
 * A fleet coordinator on Redis: the lease is a hash with a TTL, every change to it and every
 * publish is one Lua script (the fencing check and the write are one atomic step), notices go
 * over pub/sub. Many processes on many machines form one fleet per Redis and `prefix`.
 *
 * Payloads are stored as given: the manager puts validated category snapshots there, never an
 * API key, and validates what it reads back. Redis Cluster is not supported (one Redis, or a
 * primary with replicas).
 *
 * @throws {InvalidOptionsError} for a prefix with spaces or control characters (or longer than
 * 100), a URL that is not `redis://` or `rediss://`, or bad timing.
 * @example
 * ```ts
 * import { redisCoordinator } from 'horde-model-reference/redis';
 * const refs = new ModelReferenceManager({
 *   coordinator: redisCoordinator({ url: 'redis://127.0.0.1:6379', prefix: 'hmr:' }),
 * });
 * // or, with a client your application already has (connected by you, never closed by us):
 * redisCoordinator({ client, prefix: 'hmr:' });
 * ```
 */
export function redisCoordinator(options: RedisCoordinatorOptions): FleetCoordinator {
  const prefix = options.prefix ?? lua.DEFAULT_REDIS_PREFIX;
  if (!PREFIX.test(prefix))
    throw new InvalidOptionsError(
      'prefix',
      'use 1 to 100 printable characters without spaces, e.g. "hmr:" (the default).',
    );
  const leaseTtlMs = leaseTtlOption('leaseTtlMs', options.leaseTtlMs, DEFAULT_LEASE_TTL_MS);
  const timeoutMs = durationOption(
    'operationTimeoutMs',
    options.operationTimeoutMs,
    defaultOperationTimeoutMs(leaseTtlMs),
  );
  const link = new RedisLink(options.client ?? ownClient(options.url, timeoutMs), !options.client);
  const keys = lua.redisFleetKeys(prefix);
  // Coordinators of this process on the same server share reads asked for at the same moment.
  const server = serverIdentity(options);
  const usable = () => link.usable;
  /** When the store last answered, late or not: slow is not gone. */
  let answeredAt: number | null = null;
  const answered = () => {
    answeredAt = Date.now();
  };
  const call = <T>(operation: string, run: () => Promise<T>) =>
    withDeadline('redis', operation, timeoutMs, run, answered);
  const listeners = new Set<(notice: FleetNotice) => void>();
  let subscribed = false;

  return coordinatorOf(
    {
      kind: 'redis',
      leaseTtlMs,
      lastAnswerAt: () => answeredAt,
      acquire: (holderId, ttlMs) =>
        call('acquire the lease', async () => {
          const startedAt = Date.now();
          const reply = await link.run(
            ACQUIRE,
            [keys.lease, keys.fence],
            [holderId, String(ttlMs), keys.channel],
          );
          const lease = leaseFrom(reply, startedAt);
          if (!lease) throw new Error('Redis answered the lease script with something else');
          return lease;
        }),
      renew: (lease, ttlMs) =>
        call('renew the lease', async () => {
          const startedAt = Date.now();
          const reply = await link.run(
            RENEW,
            [keys.lease],
            [lease.holderId, String(lease.token), String(ttlMs)],
          );
          return Number(reply) === 1 ? { ...lease, expiresAt: startedAt + ttlMs } : null;
        }),
      release: (lease) =>
        call('release the lease', async () => {
          const reply = await link.run(
            RELEASE,
            [keys.lease],
            [lease.holderId, String(lease.token), keys.channel],
          );
          return Number(reply) === 1;
        }),
      leader: () =>
        call('read the lease', async () =>
          leaseFrom(await link.run(LEADER, [keys.lease], []), Date.now()),
        ),
      publish: async (category, lease, payload) => {
        assertFleetTopic(category);
        return call(`publish ${category}`, async () => {
          const reply = await link.run(
            PUBLISH,
            [keys.lease, keys.versions, keys.entry(category)],
            [lease.holderId, String(lease.token), category, payload, keys.channel],
          );
          const version = Number(reply);
          return version > 0 ? version : null;
        });
      },
      read: async (category) => {
        assertFleetTopic(category);
        const key = keys.entry(category);
        return call(`read ${category}`, async () =>
          entryFrom(
            category,
            await batched(`${server}\u0000read\u0000${key}`, {
              run: () => link.run(READ, [key], []),
              usable,
            }),
          ),
        );
      },
      versions: () =>
        call('read the versions', async () =>
          versionsFrom(await link.run(VERSIONS, [keys.versions], [])),
        ),
      request: async (category, requesterId) => {
        assertFleetTopic(category);
        const notice: FleetNotice = { type: 'requested', category, requesterId };
        // Managers of a process starting together ask for the same categories at once: the
        // leader hears one request per category (from the first of them), not one per manager.
        await call(`request ${category}`, () =>
          batched(`${server}\u0000request\u0000${keys.channel}\u0000${category}`, {
            run: () => link.publish(keys.channel, JSON.stringify(notice)),
            usable,
          }),
        );
      },
      async subscribe(listener): Promise<FleetUnsubscribe> {
        listeners.add(listener);
        if (!subscribed) {
          subscribed = true;
          await link.subscribe(
            keys.channel,
            (message) => {
              const notice = noticeFrom(message);
              if (notice) for (const each of [...listeners]) safely(each, notice);
            },
            timeoutMs,
          );
        }
        return async () => {
          listeners.delete(listener);
        };
      },
      async close() {
        listeners.clear();
        await link.close(timeoutMs);
      },
    },
    options.member,
  );
}

const ACQUIRE = redisScript(lua.ACQUIRE);
const RENEW = redisScript(lua.RENEW);
const RELEASE = redisScript(lua.RELEASE);
const LEADER = redisScript(lua.LEADER);
const PUBLISH = redisScript(lua.PUBLISH);
const READ = redisScript(lua.READ);
const VERSIONS = redisScript(lua.VERSIONS);

function ownClient(url: string, timeoutMs: number): NodeRedisClient {
  if (!/^rediss?:\/\//i.test(url))
    throw new InvalidOptionsError(
      'url',
      'use a redis:// or rediss:// URL, e.g. "redis://127.0.0.1:6379".',
    );
  return createClient({
    url,
    // Fail at once while disconnected: the member goes standalone instead of queueing.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: timeoutMs,
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 1_000),
    },
  }) as unknown as NodeRedisClient;
}

function safely(listener: (notice: FleetNotice) => void, notice: FleetNotice): void {
  try {
    listener(notice);
  } catch {
    // A subscriber's failure is its own; the others still hear the notice.
  }
}
