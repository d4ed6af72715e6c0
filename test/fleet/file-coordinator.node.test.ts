import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FleetBackend } from '../../src/fleet.js';
import { isInvalidOptionsError } from '../../src/index.js';
import { fileCoordinator } from '../../src/node.js';
import { type BackendHarness, describeBackendContract } from './backend-contract.js';
import { describeBaselinesContract } from './baselines-contract.js';
import { leadersOf as fleetLeaders, sleep, until } from './fleet-test-kit.js';
import { describeManagerContract } from './manager-contract.js';
import { describeMemberContract } from './member-contract.js';

// Counts the `stat` calls of the change-marker watchers, and per folder the steps attempted
// (`link` into a state folder) and the reads of the state (listing it): pass-throughs to the
// real functions.
const markerStats = vi.hoisted(() => ({
  count: 0,
  links: new Map<string, number>(),
  listings: new Map<string, number>(),
}));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const { dirname } = await import('node:path');
  const count = (into: Map<string, number>, folder: string) =>
    into.set(folder, (into.get(folder) ?? 0) + 1);
  const stat = ((...args: Parameters<typeof actual.stat>) => {
    markerStats.count++;
    return actual.stat(...args);
  }) as typeof actual.stat;
  const link = ((from: string, to: string) => {
    count(markerStats.links, dirname(String(to)));
    return actual.link(from, to);
  }) as typeof actual.link;
  const readdir = ((...args: Parameters<typeof actual.readdir>) => {
    count(markerStats.listings, String(args[0]));
    return actual.readdir(...args);
  }) as typeof actual.readdir;
  const replaced = { stat, link, readdir };
  return { ...actual, default: { ...actual, ...replaced }, ...replaced };
});

const POLL_MS = 20;
let dir = '';
const harness: BackendHarness = {
  async setUp() {
    dir = await mkdtemp(join(tmpdir(), 'hmr-fleet-'));
  },
  async tearDown() {
    await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 10 });
  },
  async connect() {
    return fileCoordinator(dir, {
      leaseTtlMs: 1_500,
      pollIntervalMs: POLL_MS,
      operationTimeoutMs: 1_000,
    });
  },
  // The folder becomes something else (an unmounted volume, a file in its place), then comes back.
  outage: {
    async down() {
      await rename(join(dir, 'fleet'), join(dir, 'fleet.away'));
      await writeFile(join(dir, 'fleet'), 'not a folder');
    },
    async up() {
      await rm(join(dir, 'fleet'));
      await rename(join(dir, 'fleet.away'), join(dir, 'fleet'));
    },
  },
  async wipe() {
    // Members keep writing while it goes: retry a folder that filled again meanwhile.
    await rm(join(dir, 'fleet'), { recursive: true, force: true, maxRetries: 10, retryDelay: 10 });
  },
};

describeBackendContract('file', harness);
describeMemberContract('file', harness);
describeManagerContract('file', harness);
describeBaselinesContract('file', harness);

