// Real processes, real failures: members in Node processes of their own (via tsx's loader), on
// a real Redis and on a shared folder. The leader is SIGKILLed (a follower must take over within
// the lease expiry plus one renewal period) or SIGSTOPped and resumed (its writes must be
// refused by the store). Followers check every payload they read is whole.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import { sleep, until } from './fleet-test-kit.js';
import { linesOf, type Member, roleOf, spawnMember, stopMember } from './process-members.js';

const SCRIPT = 'test/fleet/fixtures/fleet-process.ts';
const TTL = 1_500;
const RENEW = 500;
/** Room for process scheduling on a loaded 2-core machine; well under another lease period. */
const SLACK = 1_000;

let server: RedisServer;
let dir: string;
let fleet = 0;
const running: Member[] = [];

beforeAll(async () => {
  server = await startRedisServer();
  dir = await mkdtemp(join(tmpdir(), 'hmr-fleet-processes-'));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map(stopMember));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function start(id: string, backend: 'redis' | 'file', target: string, prefix: string): Member {
  const member = spawnMember(id, SCRIPT, {
    FLEET_BACKEND: backend,
    FLEET_TARGET: target,
    FLEET_PREFIX: prefix,
    FLEET_TTL: String(TTL),
    FLEET_RENEW: String(RENEW),
  });
  running.push(member);
  return member;
}

function startFleet(backend: 'redis' | 'file'): Member[] {
  const prefix = `hmr-procs-${++fleet}:`;
  const target = backend === 'redis' ? server.url : join(dir, `fleet-${fleet}`);
  return ['p1', 'p2', 'p3'].map((id) => start(`${backend}-${id}`, backend, target, prefix));
}

describe.each(['redis', 'file'] as const)(
  'a fleet of processes on the %s coordinator',
  (backend) => {
    it('a follower takes over within the lease expiry plus one renewal after the leader is SIGKILLed', async () => {
      const members = startFleet(backend);
      await until(
        'every member to join',
        () => members.every((m) => m.lines.some((l) => l.event === 'joined')),
        30_000,
      );
      const leader = await until('one leader publishing', () =>
        members.find((m) =>
          m.lines.some((l) => l.event === 'publish' && typeof l.version === 'number'),
        ),
      );
      const followers = members.filter((m) => m !== leader);
      await until('the followers to read a version', () =>
        followers.every((m) => m.lines.some((l) => l.event === 'read')),
      );
      const killedAt = Date.now();
      leader.child.kill('SIGKILL');
      const next = await until(
        'a new leader',
        () => followers.find((m) => roleOf(m) === 'leader'),
        TTL + RENEW + SLACK * 5,
      );
      const tookOverAt = next.lines.find((l) => l.event === 'role' && l.role === 'leader')?.at ?? 0;
      expect(tookOverAt - killedAt).toBeLessThanOrEqual(TTL + RENEW + SLACK);
      // It carries on from the published versions, and the other follower hears it.
      const other = followers.find((m) => m !== next) as Member;
      const versionBefore = Math.max(...linesOf([other], 'read').map((l) => l.got as number));
      await until('the other follower to read the new leader', () =>
        linesOf([other], 'read').some(
          (l) =>
            (l.got as number) > versionBefore &&
            l.token !== leader.lines.find((x) => x.event === 'publish')?.token,
        ),
      );
      await sleep(RENEW * 2);
      expect(followers.filter((m) => roleOf(m) === 'leader')).toEqual([next]);
      expect(linesOf(followers, 'read').every((l) => l.whole === true)).toBe(true);
      expect(linesOf(followers, 'went-back')).toEqual([]);
      expect(linesOf(members, 'crashed')).toEqual([]);
    }, 60_000);

    it('a paused leader is replaced, and the store refuses its writes when it resumes', async () => {
      const members = startFleet(backend);
      await until(
        'every member to join',
        () => members.every((m) => m.lines.some((l) => l.event === 'joined')),
        30_000,
      );
      const leader = await until('one leader publishing', () =>
        members.find((m) =>
          m.lines.some((l) => l.event === 'publish' && typeof l.version === 'number'),
        ),
      );
      const oldToken = leader.lines.find((l) => l.event === 'publish')?.token as number;
      const followers = members.filter((m) => m !== leader);
      leader.child.kill('SIGSTOP');
      const next = await until(
        'a new leader',
        () => followers.find((m) => roleOf(m) === 'leader'),
        TTL + RENEW + SLACK * 5,
      );
      await until('the new leader to publish', () =>
        next.lines.some((l) => l.event === 'publish' && typeof l.version === 'number'),
      );
      leader.child.kill('SIGCONT');
      // Resumed, it learns it lost the lease and, told another member leads, writes with its old token.
      const stale = await until(
        'stale writes from the resumed leader',
        () => {
          const tries = linesOf([leader], 'stale-publish');
          return tries.length >= 5 ? tries : null;
        },
        15_000,
      );
      expect(stale.every((l) => l.token === oldToken && l.version === null)).toBe(true);
      expect(roleOf(leader)).toBe('follower');
      // Every version published after the takeover carries the new leader's token.
      const newToken = next.lines.find(
        (l) => l.event === 'publish' && typeof l.version === 'number',
      )?.token as number;
      expect(newToken).toBeGreaterThan(oldToken);
      const takeover = Math.min(
        ...linesOf([next], 'publish')
          .filter((l) => l.version !== null)
          .map((l) => l.version as number),
      );
      const oldWrites = linesOf([leader], 'publish').filter((l) => typeof l.version === 'number');
      expect(oldWrites.every((l) => (l.version as number) < takeover)).toBe(true);
      await until('the resumed leader to read the new leader', () =>
        linesOf([leader], 'read').some((l) => l.token === newToken),
      );
      expect(linesOf(members, 'read').every((l) => l.whole === true)).toBe(true);
      expect(linesOf(members, 'went-back')).toEqual([]);
      expect(linesOf(members, 'crashed')).toEqual([]);
    }, 60_000);
  },
);
