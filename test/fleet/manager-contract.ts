// The fleet contract of issue 15 as the manager keeps it, one suite run on every coordinator
// (memory, a shared folder, a real Redis): managers in one process, each with its own connection
// to the store and its own fetch to one stand-in PRIMARY. The multi-process tests kill leaders.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isInvalidFleetEntryError } from '../../src/fleet.js';
import {
  isCoordinatorUnavailableError,
  isInvalidOptionsError,
  ModelReferenceManager,
} from '../../src/index.js';
import { createStandInPrimary, FIXTURE_V2, type StandInPrimary } from '../../src/testing.js';
import type { BackendHarness } from './backend-contract.js';
import { sleep, until } from './fleet-test-kit.js';
import {
  downloads,
  fingerprint,
  fleetStandIn,
  roleOf,
  type Worker,
  workerFactory,
} from './manager-fleet-kit.js';

const TTL = 1_500;
const RENEW = 500;
/** Scheduling slack on a loaded 2-core machine. */
const SLACK = 1_500;
const ALBEDO = FIXTURE_V2.image_generation['AlbedoBase XL (SDXL)'] as { name: string };
const ALBEDO_NAME = 'AlbedoBase XL (SDXL)';

export function describeManagerContract(name: string, harness: BackendHarness): void {
  describe(`${name} coordinator: managers in a fleet`, () => {
    let standIn: StandInPrimary;
    let fleet: ReturnType<typeof workerFactory>;
    const link = { leaseTtlMs: TTL, renewIntervalMs: RENEW, obtainTimeoutMs: 5_000 };
    const make = (id: string, options = {}) => fleet.make(id, options);
    /** A leader holding `categories` with its change tokens learned, and `n` followers. */
    const started = async (n: number, categories = ['image_generation', 'clip'] as const) => {
      const leader = await make('lead');
      for (const category of categories) await leader.refs.getCategory(category);
      await leader.refs.checkForUpdates();
      const followers: Worker[] = [];
      for (let i = 0; i < n; i++) followers.push(await make(`f${i}`));
      for (const follower of followers)
        for (const category of categories) await follower.refs.getCategory(category);
      return { leader, followers };
    };
    const update = (description: string) =>
      standIn.data.update('image_generation', { ...ALBEDO, description });
    const albedoOf = async (worker: Worker) =>
      (await worker.refs.getModel('image_generation', ALBEDO_NAME)).description;

    beforeEach(async () => {
      await harness.setUp();
      standIn = fleetStandIn();
      fleet = workerFactory(standIn, () => harness.connect(), link);
    });
    afterEach(async () => {
      await Promise.all(fleet.all.splice(0).map((worker) => worker.refs.close()));
      await harness.tearDown();
    });

    it('elects one leader, the only one to read the PRIMARY; followers take every category from the store', async () => {
      const workers = await Promise.all(['a', 'b', 'c', 'd'].map((id) => make(id)));
      await Promise.all(
        workers.map((w) =>
          Promise.all([w.refs.getCategory('image_generation'), w.refs.getCategory('clip')]),
        ),
      );
      const leaders = workers.filter((w) => roleOf(w) === 'leader');
      expect(leaders).toHaveLength(1);
      const [leader] = leaders as [Worker];
      for (const follower of workers.filter((w) => w !== leader)) {
        expect(follower.paths).toEqual([]);
        expect(fingerprint(await follower.refs.getCategory('clip'))).toBe(
          fingerprint(await leader.refs.getCategory('clip')),
        );
        expect(follower.refs.status().coordinator).toMatchObject({
          coordinator: name,
          memberId: follower.id,
          role: 'follower',
          leaderId: leader.id,
          token: null,
          degraded: null,
          closed: false,
        });
        // The leader's provenance comes along.
        expect(follower.refs.status().categories.clip).toMatchObject({
          origin: 'v2',
          url: `${standIn.primaryUrl}/model_references/v2/clip`,
          fetchedAt: leader.refs.status().categories.clip?.fetchedAt,
          stale: false,
        });
      }
      expect(downloads(leader.paths).sort()).toEqual([
        '/api/model_references/v2/clip',
        '/api/model_references/v2/image_generation',
      ]);
      expect(leader.refs.status().coordinator).toMatchObject({
        role: 'leader',
        leaderId: leader.id,
        token: expect.any(Number),
        leaseExpiresAt: expect.any(Number),
        lastSyncAt: expect.any(Number),
      });
      expect(new ModelReferenceManager().status().coordinator).toBeNull();
    });

    it('the leader publishes each accepted category whole, with provenance, version and its diff, and never the API key', async () => {
      const key = 'fleet-secret-api-key-0123456789';
      fleet = workerFactory(standIn, () => harness.connect(), link, { apiKey: key });
      const lead = await make('keyed');
      await lead.refs.getCategory('image_generation');
      await lead.refs.checkForUpdates();
      // The key went to the PRIMARY with the leader's requests, and nowhere else.
      expect(standIn.requests.some((r) => r.headers.apikey === key)).toBe(true);
      const reader = await harness.connect();
      try {
        const first = await until('the first publish', () => reader.read('image_generation'));
        const published = JSON.parse(first.payload);
        expect(published).toMatchObject({
          format: 'horde-model-reference/fleet',
          version: 1,
          base: null,
          change: null,
          snapshot: {
            category: 'image_generation',
            origin: 'v2',
            url: `${standIn.primaryUrl}/model_references/v2/image_generation`,
            hash: expect.any(String),
          },
        });
        expect(fingerprint(published.snapshot.records)).toBe(
          fingerprint(await lead.refs.getCategory('image_generation')),
        );
        update('Retrained.');
        const [change] = await lead.refs.checkForUpdates();
        const second = await until('the second publish', async () => {
          const entry = await reader.read('image_generation');
          return entry && entry.version > first.version ? entry : null;
        });
        const next = JSON.parse(second.payload);
        expect(next.change).toEqual(change);
        expect(next.base).toBe(published.snapshot.hash);
        expect(next.snapshot.records[ALBEDO_NAME].description).toBe('Retrained.');
        for (const category of ['image_generation', 'clip'] as const) {
          const entry = await reader.read(category);
          expect(entry?.payload ?? '').not.toContain(key);
        }
      } finally {
        await reader.close();
      }
    });

    it("followers apply a published version atomically and announce the leader's very diff; they never ask the PRIMARY", async () => {
      const { leader, followers } = await started(2);
      update('Retrained.');
      const [change] = await leader.refs.checkForUpdates();
      expect(change).toMatchObject({ via: 'delta', changed: [{ name: ALBEDO_NAME }] });
      for (const follower of followers) {
        await until('the follower to apply it', () => follower.changes.length > 0);
        expect(follower.changes).toEqual([change]);
        expect(await albedoOf(follower)).toBe('Retrained.');
        expect(follower.paths).toEqual([]);
      }
    });

    it("a follower's watch() is fed by the leader: no PRIMARY polling, changes arrive as events", async () => {
      const { leader, followers } = await started(1);
      const [follower] = followers as [Worker];
      const stopFollower = follower.refs.watch({ intervalMs: 100 });
      const stopLeader = leader.refs.watch({ intervalMs: 100 });
      try {
        await sleep(500);
        update('Watched.');
        await until('the change to reach the follower', () => follower.changes.length > 0);
        expect(await albedoOf(follower)).toBe('Watched.');
        expect(follower.paths).toEqual([]);
        expect(
          leader.paths.filter((p) => p.endsWith('/metadata/last_updated')).length,
        ).toBeGreaterThan(1);
        // Followers renew their TTL from the fleet: their data stays fresh without a request.
        expect(follower.refs.status().categories.image_generation?.fresh).toBe(true);
      } finally {
        stopFollower();
        stopLeader();
      }
    });

    it('a cold read of a category nobody published is requested from the leader and waited for', async () => {
      const { leader, followers } = await started(1);
      const [follower] = followers as [Worker];
      const controlnet = await follower.refs.getCategory('controlnet');
      expect(Object.keys(controlnet).length).toBeGreaterThan(0);
      expect(follower.paths).toEqual([]);
      expect(downloads(leader.paths)).toContain('/api/model_references/v2/controlnet');
      expect(follower.refs.status().categories.controlnet?.origin).toBe('v2');
    });

    it('a follower reads its own chain when no leader publishes in time', async () => {
      const { leader } = await started(0);
      leader.offline = true; // the leader cannot reach the PRIMARY: it never publishes controlnet
      const follower = await make('alone', { obtainTimeoutMs: 300 });
      const controlnet = await follower.refs.getCategory('controlnet');
      expect(Object.keys(controlnet).length).toBeGreaterThan(0);
      expect(downloads(follower.paths)).toEqual(['/api/model_references/v2/controlnet']);
      expect(roleOf(follower)).toBe('follower');
    });

    it('when the leader leaves, a follower takes over at once and carries on from the published versions without downloading them again', async () => {
      const { leader, followers } = await started(2);
      const closedAt = Date.now();
      await leader.refs.close();
      const next = await until('a new leader', () => followers.find((f) => roleOf(f) === 'leader'));
      expect(Date.now() - closedAt).toBeLessThan(TTL);
      const other = followers.find((f) => f !== next) as Worker;
      expect(await next.refs.checkForUpdates()).toEqual([]);
      // Only metadata: what the store held is not downloaded again.
      expect(downloads(next.paths)).toEqual([]);
      expect(next.paths.length).toBeGreaterThan(0);
      update('After the handover.');
      const [change] = await next.refs.checkForUpdates();
      expect(change).toMatchObject({ via: 'delta' });
      await until('the other follower to hear the new leader', () => other.changes.length > 0);
      expect(other.changes).toEqual([change]);
      expect(other.paths).toEqual([]);
    });

    it.runIf(harness.outage)(
      'an unreachable coordinator: every manager goes standalone (status, event), serves and reads its own chain, and rejoins when it is back',
      async () => {
        const { leader, followers } = await started(1);
        const [follower] = followers as [Worker];
        await harness.outage?.down();
        try {
          await until(
            'both to go standalone',
            () => roleOf(leader) === 'standalone' && roleOf(follower) === 'standalone',
            TTL + RENEW + SLACK,
          );
          for (const worker of [leader, follower]) {
            const degraded = worker.roles.find((event) => event.reason === 'degraded');
            expect(degraded).toMatchObject({ role: 'standalone' });
            expect(degraded?.error).toSatisfy(isCoordinatorUnavailableError);
            expect(worker.refs.status().coordinator?.degraded?.reason).toEqual(expect.any(String));
          }
          // Never worse than without a coordinator: last-known-good served, its own chain read.
          expect(await albedoOf(follower)).toBe(await albedoOf(leader));
          await follower.refs.getCategory('controlnet');
          expect(downloads(follower.paths)).toEqual(['/api/model_references/v2/controlnet']);
          // Its own change detection runs again: first the tokens, then the change.
          await follower.refs.checkForUpdates();
          update('During the outage.');
          await follower.refs.checkForUpdates();
          expect(follower.paths).toContain('/api/model_references/v2/metadata/last_updated');
          expect(await albedoOf(follower)).toBe('During the outage.');
        } finally {
          await harness.outage?.up();
        }
        await until(
          'one leader and one follower again',
          () => [roleOf(leader), roleOf(follower)].sort().join() === 'follower,leader',
          TTL + RENEW + SLACK * 3,
        );
        expect(leader.refs.status().coordinator?.degraded).toBeNull();
        expect(follower.roles.at(-1)?.role).toMatch(/leader|follower/);
      },
    );

    it.runIf(harness.outage)(
      'never worse than no coordinator: a follower forced standalone, then rejoining, costs the PRIMARY no more than a manager that never had one',
      async () => {
        // The real clock: data the leader fetched right after a write is not settled by its age,
        // only by the change tokens the leader learned (a new member has none of its own).
        standIn = createStandInPrimary();
        fleet = workerFactory(standIn, () => harness.connect(), link);
        const alone = { paths: [] as string[], bytes: 0 };
        const plain = new ModelReferenceManager({
          primaryUrl: standIn.primaryUrl,
          github: { rawBaseUrl: standIn.githubRawUrl },
          retry: { limit: 0 },
          fetch: async (input, init) => {
            const request = new Request(input, init);
            alone.paths.push(new URL(request.url).pathname);
            const response = await standIn.fetch(request);
            alone.bytes += (await response.clone().arrayBuffer()).byteLength;
            return response;
          },
        });
        try {
          const { leader, followers } = await started(1);
          const [follower] = followers as [Worker];
          await plain.getCategory('image_generation');
          await plain.getCategory('clip');
          await plain.checkForUpdates();
          update('Written just now.');
          await leader.refs.checkForUpdates();
          await plain.checkForUpdates();
          await until('the follower to apply the write', () => follower.changes.length > 0);
          // The leader's tokens reach the store after its check (their own small entry).
          await until('the change tokens to be published', async () => {
            const reader = await harness.connect();
            try {
              return (await reader.versions()).change_tokens !== undefined;
            } finally {
              await reader.close();
            }
          });
          await sleep(200);
          await harness.outage?.down();
          try {
            await until(
              'the follower to go standalone',
              () => roleOf(follower) === 'standalone',
              TTL + RENEW + SLACK,
            );
            alone.paths.length = 0;
            alone.bytes = 0;
            follower.paths.length = 0;
            follower.bytes = 0;
            // The same polls, side by side, against the same PRIMARY.
            for (let poll = 0; poll < 3; poll++) {
              await plain.checkForUpdates();
              await follower.refs.checkForUpdates();
            }
            expect(downloads(follower.paths)).toEqual([]);
            expect(follower.paths.length).toBeGreaterThan(0);
            expect(follower.paths.length).toBeLessThanOrEqual(alone.paths.length);
            expect(follower.bytes).toBeLessThanOrEqual(alone.bytes);
            // It still sees a write of its own while standalone.
            update('While standalone.');
            await follower.refs.checkForUpdates();
            expect(await albedoOf(follower)).toBe('While standalone.');
          } finally {
            await harness.outage?.up();
          }
          await until(
            'one leader and one follower again',
            () => [roleOf(leader), roleOf(follower)].sort().join() === 'follower,leader',
            TTL + RENEW + SLACK * 3,
          );
          const before = downloads(follower.paths).length + downloads(leader.paths).length;
          const counted = [leader.paths.length, follower.paths.length];
          await leader.refs.checkForUpdates();
          await follower.refs.checkForUpdates();
          // Rejoined: whoever leads checks with tokens; nothing the store holds is downloaded.
          expect(downloads(follower.paths).length + downloads(leader.paths).length).toBe(before);
          expect(leader.paths.length + follower.paths.length).toBeGreaterThan(
            (counted[0] ?? 0) + (counted[1] ?? 0),
          );
        } finally {
          await plain.close();
        }
      },
    );

    it('a store that lost everything: members rejoin, a cold read is published again, versions never go back', async () => {
      const { leader } = await started(0);
      const reader = await harness.connect();
      try {
        const before = await until('the publish', () => reader.read('clip'));
        await harness.wipe();
        const late = await until(
          'a cold read served through the fleet',
          async () => {
            const worker = await make(`late-${Date.now()}`);
            try {
              await worker.refs.getCategory('clip');
              return worker.paths.length === 0 && roleOf(worker) === 'follower' ? worker : null;
            } catch {
              return null;
            }
          },
          TTL * 4 + SLACK * 2,
          200,
        );
        expect(fingerprint(await late.refs.getCategory('clip'))).toBe(
          fingerprint(await leader.refs.getCategory('clip')),
        );
        const after = await until('the new publish', () => reader.read('clip'));
        expect(after.version).toBeGreaterThan(before.version);
      } finally {
        await reader.close();
      }
    });

    describe('a poisoned store entry is refused, never served', () => {
      const base = (records: unknown, extra: Record<string, unknown> = {}) =>
        JSON.stringify({
          format: 'horde-model-reference/fleet',
          version: 1,
          base: null,
          change: null,
          snapshot: {
            category: 'clip',
            origin: 'v2',
            url: 'http://evil.test/x',
            fetchedAt: Date.now(),
            hash: 'h-evil',
            records,
          },
          ...extra,
        });
      const clip = FIXTURE_V2.clip as Record<string, Record<string, unknown>>;
      const [firstName, first] = Object.entries(clip)[0] as [string, Record<string, unknown>];
      const cases: [string, string][] = [
        ['not JSON', '{"format": "horde-model-ref'],
        ['another format', JSON.stringify({ format: 'x', version: 1 })],
        ['another category', base(clip).replace('"category":"clip"', '"category":"controlnet"')],
        ['a record that fails validation', base({ ...clip, [firstName]: { ...first, name: 42 } })],
        ['records that are not an object', base('all gone')],
        [
          'a change that names records it does not have',
          base(clip, {
            change: {
              category: 'clip',
              via: 'download',
              added: ['Ghost'],
              removed: [],
              changed: [],
            },
          }),
        ],
        [
          'a __proto__ record that fails validation',
          base({ ...clip, ...JSON.parse('{"__proto__": {"polluted": true}}') }),
        ],
      ];
      it.each(cases)('%s', async (_, payload) => {
        const { leader, followers } = await started(1, ['clip'] as unknown as readonly [
          'image_generation',
          'clip',
        ]);
        const [follower] = followers as [Worker];
        const held = fingerprint(await follower.refs.getCategory('clip'));
        const writer = await harness.connect();
        try {
          const lease = await writer.leader();
          expect(lease?.holderId).toBe(leader.id);
          if (!lease) return;
          expect(await writer.publish('clip', lease, payload)).toEqual(expect.any(Number));
        } finally {
          await writer.close();
        }
        await until('the follower to refuse it', () => follower.errors.length > 0);
        expect(follower.errors[0]).toSatisfy(isInvalidFleetEntryError);
        expect(fingerprint(await follower.refs.getCategory('clip'))).toBe(held);
        expect(follower.changes).toEqual([]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        // A newcomer finds only the poisoned entry: it refuses it and reads its own chain.
        const newcomer = await make('newcomer');
        expect(fingerprint(await newcomer.refs.getCategory('clip'))).toBe(held);
        expect(newcomer.errors.some(isInvalidFleetEntryError)).toBe(true);
        expect(downloads(newcomer.paths)).toEqual(['/api/model_references/v2/clip']);
      });
    });

    it('a poisoned change-token entry is refused (an error event) and never trusted', async () => {
      const { leader, followers } = await started(1);
      const [follower] = followers as [Worker];
      const writer = await harness.connect();
      try {
        const lease = await writer.leader();
        expect(lease?.holderId).toBe(leader.id);
        if (!lease) return;
        // The leader publishes its own tokens after its first check, in the background: poison
        // only after that, or its entry (newer) would be the one the follower reads.
        await until('the leader to publish its tokens', async () =>
          Boolean(await writer.read('change_tokens')),
        );
        const poisoned = JSON.stringify({
          format: 'horde-model-reference/change-tokens',
          version: 1,
          checkpoint: {
            routes: 'v2',
            confirmed: null,
            tokens: { clip: { token: [1], hash: 'x' } },
          },
        });
        expect(await writer.publish('change_tokens', lease, poisoned)).toEqual(expect.any(Number));
      } finally {
        await writer.close();
      }
      await until('the follower to refuse it', () => follower.errors.length > 0);
      expect(follower.errors[0]).toSatisfy(isInvalidFleetEntryError);
      expect(follower.errors[0]).toMatchObject({ category: 'change_tokens' });
      expect(follower.paths).toEqual([]);
    });

    it('a reader never sees a partial category or a version going back', async () => {
      const { leader, followers } = await started(2);
      const published = new Set([fingerprint(await leader.refs.getCategory('image_generation'))]);
      const seen = new Map<Worker, string[]>(followers.map((f) => [f, []]));
      let reading = true;
      const readers = followers.map(async (follower) => {
        while (reading) {
          const records = await follower.refs.getCategory('image_generation');
          seen.get(follower)?.push(fingerprint(records));
          await sleep(1);
        }
      });
      const order: string[] = [];
      for (let generation = 1; generation <= 6; generation++) {
        update(`generation ${generation}`);
        await leader.refs.checkForUpdates();
        const records = await leader.refs.getCategory('image_generation');
        published.add(fingerprint(records));
        order.push(fingerprint(records));
      }
      await until('every follower to hold the last version', async () => {
        for (const follower of followers)
          if ((await albedoOf(follower)) !== 'generation 6') return false;
        return true;
      });
      reading = false;
      await Promise.all(readers);
      for (const [follower, views] of seen) {
        expect(views.length).toBeGreaterThan(0);
        for (const view of views) expect(published.has(view)).toBe(true);
        const ranks = views.map((view) => order.indexOf(view));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        expect(follower.paths).toEqual([]);
      }
    });

    it('checks the coordinator option', () => {
      for (const coordinator of [{}, 'redis://x', { member: () => null }]) {
        let thrown: unknown;
        try {
          new ModelReferenceManager({ coordinator: coordinator as never });
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toSatisfy(isInvalidOptionsError);
        expect(String((thrown as Error).message)).toContain('coordinator');
      }
    });
  });
}
