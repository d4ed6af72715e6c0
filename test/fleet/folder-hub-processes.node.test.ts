// Many managers per process on one shared folder (issue 15 at scale): the members of a process
// cost the folder and the PRIMARY what one member costs. Real processes (each with several
// managers, each manager with a fileCoordinator of its own), a real folder, a stand-in PRIMARY
// on 127.0.0.1 that records every request it answers. The folder's state is counted in each
// process on the real file functions (`link` into it: a step attempted; listing it: a read).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ModelReferenceManager } from '../../src/index.js';
import { type StandInServer, startStandInServer } from '../../src/node.js';
import { createStandInPrimary, type StandInPrimary } from '../../src/testing.js';
import { sleep, until } from './fleet-test-kit.js';
import { type Line, type Member, spawnMember, stopMember } from './process-members.js';

const SCRIPT = 'test/fleet/fixtures/folder-managers-process.ts';
const TTL = 1_500;
const RENEW = 500;
const WATCH = 300;
/** Room for process scheduling on a loaded 2-core machine; well under another lease period. */
const SLACK = 1_500;

let primary: StandInServer<StandInPrimary>;
let dir: string;
/** The paths the PRIMARY answered, with when. */
const answered: { at: number; path: string }[] = [];
const running: Member[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hmr-folder-hub-'));
  primary = await startStandInServer((urls) => {
    // The PRIMARY's clock runs a minute behind: its data was written well before anyone reads
    // it. On the real clock the data would be seconds old when the leader first checks it, and
    // the leader rightly downloads again what was read within two seconds of a write (its stamp
    // is not trusted yet), which is not what this test counts.
    const standIn = createStandInPrimary({ ...urls, now: () => Date.now() - 60_000 });
    return {
      ...standIn,
      answer: async (request: Request) => {
        const answer = await standIn.answer(request);
        answered.push({ at: Date.now(), path: new URL(request.url).pathname });
        return answer;
      },
    };
  });
});
afterEach(async (context) => {
  if (context.task.result?.state === 'fail')
    for (const member of running) console.error(member.id, JSON.stringify(member.lines.slice(-30)));
  await Promise.all(running.splice(0).map(stopMember));
});
afterAll(async () => {
  await primary.close();
  await rm(dir, { recursive: true, force: true });
});

function start(id: string, count: number, folder: string): Member {
  const member = spawnMember(id, SCRIPT, {
    FLEET_TARGET: folder,
    FLEET_COUNT: String(count),
    FLEET_TTL: String(TTL),
    FLEET_RENEW: String(RENEW),
    FLEET_WATCH: String(WATCH),
    FLEET_PRIMARY: primary.primaryUrl,
  });
  running.push(member);
  return member;
}

/** Each manager's last role, by member id. */
function roles(processes: Member[]): Map<string, { role: string; process: Member }> {
  const last = new Map<string, { role: string; process: Member }>();
  for (const process of processes)
    for (const line of process.lines)
      if (line.event === 'role')
        last.set(line.member as string, { role: line.role as string, process });
  return last;
}
const leaders = (processes: Member[]) =>
  [...roles(processes)].filter(([, { role }]) => role === 'leader');
const io = (process: Member): Line =>
  process.lines.filter((l) => l.event === 'io').at(-1) ?? ({} as Line);
const requests = (processes: Member[], from: number) =>
  processes.flatMap((p) => p.lines.filter((l) => l.event === 'request' && l.at >= from));

