// Why a busy Redis fleet leader lost its lease (issue 15, the 200-manager bench): its event loop
// was held up (validating, parsing notices) at the wrong moments. A real redis-server; the leader
// runs in this process, whose loop the test holds up with a measured busy wait, and a follower
// runs in a process of its own, ready to take the lease the moment Redis lets it go.
//
// The rule: a leader whose loop was held up for less than (lease - renewal period) keeps its
// lease, and no follower takes over while it is alive.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  coordinatorOf,
  type FleetBackend,
  type FleetMember,
  type FleetMemberEvents,
} from '../../src/fleet.js';
import { redisCoordinator } from '../../src/redis.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import { sleep, until } from './fleet-test-kit.js';
import { type Member, roleOf, spawnMember, stopMember } from './process-members.js';

const TTL = 1_500;
const RENEW = 500;
/** What the rule allows to be held up, less a margin for scheduling on a loaded machine. */
const ALLOWED = TTL - RENEW - 150;

let server: RedisServer;
let fleet = 0;
const closing: (() => Promise<void>)[] = [];

beforeAll(async () => {
  server = await startRedisServer();
});
afterEach(async () => {
  await Promise.all(closing.splice(0).map((close) => close()));
});
afterAll(async () => {
  await server.close();
});

/** Holds this process's event loop for `ms` (as validating a large category would). */
function holdLoop(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy: no timer, no I/O runs meanwhile
  }
}

/** One-shot hooks on the leader's next renewal (the real Redis coordinator, only observed). */
interface RenewalHooks {
  /** Runs right after the renewal was handed to the client (it is written at the next check phase). */
  sent?: () => void;
  /** Runs when the answer is read, before the leader sees it. */
  answered?: () => void;
}

/** A leader in this process and a follower in another, on a fresh prefix. */
async function leaderAndFollower(): Promise<{
  leader: FleetMember;
  follower: Member;
  roles: FleetMemberEvents['role'][];
  renewals: { sentAt: number }[];
  next: RenewalHooks;
}> {
  const prefix = `hmr-lease-${++fleet}:`;
  const redis = redisCoordinator({ url: server.url, prefix, leaseTtlMs: TTL });
  const renewals: { sentAt: number }[] = [];
  const next: RenewalHooks = {};
  const observed: FleetBackend = {
    ...redis,
    renew: async (lease, ttlMs) => {
      renewals.push({ sentAt: Date.now() });
      const { sent, answered } = next;
      delete next.sent;
      delete next.answered;
      const renewing = redis.renew(lease, ttlMs);
      sent?.();
      const renewed = await renewing;
      answered?.();
      return renewed;
    },
  };
  const leader = coordinatorOf(observed).member({
    memberId: 'busy-leader',
    leaseTtlMs: TTL,
    renewIntervalMs: RENEW,
  });
  closing.push(() => leader.close());
  await leader.join();
  expect(leader.status().role).toBe('leader');
  const roles: FleetMemberEvents['role'][] = [];
  leader.on('role', (change) => roles.push(change));
  const follower = spawnMember('eager-follower', 'test/fleet/fixtures/fleet-process.ts', {
    FLEET_BACKEND: 'redis',
    FLEET_TARGET: server.url,
    FLEET_PREFIX: prefix,
    FLEET_TTL: String(TTL),
    FLEET_RENEW: String(RENEW),
  });
  closing.push(() => stopMember(follower));
  await until('the follower to join', () => roleOf(follower) === 'follower', 20_000);
  return { leader, follower, roles, renewals, next };
}

/** Resolves right after the next renewal is sent; returns when it was sent. */
async function nextRenewal(renewals: { sentAt: number }[]): Promise<number> {
  const seen = renewals.length;
  await until('a renewal', () => renewals.length > seen, TTL * 2, 1);
  return (renewals.at(-1) as { sentAt: number }).sentAt;
}

