// A store that is slow but answers is not an outage (issue 15 under load): a member whose calls
// miss their deadline, yet come back within a lease period, keeps its role instead of flapping
// into standalone (where it would read the PRIMARY itself), and the healthy leader keeps its lease.
import { afterEach, describe, expect, it } from 'vitest';
import { withDeadline } from '../../src/fleet/with-deadline.js';
import {
  coordinatorOf,
  type FleetBackend,
  type FleetMember,
  MemoryFleetStore,
  memoryCoordinator,
} from '../../src/fleet.js';
import { sleep, until } from './fleet-test-kit.js';

const TTL = 900;
/** The deadline of each call through the slow connection. */
const DEADLINE_MS = 30;

/**
 * A connection to `store` whose every answer takes `delay.ms` (over a deadline of its own), as a
 * coordinator on a starved machine: the call is given up at its deadline, the answer comes later.
 */
function slowConnection(store: MemoryFleetStore, delay: { ms: number }): FleetBackend {
  const inner = memoryCoordinator({ store, leaseTtlMs: TTL });
  let answeredAt: number | null = null;
  const call = <T>(operation: string, run: () => Promise<T>): Promise<T> =>
    withDeadline(
      'slow',
      operation,
      DEADLINE_MS,
      async () => {
        await sleep(delay.ms);
        return run();
      },
      () => {
        answeredAt = Date.now();
      },
    );
  return {
    kind: 'slow',
    leaseTtlMs: TTL,
    acquire: (id, ttl) => call('acquire', () => inner.acquire(id, ttl)),
    renew: (lease, ttl) => call('renew', () => inner.renew(lease, ttl)),
    release: (lease) => call('release', () => inner.release(lease)),
    leader: () => call('leader', () => inner.leader()),
    publish: (category, lease, payload) =>
      call('publish', () => inner.publish(category, lease, payload)),
    read: (category) => call('read', () => inner.read(category)),
    versions: () => call('versions', () => inner.versions()),
    request: (category, id) => call('request', () => inner.request(category, id)),
    subscribe: (listener) => inner.subscribe(listener),
    close: () => inner.close(),
    lastAnswerAt: () => answeredAt,
  };
}

describe('a slow store that still answers', () => {
  const members: FleetMember[] = [];
  afterEach(async () => {
    await Promise.all(members.splice(0).map((member) => member.close()));
  });

  /** A healthy leader, and `memberId` on a connection to the same store slowed by `delay.ms`. */
  function healthyAndSlow(memberId: string) {
    const store = new MemoryFleetStore();
    const delay = { ms: 0 };
    const leader = coordinatorOf(memoryCoordinator({ store, leaseTtlMs: TTL })).member({
      memberId: 'healthy',
      renewIntervalMs: 300,
    });
    const connection = slowConnection(store, delay);
    const slow = coordinatorOf(connection).member({ memberId, renewIntervalMs: 300 });
    members.push(leader, slow);
    return { delay, leader, slow, connection };
  }

  it('is not an outage: the slow member keeps following, the healthy leader keeps its lease', async () => {
    const { delay, leader, slow } = healthyAndSlow('slow');
    await leader.join();
    await slow.join();
    expect(leader.status().role).toBe('leader');
    expect(slow.status().role).toBe('follower');
    const token = leader.status().token;
    const degraded: string[] = [];
    const roles: string[] = [];
    slow.on('degraded', ({ reason }) => degraded.push(reason));
    slow.on('role', ({ role }) => roles.push(role));
    leader.on('role', ({ role }) => roles.push(`leader:${role}`));
    // Every call of the slow member now misses its deadline, and is answered a little later.
    delay.ms = DEADLINE_MS * 4;
    await sleep(TTL * 3);
    expect(degraded).toEqual([]);
    expect(roles).toEqual([]);
    expect(slow.status()).toMatchObject({ role: 'follower', degraded: null });
    expect(leader.status()).toMatchObject({ role: 'leader', token });
  });

  it('at the start is not an outage either: join waits for an answer in time instead of going standalone', async () => {
    const { delay, leader, slow, connection } = healthyAndSlow('starting');
    await leader.join();
    // The store answered this connection once (as a folder's first read does), then its first
    // attempt at the lease misses the deadline and is answered late; the next one is in time.
    await connection.versions();
    delay.ms = DEADLINE_MS * 4;
    const roles: string[] = [];
    const degraded: string[] = [];
    slow.on('role', ({ role, reason }) => roles.push(`${role}/${reason}`));
    slow.on('degraded', ({ reason }) => degraded.push(reason));
    const joining = slow.join();
    await sleep(DEADLINE_MS * 2);
    delay.ms = 0;
    await joining;
    expect(slow.status()).toMatchObject({ role: 'follower', leaderId: 'healthy', degraded: null });
    expect(roles).toEqual(['follower/following']);
    expect(degraded).toEqual([]);
  });

  it('that stops answering is an outage after a lease period', async () => {
    const { delay, leader, slow } = healthyAndSlow('gone');
    await leader.join();
    await slow.join();
    delay.ms = TTL * 100; // no answer at all within the test
    await until('the silent member to go standalone', () => slow.status().role === 'standalone');
    expect(slow.status().degraded?.reason).toContain('no answer within');
    expect(leader.status().role).toBe('leader');
  });
});
