// Managers in real Node processes, in a fleet on a real Redis and on a shared folder, reading a
// stand-in PRIMARY over real sockets. The leader is SIGKILLed: a follower must take the lease
// within the lease expiry plus one renewal period, carry on from what the store holds (no
// download of what is there), and keep every reader fed. Two models are written together each
// generation: a reader that ever saw them apart saw a partial category.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type StandInServer, startStandInServer } from '../../src/node.js';
import { createStandInPrimary, FIXTURE_V2, type StandInPrimary } from '../../src/testing.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import { until } from './fleet-test-kit.js';
import { linesOf, type Member, roleOf, spawnMember, stopMember } from './process-members.js';

const SCRIPT = 'test/fleet/fixtures/manager-process.ts';
const TTL = 1_500;
const RENEW = 500;
const WATCH = 300;
/** Room for process scheduling on a loaded 2-core machine; well under another lease period. */
const SLACK = 1_000;
const [FIRST, SECOND] = Object.keys(FIXTURE_V2.image_generation) as [string, string];
const CATEGORY_PATH = '/api/model_references/v2/image_generation';

let redis: RedisServer;
let primary: StandInServer<StandInPrimary>;
let dir: string;
let fleet = 0;
/** The generation written last, across tests (the stand-in is shared). */
let written = 0;
const running: Member[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  dir = await mkdtemp(join(tmpdir(), 'hmr-manager-processes-'));
  // The server's clock starts a minute behind and moves a second per write: every write is
  // settled by the time a new leader looks (the detector re-downloads a category written within
  // 2 s of its last download), and two writes never share a stamp.
  let serverNow = Date.now() - 60_000;
  primary = await startStandInServer((urls) =>
    createStandInPrimary({ ...urls, now: () => (serverNow += 1_000) }),
  );
});
afterEach(async (context) => {
  if (context.task.result?.state === 'fail')
    for (const member of running) console.error(member.id, JSON.stringify(member.lines.slice(-40)));
  await Promise.all(running.splice(0).map(stopMember));
});
afterAll(async () => {
  await primary.close();
  await redis.close();
  await rm(dir, { recursive: true, force: true });
});

function start(id: string, backend: 'redis' | 'file', target: string, prefix: string): Member {
  const member = spawnMember(id, SCRIPT, {
    FLEET_BACKEND: backend,
    FLEET_TARGET: target,
    FLEET_PREFIX: prefix,
    FLEET_TTL: String(TTL),
    FLEET_RENEW: String(RENEW),
    FLEET_WATCH: String(WATCH),
    FLEET_PRIMARY: primary.primaryUrl,
    FLEET_MODELS: JSON.stringify([FIRST, SECOND]),
  });
  running.push(member);
  return member;
}

const downloadsBy = (member: Member) =>
  member.lines.filter((line) => line.event === 'request' && line.path === CATEGORY_PATH).length;
const lastView = (member: Member) => linesOf([member], 'view').at(-1);

/** Writes both models at once (one server tick): a new whole version of the category. */
function writeGeneration(generation: number): void {
  for (const name of [FIRST, SECOND]) {
    const record = primary.standIn.data.category('image_generation')[name] as { name: string };
    primary.standIn.data.update('image_generation', {
      ...record,
      description: `generation ${generation}`,
    });
  }
}

async function allAt(members: Member[], generation: number): Promise<void> {
  await until(
    `every reader at generation ${generation}`,
    () =>
      members.every((m) => {
        const view = lastView(m);
        return view?.a === generation && view.b === generation;
      }),
    TTL * 4,
  );
}

describe.each(['redis', 'file'] as const)(
  'managers in processes on the %s coordinator',
  (backend) => {
    it('one leader reads the PRIMARY; after it is SIGKILLed a follower takes over in time and carries on; no reader sees a partial category or a version going back', async () => {
      const prefix = `hmr-managers-${++fleet}:`;
      const target = backend === 'redis' ? redis.url : join(dir, `fleet-${fleet}`);
      const downloadsBefore = primary.standIn.requests.filter(
        (r) => new URL(r.url).pathname === CATEGORY_PATH,
      ).length;
      const members = ['p1', 'p2', 'p3'].map((id) =>
        start(`${backend}-${id}`, backend, target, prefix),
      );
      await until(
        'every manager to read the category',
        () => members.every((m) => m.lines.some((l) => l.event === 'ready')),
        30_000,
      );
      const leader = await until('one leader', () => members.find((m) => roleOf(m) === 'leader'));
      const followers = members.filter((m) => m !== leader);
      // Only the leader downloaded the category; followers asked the PRIMARY nothing at all.
      expect(
        primary.standIn.requests.filter((r) => new URL(r.url).pathname === CATEGORY_PATH).length -
          downloadsBefore,
      ).toBe(1);
      expect(downloadsBy(leader)).toBe(1);
      for (const follower of followers) expect(linesOf([follower], 'request')).toEqual([]);

      // The leader's first check learns the change tokens; writes come after it: after its next
      // poll has begun, so the answer to that check was in (a write racing the answer would be
      // stamped by the skewed clock below as older than the download, and taken as held).
      await until('the leader to learn the change tokens', () => {
        const paths = leader.lines.filter((l) => l.event === 'request').map((l) => String(l.path));
        const learnt = paths.findIndex((path) => path.endsWith('/metadata/metadata'));
        return learnt >= 0 && paths.slice(learnt + 1).some((p) => p.endsWith('/last_updated'));
      });
      for (let round = 0; round < 3; round++) {
        writeGeneration(++written);
        await allAt(members, written);
      }
      const leaderDownloads = downloadsBy(leader);

      const killedAt = Date.now();
      leader.child.kill('SIGKILL');
      const next = await until(
        'a new leader',
        () => followers.find((m) => roleOf(m) === 'leader'),
        TTL + RENEW + SLACK * 5,
      );
      const tookOverAt =
        next.lines.findLast((l) => l.event === 'role' && l.role === 'leader')?.at ?? 0;
      expect(tookOverAt - killedAt).toBeLessThanOrEqual(TTL + RENEW + SLACK);
      // The new leader polls the PRIMARY's metadata and finds nothing to download again.
      await until(
        'the new leader to poll',
        () =>
          next.lines.some(
            (l) =>
              l.event === 'request' && l.at > tookOverAt && String(l.path).includes('/metadata/'),
          ),
        WATCH * 10,
      );
      await until(
        'two more polls',
        () =>
          next.lines.filter(
            (l) =>
              l.event === 'request' &&
              l.at > tookOverAt &&
              String(l.path).endsWith('/last_updated'),
          ).length >= 3,
        WATCH * 20,
      );
      expect(downloadsBy(next)).toBe(0);

      const other = followers.find((m) => m !== next) as Member;
      writeGeneration(++written);
      await allAt([next, other], written);
      expect(linesOf([other], 'request')).toEqual([]);
      expect(downloadsBy(leader)).toBe(leaderDownloads);

      const views = linesOf(members, 'view');
      expect(views.length).toBeGreaterThan(members.length);
      for (const view of views) expect(view.a).toBe(view.b);
      expect(linesOf(members, 'went-back')).toEqual([]);
      expect(linesOf(members, 'crashed')).toEqual([]);
      expect(linesOf([other], 'change')).toHaveLength(4);
    }, 90_000);
  },
);
