// Issue 18 in a fleet: the image baseline catalog is cached like a category. Only the leader reads
// it from the PRIMARY and publishes it; followers take the store's copy (asking the leader when it
// has none yet), apply its newer publishes, and refuse a poisoned entry. Run on every coordinator.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isInvalidFleetEntryError } from '../../src/fleet.js';
import { createStandInPrimary, type StandInPrimary } from '../../src/testing.js';
import type { BackendHarness } from './backend-contract.js';
import { until } from './fleet-test-kit.js';
import { roleOf, type Worker, workerFactory } from './manager-fleet-kit.js';

const TTL = 1_500;
const RENEW = 500;
/** Requests for the catalog among a manager's paths. */
const catalogReads = (worker: Worker) =>
  worker.paths.filter((p) => p.endsWith('/baselines/export'));
const names = (read: { catalog: { baselines: object } }) =>
  Object.keys(read.catalog.baselines).sort();

export function describeBaselinesContract(name: string, harness: BackendHarness): void {
  describe(`${name} coordinator: the baseline catalog in a fleet`, () => {
    let fleet: ReturnType<typeof workerFactory>;
    const link = { leaseTtlMs: TTL, renewIntervalMs: RENEW, obtainTimeoutMs: 5_000 };
    /** A leader (settled as such) and `n` followers on `standIn`. */
    const started = async (standIn: StandInPrimary, n: number, ttlMs = 60_000) => {
      fleet = workerFactory(standIn, () => harness.connect(), link, { ttlMs });
      const leader = await fleet.make('lead');
      await leader.refs.getCategory('clip');
      const followers: Worker[] = [];
      for (let i = 0; i < n; i++) followers.push(await fleet.make(`f${i}`));
      await until('followers joined', () => followers.every((f) => roleOf(f) === 'follower'));
      expect(roleOf(leader)).toBe('leader');
      return { leader, followers };
    };

    beforeEach(async () => {
      await harness.setUp();
    });
    afterEach(async () => {
      await Promise.all(fleet.all.splice(0).map((worker) => worker.refs.close()));
      await harness.tearDown();
    });

    it('cold reads on followers are requested from the leader: one PRIMARY read, one catalog for all', async () => {
      const standIn = createStandInPrimary({ generation: '8.x' });
      const { leader, followers } = await started(standIn, 3);
      // The followers ask first, all at once: nobody has published the catalog yet.
      const reads = await Promise.all(followers.map((f) => f.refs.baselineCatalog()));
      expect(catalogReads(leader)).toHaveLength(1);
      const own = await leader.refs.baselineCatalog();
      expect(names(own)).toContain('krea2_turbo');
      for (const [i, read] of reads.entries()) {
        const follower = followers[i] as Worker;
        expect(follower.paths).toEqual([]); // never the PRIMARY
        expect(read).toMatchObject({ origin: 'v2', reason: null, fetchedAt: own.fetchedAt });
        expect(names(read)).toEqual(names(own));
        expect(follower.errors).toEqual([]);
      }
      expect(catalogReads(leader)).toHaveLength(1);
    });

    it('a newer catalog the leader reads reaches the followers holding one, without their asking the PRIMARY', async () => {
      const standIn = createStandInPrimary({ generation: '8.x' });
      const { leader, followers } = await started(standIn, 2, 300);
      await leader.refs.baselineCatalog();
      for (const follower of followers) await follower.refs.baselineCatalog();
      const state = standIn.resources.baselines as {
        metadata: { revision: number };
        baselines: Record<string, unknown>;
      };
      state.baselines.brand_new_2027 = {
        name: 'brand_new_2027',
        display_name: 'Brand New',
        native_resolution: 1024,
        alternative_names: [],
        capabilities: {},
      };
      state.metadata.revision += 1;
      // The leader's TTL ran out: it asks again (If-None-Match) and gets the new revision.
      await until('the TTL to run out', async () =>
        names(await leader.refs.baselineCatalog()).includes('brand_new_2027'),
      );
      for (const follower of followers) {
        await until(`${follower.id} to hold the new catalog`, async () =>
          names(await follower.refs.baselineCatalog()).includes('brand_new_2027'),
        );
        expect(follower.paths).toEqual([]);
      }
      // The leader asked with the ETag it held; answers were a 200 once per revision.
      const asked = standIn.requests.filter((r) => r.url.endsWith('/baselines/export'));
      expect(asked.length).toBeGreaterThanOrEqual(2);
      expect(asked.slice(1).every((r) => r.headers['if-none-match'] !== undefined)).toBe(true);
    });

    it("a 7.6 PRIMARY: followers serve the bundled copy with the leader's reason, asking nobody but the store", async () => {
      const standIn = createStandInPrimary({ generation: '7.6' });
      const { leader, followers } = await started(standIn, 2);
      const own = await leader.refs.baselineCatalog();
      expect(own.origin).toBe('bundled');
      for (const follower of followers) {
        const read = await follower.refs.baselineCatalog();
        expect(read).toMatchObject({ origin: 'bundled', reason: own.reason });
        expect(names(read)).toContain('stable_diffusion_xl');
        expect(follower.paths).toEqual([]);
      }
      expect(catalogReads(leader)).toHaveLength(1);
    });

    describe('a poisoned catalog in the store is refused, never served', () => {
      const cases: [string, string][] = [
        ['not JSON', '{"format": "horde-model-ref'],
        ['another format', JSON.stringify({ format: 'horde-model-reference/fleet', version: 1 })],
        [
          'a catalog that fails validation',
          JSON.stringify({
            format: 'horde-model-reference/fleet-baselines',
            version: 1,
            catalog: { baselines: 'all gone' },
            fetchedAt: Date.now(),
            etag: null,
            reason: null,
          }),
        ],
        [
          'no catalog and no reason',
          JSON.stringify({
            format: 'horde-model-reference/fleet-baselines',
            version: 1,
            catalog: null,
            fetchedAt: Date.now(),
            etag: null,
            reason: null,
          }),
        ],
      ];
      it.each(cases)('%s', async (_, payload) => {
        const standIn = createStandInPrimary({ generation: '8.x' });
        const { leader, followers } = await started(standIn, 1);
        const [follower] = followers as [Worker];
        const held = await follower.refs.baselineCatalog();
        expect(held.origin).toBe('v2');
        const writer = await harness.connect();
        try {
          const lease = await writer.leader();
          expect(lease?.holderId).toBe(leader.id);
          if (!lease) return;
          expect(await writer.publish('image_baselines', lease, payload)).toEqual(
            expect.any(Number),
          );
        } finally {
          await writer.close();
        }
        await until('the follower to refuse it', () => follower.errors.length > 0);
        expect(follower.errors[0]).toSatisfy(isInvalidFleetEntryError);
        expect(follower.errors[0]).toMatchObject({ category: 'image_baselines' });
        expect(names(await follower.refs.baselineCatalog())).toEqual(names(held));
        // A newcomer finds only the poisoned entry: it refuses it and reads the PRIMARY itself.
        const newcomer = await fleet.make('newcomer');
        const read = await newcomer.refs.baselineCatalog();
        expect(read.origin).toBe('v2');
        expect(names(read)).toEqual(names(held));
        expect(newcomer.errors.some(isInvalidFleetEntryError)).toBe(true);
        expect(catalogReads(newcomer)).toHaveLength(1);
      });
    });
  });
}