/** The leader still leads with the same term, and the follower never led. */
async function expectKept(
  leader: FleetMember,
  follower: Member,
  roles: FleetMemberEvents['role'][],
  token: number | null,
): Promise<void> {
  // Past another lease period: a lease lost during the hold would show by now.
  await sleep(TTL + RENEW);
  expect(roles).toEqual([]);
  expect(leader.status()).toMatchObject({ role: 'leader', token, degraded: null });
  expect(follower.lines.filter((line) => line.event === 'role' && line.role === 'leader')).toEqual(
    [],
  );
  expect(roleOf(follower)).toBe('follower');
}

describe('a Redis leader whose event loop is held up', () => {
  it('keeps its lease through one hold of almost (lease - renewal) at any moment of the renewal cycle', async () => {
    const { leader, follower, roles, renewals } = await leaderAndFollower();
    const token = leader.status().token;
    // Right after a renewal was sent (its answer is read late), halfway, and just when the next
    // one is due.
    for (const offset of [5, RENEW / 2, RENEW - 5]) {
      const sentAt = await nextRenewal(renewals);
      await sleep(sentAt + offset - Date.now());
      holdLoop(ALLOWED);
      await sleep(RENEW);
    }
    await expectKept(leader, follower, roles, token);
  });

  it('keeps its lease when a renewal answered late is followed by another hold (the bench case)', async () => {
    const { leader, follower, roles, renewals, next } = await leaderAndFollower();
    const token = leader.status().token;
    // The answer to a renewal is read 400 ms late, and the loop is held again just before one
    // renewal period after that: each hold is well under (lease - renewal). Counting the period
    // from the late answer instead of from when the renewal was sent lost the lease here.
    const held = new Promise<void>((done) => {
      next.answered = () => {
        holdLoop(400);
        setTimeout(() => {
          holdLoop(ALLOWED);
          done();
        }, RENEW - 5);
      };
    });
    await nextRenewal(renewals);
    await held;
    await expectKept(leader, follower, roles, token);
  });

  it('reads a renewal Redis answered during the hold before its own clock calls the lease lost', async () => {
    const { leader, follower, roles, renewals, next } = await leaderAndFollower();
    const token = leader.status().token;
    // Longer than the rule asks: the hold starts once the renewal is written, and ends after the
    // lease ran out on this process's clock; Redis renewed it, and the answer is waiting in the
    // socket. Timers run before I/O: the expiry must not win.
    // On a loaded machine the answer is sometimes read before the hold begins, and the case is
    // not made: try again on a later renewal (the lease must hold either way).
    let heldUntil = 0;
    let answerReadAt = 0;
    for (let attempt = 0; attempt < 4 && !(heldUntil > 0 && answerReadAt >= heldUntil); attempt++) {
      heldUntil = 0;
      answerReadAt = 0;
      next.sent = () =>
        // After the client's own check-phase write, and before the next poll reads the answer.
        setImmediate(() =>
          setImmediate(() => {
            holdLoop(TTL - RENEW + 200);
            heldUntil = Date.now();
          }),
        );
      next.answered = () => {
        answerReadAt = Date.now();
      };
      await nextRenewal(renewals);
      await until('the hold', () => heldUntil > 0 && answerReadAt > 0, TTL * 2);
      await sleep(RENEW);
    }
    await expectKept(leader, follower, roles, token);
    // The premise: the answer was read only after the hold, when the lease had run out locally.
    expect(answerReadAt).toBeGreaterThanOrEqual(heldUntil);
  });

  it('loses its lease to the follower when held past the lease (the test can tell)', async () => {
    const { leader, follower, roles } = await leaderAndFollower();
    holdLoop(TTL + RENEW * 2);
    await until('the follower to lead', () => roleOf(follower) === 'leader', TTL * 4);
    await until('the held leader to step down', () => leader.status().role === 'follower');
    expect(roles[0]).toMatchObject({ previous: 'leader', role: 'follower', reason: 'lost' });
  });
});
