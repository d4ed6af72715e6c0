// The role machine's promises, as one suite run on every coordinator: one leader, takeover,
// fencing of a paused leader, degradation and rejoin, requests, and a clean close.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FleetMember, type FleetMemberEvents, type FleetMemberOptions } from '../../src/fleet.js';
import { isCoordinatorUnavailableError, isInvalidOptionsError } from '../../src/index.js';
import type { BackendHarness } from './backend-contract.js';
import { deaf, freezable, leadersOf, sleep, until } from './fleet-test-kit.js';

const TTL = 1_500;
const RENEW = 500;
/** Scheduling slack on a loaded 2-core machine: generous, and still far below a second lease. */
const SLACK = 1_500;

export function describeMemberContract(name: string, harness: BackendHarness): void {
  describe(`${name} coordinator: FleetMember roles`, () => {
    const members: FleetMember[] = [];
    const join = async (
      options: FleetMemberOptions = {},
      wrap = (backend: Awaited<ReturnType<BackendHarness['connect']>>) => backend,
    ) => {
      const member = new FleetMember(wrap(await harness.connect()), {
        leaseTtlMs: TTL,
        renewIntervalMs: RENEW,
        ...options,
      });
      members.push(member);
      return member;
    };
    const record = <E extends keyof FleetMemberEvents>(member: FleetMember, event: E) => {
      const seen: FleetMemberEvents[E][] = [];
      member.on(event, (payload) => seen.push(payload));
      return seen;
    };
    beforeEach(() => harness.setUp());
    afterEach(async () => {
      await Promise.all(members.splice(0).map((member) => member.close()));
      await harness.tearDown();
    });

    it('elects exactly one leader among members joining at once; the others follow it', async () => {
      const fleet = await Promise.all(
        Array.from({ length: 6 }, (_, i) => join({ memberId: `w${i}` })),
      );
      await Promise.all(fleet.map((member) => member.join()));
      const [leader, ...extra] = leadersOf(fleet);
      expect(extra).toEqual([]);
      expect(leader?.status()).toMatchObject({ role: 'leader', leaderId: leader?.memberId });
      expect(leader?.status().token).toEqual(expect.any(Number));
      for (const member of fleet.filter((m) => m !== leader)) {
        expect(member.status()).toMatchObject({
          role: 'follower',
          leaderId: leader?.memberId,
          token: null,
          degraded: null,
          closed: false,
        });
        expect(member.status().lastSyncAt).toEqual(expect.any(Number));
      }
      // Renewals keep the same leader well past one lease expiry.
      await sleep(TTL * 2);
      expect(leadersOf(fleet)).toEqual([leader]);
    });

    it("tells followers about the leader's publishes, and not the leader itself", async () => {
      const leader = await join({ memberId: 'leader' });
      await leader.join();
      const followers = [await join(), await join()];
      await Promise.all(followers.map((f) => f.join()));
      const heard = followers.map((f) => record(f, 'published'));
      const own = record(leader, 'published');
      const version = await leader.publish('lora', '{"records":1}');
      expect(version).toEqual(expect.any(Number));
      for (const seen of heard) await until('the published event', () => seen.length > 0);
      for (const seen of heard) expect(seen).toEqual([{ category: 'lora', version }]);
      expect((await followers[0]?.read('lora'))?.payload).toBe('{"records":1}');
      expect(followers[0]?.versions().lora).toBe(version);
      expect(await followers[0]?.publish('lora', 'not the leader')).toBeNull();
      await sleep(RENEW * 2);
      expect(own).toEqual([]);
      expect(heard[0]).toHaveLength(1);
    });

    it('hands over at once when the leader closes, well before its lease would run out', async () => {
      const leader = await join();
      await leader.join();
      const followers = [await join(), await join(), await join()];
      await Promise.all(followers.map((f) => f.join()));
      const closedAt = Date.now();
      await leader.close();
      const next = await until('a new leader', () => leadersOf(followers)[0]);
      expect(Date.now() - closedAt).toBeLessThan(TTL);
      expect(leadersOf(followers)).toEqual([next]);
      expect(leader.status()).toMatchObject({ role: 'standalone', closed: true });
    });

    it('replaces a paused leader within the lease expiry plus one renewal; it steps down and its late publish is refused', async () => {
      const paused = freezable(await harness.connect());
      const leader = await join({ memberId: 'old' }, () => paused.backend);
      await leader.join();
      expect(leader.status().role).toBe('leader');
      const follower = await join({ memberId: 'new' });
      await follower.join();
      expect(await leader.publish('clip', 'v1')).toEqual(expect.any(Number));
      const oldRoles = record(leader, 'role');
      paused.freeze();
      const pausedAt = Date.now();
      // Passes the leader's own checks, then hangs inside the coordinator call like a paused process.
      const late = leader.publish('clip', 'stale write');
      await until(
        'the follower to take over',
        () => follower.status().role === 'leader',
        TTL + RENEW + SLACK,
      );
      expect(Date.now() - pausedAt).toBeLessThan(TTL + RENEW + SLACK);
      // Its own clock tells the paused leader its lease ran out: it stops leading without a word from the store.
      await until('the old leader to step down', () => leader.status().role !== 'leader');
      expect(oldRoles[0]).toMatchObject({ previous: 'leader', reason: 'lost' });
      paused.thaw();
      expect(await late).toBeNull();
      expect(await leader.publish('clip', 'after thaw')).toBeNull();
      expect((await follower.read('clip'))?.payload).toBe('v1');
      const version = await follower.publish('clip', 'v2');
      expect(version).toEqual(expect.any(Number));
      await until('the old leader to follow the new one', () => leader.status().leaderId === 'new');
      expect(leader.status().role).toBe('follower');
      expect((await leader.read('clip'))?.payload).toBe('v2');
    });

    it('catches up through versions when notices are lost', async () => {
      const leader = await join();
      await leader.join();
      const follower = await join({}, deaf);
      await follower.join();
      const heard = record(follower, 'published');
      const version = await leader.publish('blip', 'x');
      await until('the version check', () => heard.length > 0, RENEW * 2 + SLACK);
      expect(heard).toEqual([{ category: 'blip', version }]);
    });

    it('asks the leader for a category nobody published, and waits for it (bounded)', async () => {
      const leader = await join();
      await leader.join();
      const follower = await join();
      await follower.join();
      const requests: string[] = [];
      leader.on('requested', ({ category, requesterId }) => {
        requests.push(`${category} from ${requesterId}`);
        if (category === 'esrgan') void leader.publish(category, `loaded ${category}`);
      });
      const entry = await follower.obtain('esrgan', { timeoutMs: 5_000 });
      expect(entry).toMatchObject({ category: 'esrgan', payload: 'loaded esrgan' });
      // Nobody answers for this one: the wait ends at its bound with nothing.
      const silent = await follower.obtain('gfpgan', { timeoutMs: 1 }).then(async () => {
        const started = Date.now();
        const none = await follower.obtain('codeformer', { timeoutMs: 200 });
        return { none, waited: Date.now() - started };
      });
      expect(silent.none).toBeNull();
      expect(silent.waited).toBeGreaterThanOrEqual(150);
      expect(requests).toContain(`codeformer from ${follower.memberId}`);
      expect(requests[0]).toBe(`esrgan from ${follower.memberId}`);
      // A leader never waits for itself.
      expect(await leader.obtain('safety_checker', { timeoutMs: 5_000 })).toBeNull();
    });

    if (harness.outage) {
      const outage = harness.outage;
      it('goes standalone with an event when the coordinator is unreachable, and rejoins after', async () => {
        const fleet = [await join(), await join(), await join()];
        await Promise.all(fleet.map((m) => m.join()));
        const degraded = fleet.map((m) => record(m, 'degraded'));
        const recovered = fleet.map((m) => record(m, 'recovered'));
        const leader = leadersOf(fleet)[0];
        await outage.down();
        try {
          await until(
            'every member to go standalone',
            () => fleet.every((m) => m.status().role === 'standalone'),
            TTL + SLACK * 2,
          );
          for (const [i, member] of fleet.entries()) {
            expect(degraded[i]).toHaveLength(1);
            expect(degraded[i]?.[0]?.error).toSatisfy(isCoordinatorUnavailableError);
            expect(member.status()).toMatchObject({
              role: 'standalone',
              leaderId: null,
              token: null,
            });
            expect(member.status().degraded?.reason).toMatch(new RegExp(name));
          }
          expect(await leader?.publish('clip', 'during outage')).toBeNull();
          // Still standalone and still one event each after more failed rounds.
          await sleep(RENEW * 2);
          expect(degraded.map((d) => d.length)).toEqual([1, 1, 1]);
        } finally {
          await outage.up();
        }
        await until(
          'the fleet to rejoin',
          () => fleet.every((m) => m.status().role !== 'standalone'),
          TTL * 2 + SLACK * 2,
        );
        await until('one leader', () => leadersOf(fleet).length === 1, TTL + SLACK);
        for (const [i, member] of fleet.entries()) {
          expect(recovered[i]).toHaveLength(1);
          expect(member.status().degraded).toBeNull();
        }
        expect(await leadersOf(fleet)[0]?.publish('clip', 'after outage')).toEqual(
          expect.any(Number),
        );
      });
    }

    it('stops every timer and call on close, and releases the lease', async () => {
      const watched = freezable(await harness.connect());
      const leader = await join({}, () => watched.backend);
      await leader.join();
      const roles = record(leader, 'role');
      await leader.close();
      await leader.close();
      const calls = watched.calls();
      await sleep(RENEW * 3);
      expect(watched.calls()).toBe(calls);
      expect(roles).toEqual([
        { role: 'standalone', previous: 'leader', reason: 'closed', leaderId: null },
      ]);
      const other = await join();
      await other.join();
      expect(other.status().role).toBe('leader');
      expect(await leader.publish('clip', 'closed')).toBeNull();
      expect(await leader.read('clip')).toBeNull();
    });

    it('rejects timing and ids that cannot work', async () => {
      const backend = await harness.connect();
      try {
        for (const options of [
          { renewIntervalMs: TTL },
          { renewIntervalMs: 0 },
          { leaseTtlMs: 50 },
          { memberId: 'has space' },
          { memberId: '' },
        ])
          expect(() => new FleetMember(backend, options)).toThrow(
            expect.toSatisfy(isInvalidOptionsError),
          );
      } finally {
        await backend.close();
      }
    });
  });
}
