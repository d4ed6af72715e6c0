// A leader whose renewals fail for a moment (a dropped connection, an error answer) retries before
// its lease runs out, instead of waiting a whole renewal period between tries (issue 15: two
// failed renewals in a row cost the bench's leader its lease). The store is the real memory
// coordinator; only the leader's renewals are made to fail.
import { afterEach, describe, expect, it } from 'vitest';
import {
  coordinatorOf,
  type FleetBackend,
  type FleetMember,
  type FleetMemberEvents,
  MemoryFleetStore,
  memoryCoordinator,
} from '../../src/fleet.js';
import { sleep, until } from './fleet-test-kit.js';

const TTL = 1_500;
const RENEW = 500;

describe('a leader whose renewals fail for a moment', () => {
  const members: FleetMember[] = [];
  afterEach(async () => {
    await Promise.all(members.splice(0).map((member) => member.close()));
  });

  it('retries before the lease runs out and keeps it; a follower never takes over', async () => {
    const store = new MemoryFleetStore();
    const inner = memoryCoordinator({ store, leaseTtlMs: TTL });
    const failing = { left: 0 };
    const renewals: number[] = [];
    const flaky: FleetBackend = {
      ...inner,
      renew: async (lease, ttlMs) => {
        renewals.push(Date.now());
        if (failing.left > 0) {
          failing.left--;
          throw new Error('connection reset');
        }
        return inner.renew(lease, ttlMs);
      },
    };
    const leader = coordinatorOf(flaky).member({
      memberId: 'leader',
      leaseTtlMs: TTL,
      renewIntervalMs: RENEW,
    });
    const follower = coordinatorOf(memoryCoordinator({ store, leaseTtlMs: TTL })).member({
      memberId: 'follower',
      leaseTtlMs: TTL,
      renewIntervalMs: RENEW,
    });
    members.push(leader, follower);
    await leader.join();
    await follower.join();
    const token = leader.status().token;
    const roles: FleetMemberEvents['role'][] = [];
    leader.on('role', (change) => roles.push(change));
    follower.on('role', (change) => roles.push(change));
    // The next two renewals fail at once; a third, a period later, would come too late.
    const seen = renewals.length;
    failing.left = 2;
    await until('the failed renewals and a good one', () => renewals.length >= seen + 3, TTL * 2);
    await sleep(TTL);
    expect(failing.left).toBe(0);
    expect(roles).toEqual([]);
    expect(leader.status()).toMatchObject({ role: 'leader', token });
    expect(follower.status().role).toBe('follower');
  });
});
