import { describe, expect, it } from 'vitest';
import { coordinatorOf, MemoryFleetStore, memoryCoordinator } from '../../src/fleet.js';
import { isCoordinatorUnavailableError } from '../../src/index.js';
import { describeBackendContract } from './backend-contract.js';
import { describeBaselinesContract } from './baselines-contract.js';
import { describeManagerContract } from './manager-contract.js';
import { describeMemberContract } from './member-contract.js';

let store = new MemoryFleetStore();
const harness = {
  async setUp() {
    store = new MemoryFleetStore();
  },
  async tearDown() {},
  async connect() {
    return memoryCoordinator({ store, leaseTtlMs: 600 });
  },
  outage: {
    async down() {
      store.unreachable = true;
    },
    async up() {
      store.unreachable = false;
    },
  },
  async wipe() {
    store.wipe();
  },
};

describeBackendContract('memory', harness);
describeMemberContract('memory', harness);
describeManagerContract('memory', harness);
describeBaselinesContract('memory', harness);

describe('coordinators make their members', () => {
  it('member() joins the fleet of its coordinator and closes it with itself', async () => {
    const shared = new MemoryFleetStore();
    const first = memoryCoordinator({ store: shared, leaseTtlMs: 600 });
    const leader = first.member({ memberId: 'a' });
    const follower = memoryCoordinator({ store: shared }).member({
      memberId: 'b',
      leaseTtlMs: 600,
    });
    await leader.join();
    await follower.join();
    expect([leader.status().role, follower.status().role]).toEqual(['leader', 'follower']);
    expect(follower.status().leaderId).toBe('a');
    expect(leader.status().coordinator).toBe('memory');
    await leader.close();
    await expect(first.versions()).rejects.toSatisfy(isCoordinatorUnavailableError);
    await follower.close();
  });

  it('coordinatorOf() gives members to a coordinator of your own', async () => {
    const shared = new MemoryFleetStore();
    const calls: string[] = [];
    const plain = memoryCoordinator({ store: shared, leaseTtlMs: 600 });
    const own = coordinatorOf({
      ...plain,
      kind: 'own',
      acquire: (holderId, ttlMs) => {
        calls.push(`acquire ${holderId}`);
        return plain.acquire(holderId, ttlMs);
      },
    });
    const member = own.member({ memberId: 'x' });
    await member.join();
    expect(member.status()).toMatchObject({ role: 'leader', coordinator: 'own' });
    expect(calls).toEqual(['acquire x']);
    await member.close();
  });
});