describe('many managers per process on one shared folder', () => {
  it('cost what one manager costs: one leader, one manager reading the PRIMARY, one contender per process; handover and failover within the bound', async () => {
    // What one manager on its own asks the PRIMARY for everything (the yardstick).
    const alone = new ModelReferenceManager({ primaryUrl: primary.primaryUrl, github: false });
    const before = answered.length;
    await alone.getAll();
    const oneLoad = answered
      .slice(before)
      .map((r) => r.path)
      .sort();
    await alone.close();

    const folder = join(dir, 'fleet-a');
    const startedAt = Date.now();
    const fleet = [start('a', 8, folder), start('b', 8, folder), start('c', 1, folder)];
    await until(
      'every process to load everything',
      () => fleet.every((p) => p.lines.some((l) => l.event === 'ready')),
      60_000,
    );
    expect(fleet.flatMap((p) => p.lines.filter((l) => l.event === 'crashed'))).toEqual([]);
    // One leader among the 17, and every other manager follows it.
    await until('one leader', () => leaders(fleet).length === 1, TTL + SLACK);
    const all = roles(fleet);
    expect(all.size).toBe(17);
    expect([...all.values()].filter(({ role }) => role === 'follower')).toHaveLength(16);
    // The first load: the PRIMARY saw one manager's requests (each category once), all of them
    // made by one manager, however many started at once.
    const load = answered.filter((r) => r.at >= startedAt && r.path.includes('/model_references/'));
    const categories = load.filter((r) => !r.path.includes('/metadata/')).map((r) => r.path);
    expect(categories.sort()).toEqual(oneLoad.filter((path) => !path.includes('/metadata/')));
    expect(new Set(requests(fleet, startedAt).map((l) => l.member)).size).toBe(1);

    // Watching: only the leader polls; a follower process's members never touch the lease and
    // read the state no more often than the process with a single member.
    const windowStart = Date.now();
    const [b0, c0] = [io(fleet[1] as Member), io(fleet[2] as Member)];
    await sleep(RENEW * 6);
    const [b1, c1] = [io(fleet[1] as Member), io(fleet[2] as Member)];
    const [[leaderId]] = leaders(fleet) as [[string, unknown]];
    expect(new Set(requests(fleet, windowStart).map((l) => l.member))).toEqual(new Set([leaderId]));
    const leaderProcess = all.get(leaderId)?.process;
    for (const [process, from, to] of [
      [fleet[1], b0, b1],
      [fleet[2], c0, c1],
    ] as const)
      if (process !== leaderProcess) expect(Number(to.links) - Number(from.links)).toBe(0);
    const readsOfEight = Number(b1.stateReads) - Number(b0.stateReads);
    const readsOfOne = Number(c1.stateReads) - Number(c0.stateReads);
    expect(readsOfEight).toBeLessThanOrEqual(readsOfOne * 1.5 + 6);

    // A write reaches all 17 through the leader.
    const category = 'image_generation';
    const model = Object.values(primary.standIn.data.category(category))[0] as { name: string };
    const writtenAt = Date.now();
    primary.standIn.data.update(category, { ...model, description: 'changed for the fleet' });
    await until(
      'all 17 managers to announce the change',
      () =>
        new Set(
          fleet.flatMap((p) =>
            p.lines.filter((l) => l.event === 'change' && l.at >= writtenAt).map((l) => l.member),
          ),
        ).size === 17,
      WATCH * 3 + SLACK * 2,
    );

    // The leading manager closes: another manager takes over (the lease was released).
    const holder = all.get(leaderId)?.process as Member;
    holder.child.kill('SIGUSR2');
    await until('the leader to close', () => holder.lines.some((l) => l.event === 'closed'));
    const next = await until(
      'another leader',
      () => leaders(fleet).find(([member]) => member !== leaderId),
      TTL + RENEW + SLACK,
    );
    expect(leaders(fleet).filter(([member]) => member !== leaderId)).toHaveLength(1);

    // Its process is SIGKILLed: a manager of another process leads within the bound.
    const doomed = next[1].process;
    const killedAt = Date.now();
    doomed.child.kill('SIGKILL');
    const survivors = fleet.filter((p) => p !== doomed);
    const after = await until(
      'a leader in another process',
      () => leaders(survivors)[0],
      TTL + RENEW + SLACK * 2,
    );
    const tookOver = survivors
      .flatMap((p) => p.lines)
      .find(
        (l) =>
          l.event === 'role' && l.member === after[0] && l.role === 'leader' && l.at >= killedAt,
      );
    expect(tookOver?.at).toBeLessThanOrEqual(killedAt + TTL + RENEW + SLACK);
    expect(leaders(survivors)).toHaveLength(1);
  });
});