describe('fileCoordinator', () => {
  beforeEach(() => harness.setUp());
  afterEach(() => harness.tearDown());

  it('keeps its files under <dir>/fleet: numbered states, payloads by unique name, no temp files left', async () => {
    const backend = await harness.connect();
    const lease = await backend.acquire('m1', 5_000);
    await backend.publish('clip', lease, 'one');
    await backend.publish('clip', lease, 'two');
    await backend.publish('lora', lease, 'three');
    expect(await readdir(dir)).toEqual(['fleet']);
    expect((await readdir(join(dir, 'fleet'))).sort()).toEqual(['data', 'state', 'tmp']);
    const states = (await readdir(join(dir, 'fleet/state'))).sort();
    expect(states).toHaveLength(4);
    for (const name of states) expect(name).toMatch(/^\d{16}\.json$/);
    const data = await readdir(join(dir, 'fleet/data'));
    // The previous payload of a category stays for readers that just read the state before it.
    expect(data.filter((name) => name.startsWith('clip.'))).toHaveLength(2);
    expect(data.filter((name) => name.startsWith('lora.'))).toHaveLength(1);
    expect(await readdir(join(dir, 'fleet/tmp'))).toEqual([]);
    const latest = JSON.parse(
      await readFile(join(dir, 'fleet/state', states.at(-1) ?? ''), 'utf8'),
    );
    expect(latest.lease).toMatchObject({ holderId: 'm1', token: lease.token });
    expect(Object.keys(latest.entries).sort()).toEqual(['clip', 'lora']);
    await backend.close();
  });

  it('skips a corrupt or poisoned state file and never follows a payload name out of its folder', async () => {
    const backend = await harness.connect();
    const lease = await backend.acquire('m1', 5_000);
    const version = await backend.publish('clip', lease, 'good');
    const states = (await readdir(join(dir, 'fleet/state'))).sort();
    const last = Number(states.at(-1)?.slice(0, 16));
    const name = (n: number) => join(dir, 'fleet/state', `${String(n).padStart(16, '0')}.json`);
    await writeFile(name(last + 1), '{ half a state');
    expect((await backend.read('clip'))?.payload).toBe('good');
    const poisoned = JSON.parse(await readFile(name(last), 'utf8'));
    poisoned.entries.clip.ref = '../../../etc/hostname';
    await writeFile(name(last + 2), JSON.stringify(poisoned));
    expect(await backend.read('clip')).toBeNull();
    // The next step goes after the highest number, corrupt or not, and the fleet carries on.
    expect(await backend.publish('clip', lease, 'after')).toBeGreaterThan(version ?? 0);
    expect((await backend.read('clip'))?.payload).toBe('after');
    await backend.close();
  });

  it('shares one marker watcher per folder in a process: many coordinators, one stat per poll; closing some leaves the others told', async () => {
    const backends = await Promise.all(Array.from({ length: 20 }, () => harness.connect()));
    const heard: string[][] = backends.map(() => []);
    await Promise.all(
      backends.map((backend, i) => backend.subscribe((notice) => heard[i]?.push(notice.type))),
    );
    const startedAt = Date.now();
    const counted = markerStats.count;
    await sleep(300);
    const polls = Math.ceil((Date.now() - startedAt) / POLL_MS) + 2;
    // One watcher polls the folder for all 20 (each on its own would be 20 stats per poll).
    expect(markerStats.count - counted).toBeGreaterThan(0);
    expect(markerStats.count - counted).toBeLessThanOrEqual(polls);
    await Promise.all(backends.slice(1).map((backend) => backend.close()));
    const [kept] = backends as [FleetBackend];
    const writer = await harness.connect();
    const lease = await writer.acquire('w', 5_000);
    await writer.publish('clip', lease, 'told');
    await until('the kept subscriber to hear the publish', () => heard[0]?.includes('published'));
    await Promise.all([kept.close(), writer.close()]);
    // The last one out stops polling.
    await sleep(POLL_MS * 3);
    const stopped = markerStats.count;
    await sleep(POLL_MS * 5);
    expect(markerStats.count).toBe(stopped);
  });

  it('members of one process on one folder cost it what one member costs: one lease contender, shared state reads, a handover on close', async () => {
    const state = (folder: string) => join(folder, 'fleet', 'state');
    const links = (folder: string) => markerStats.links.get(state(folder)) ?? 0;
    const reads = (folder: string) => markerStats.listings.get(state(folder)) ?? 0;
    const member = (folder: string, memberId: string) =>
      fileCoordinator(folder, { leaseTtlMs: 1_500, pollIntervalMs: POLL_MS }).member({
        memberId,
        renewIntervalMs: 300,
      });
    const many = join(dir, 'many');
    const one = join(dir, 'one');
    const fleet = Array.from({ length: 20 }, (_, i) => member(many, `m${i}`));
    const alone = member(one, 'alone');
    try {
      await Promise.all([...fleet, alone].map((m) => m.join()));
      // Twenty members joining at once on an empty folder: one attempt at the lease, one leader.
      expect(links(many)).toBe(1);
      const [leader, ...others] = fleetLeaders(fleet);
      expect(others).toEqual([]);
      expect(fleet.filter((m) => m.status().role === 'follower')).toHaveLength(19);
      // Their rounds (a renewal and a look at the versions each, every 300 ms) read the state
      // no more often than one member's do; only the leader writes (its renewals).
      const [manyFrom, oneFrom, linksFrom] = [reads(many), reads(one), links(many)];
      await sleep(1_500);
      const [manyReads, oneReads] = [reads(many) - manyFrom, reads(one) - oneFrom];
      expect(manyReads).toBeLessThanOrEqual(oneReads * 1.5 + 6);
      expect(links(many) - linksFrom).toBeLessThanOrEqual(links(one) + 2);
      // The leader closes: another member of the process takes the lease it released.
      await leader?.close();
      const next = await until('another leader', () =>
        fleet.find((m) => m !== leader && m.status().role === 'leader'),
      );
      await sleep(300);
      expect(fleetLeaders(fleet)).toEqual([next]);
      expect(fleet.filter((m) => m.status().role === 'follower')).toHaveLength(18);
      for (const m of fleet.filter((m) => m !== leader))
        expect(m.status().leaderId).toBe(next.memberId);
    } finally {
      await Promise.all([...fleet, alone].map((m) => m.close()));
    }
  });

  it('rejects a directory or timing that cannot work', () => {
    for (const [directory, options] of [
      ['', {}],
      ['  ', {}],
      [dir, { pollIntervalMs: 0 }],
      [dir, { leaseTtlMs: 99 }],
      [dir, { operationTimeoutMs: 1.5 }],
    ] as const)
      expect(() => fileCoordinator(directory, options)).toThrow(
        expect.toSatisfy(isInvalidOptionsError),
      );
  });
});
