// The contract every FleetBackend keeps, as one suite run against each coordinator (memory,
// file, Redis). Each harness gives fresh connections to one shared store per test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FleetBackend, FleetNotice } from '../../src/fleet.js';
import { isCoordinatorUnavailableError, isUnknownCategoryError } from '../../src/index.js';
import { checkWhole, sleep, until, wholePayload } from './fleet-test-kit.js';

/** How a suite reaches one coordinator's store. */
export interface BackendHarness {
  /** A fresh, empty store for one test. */
  setUp(): Promise<void>;
  /** Removes what `setUp` made. */
  tearDown(): Promise<void>;
  /** A new connection (a new process, as far as the store can tell) to the test's store. */
  connect(): Promise<FleetBackend>;
  /** Makes the store unreachable, then reachable again; absent where that cannot happen. */
  outage?: { down(): Promise<void>; up(): Promise<void> };
  /** Loses everything in the store (a restart without persistence, a deleted folder). */
  wipe(): Promise<void>;
}

export function describeBackendContract(name: string, harness: BackendHarness): void {
  describe(`${name} coordinator: the FleetBackend contract`, () => {
    const open: FleetBackend[] = [];
    const connect = async () => {
      const backend = await harness.connect();
      open.push(backend);
      return backend;
    };
    beforeEach(() => harness.setUp());
    afterEach(async () => {
      await Promise.all(open.splice(0).map((backend) => backend.close()));
      await harness.tearDown();
    });

    it('gives the lease to exactly one of many members racing for it, with one token', async () => {
      const backends = await Promise.all(Array.from({ length: 12 }, () => connect()));
      const leases = await Promise.all(backends.map((b, i) => b.acquire(`m${i}`, 5_000)));
      const holders = new Set(leases.map((lease) => lease.holderId));
      const tokens = new Set(leases.map((lease) => lease.token));
      expect(holders.size).toBe(1);
      expect(tokens.size).toBe(1);
      const [winner] = holders;
      expect(winner).toMatch(/^m\d+$/);
      expect((await backends[0]?.leader())?.holderId).toBe(winner);
      // A second round changes nothing while the lease lives.
      const again = await Promise.all(backends.map((b, i) => b.acquire(`m${i}`, 5_000)));
      expect(new Set(again.map((lease) => `${lease.holderId}/${lease.token}`))).toEqual(
        new Set([`${winner}/${[...tokens][0]}`]),
      );
    });

    it('renews only for the holder with its token, and not after expiry', async () => {
      const [a, b] = [await connect(), await connect()];
      const lease = await a.acquire('a', 400);
      expect(lease.holderId).toBe('a');
      const renewed = await a.renew(lease, 5_000);
      expect(renewed?.token).toBe(lease.token);
      expect(renewed?.expiresAt).toBeGreaterThan(lease.expiresAt);
      expect(await b.renew({ ...lease, holderId: 'b' }, 5_000)).toBeNull();
      expect(await b.renew({ ...lease, token: lease.token + 1 }, 5_000)).toBeNull();
      // Renewed for 5 s: still held after the first 400 ms would have run out.
      await sleep(500);
      expect((await b.acquire('b', 400)).holderId).toBe('a');
      const short = await a.renew(lease, 150);
      expect(short).not.toBeNull();
      await sleep(300);
      expect(await a.renew(lease, 5_000)).toBeNull();
      expect(await a.leader()).toBeNull();
    });

    it('lets another member take an expired lease, with a larger token', async () => {
      const [a, b] = [await connect(), await connect()];
      const first = await a.acquire('a', 200);
      expect((await b.acquire('b', 200)).holderId).toBe('a');
      await sleep(300);
      const second = await b.acquire('b', 5_000);
      expect(second.holderId).toBe('b');
      expect(second.token).toBeGreaterThan(first.token);
    });

    it('refuses a publish from a leader fenced out by a newer term, atomically', async () => {
      const [a, b] = [await connect(), await connect()];
      const stale = await a.acquire('a', 200);
      expect(await a.publish('clip', stale, 'from a')).toEqual(expect.any(Number));
      await sleep(300);
      const fresh = await b.acquire('b', 5_000);
      expect(await a.publish('clip', stale, 'stale write')).toBeNull();
      expect(await a.publish('lora', stale, 'stale write')).toBeNull();
      // Same holder id and an old token is still refused.
      expect(await b.publish('clip', { ...fresh, token: stale.token }, 'old token')).toBeNull();
      expect((await b.read('clip'))?.payload).toBe('from a');
      expect(await b.read('lora')).toBeNull();
      const version = await b.publish('clip', fresh, 'from b');
      expect((await a.read('clip'))?.payload).toBe('from b');
      expect((await a.read('clip'))?.token).toBe(fresh.token);
      expect((await a.versions()).clip).toBe(version);
    });

    it('numbers versions per category, always upwards, and reads back the latest whole payload', async () => {
      const a = await connect();
      const lease = await a.acquire('a', 5_000);
      const versions: number[] = [];
      for (let i = 0; i < 5; i++)
        versions.push((await a.publish('clip', lease, `clip ${i}`)) ?? -1);
      const lora = await a.publish('lora', lease, 'lora 0');
      for (let i = 1; i < versions.length; i++)
        expect(versions[i]).toBeGreaterThan(versions[i - 1] ?? Number.POSITIVE_INFINITY);
      const entry = await a.read('clip');
      expect(entry).toMatchObject({ category: 'clip', version: versions[4], payload: 'clip 4' });
      expect(entry?.token).toBe(lease.token);
      expect(entry?.publishedAt).toBeGreaterThan(0);
      const all = await a.versions();
      expect({ ...all }).toEqual({ clip: versions[4], lora });
      expect(Object.getPrototypeOf(all)).toBeNull();
      expect(await a.read('esrgan')).toBeNull();
    });

    it('never lets a reader see part of a payload while large ones are published', async () => {
      const [writer, reader] = [await connect(), await connect()];
      const lease = await writer.acquire('w', 10_000);
      const size = 512 * 1024;
      let done = false;
      const seen = new Set<number>();
      const reading = (async () => {
        let last = 0;
        while (!done) {
          const entry = await reader.read('image_generation');
          if (!entry) continue;
          seen.add(checkWhole(entry.payload));
          expect(entry.version).toBeGreaterThanOrEqual(last);
          last = entry.version;
        }
      })();
      for (let n = 0; n < 12; n++)
        expect(
          await writer.publish('image_generation', lease, wholePayload(n, size)),
        ).not.toBeNull();
      done = true;
      await reading;
      expect(seen.size).toBeGreaterThan(0);
      expect(checkWhole((await reader.read('image_generation'))?.payload ?? '')).toBe(11);
    });

    it('tells subscribers what was acquired, published, requested and released', async () => {
      const [a, b] = [await connect(), await connect()];
      const notices: FleetNotice[] = [];
      const stop = await b.subscribe((notice) => notices.push(notice));
      const lease = await a.acquire('a', 5_000);
      const version = await a.publish('controlnet', lease, 'x');
      await b.request('esrgan', 'b');
      expect(await a.release(lease)).toBe(true);
      await until('four notices', () => notices.length >= 4);
      expect(notices).toEqual([
        { type: 'acquired', holderId: 'a', token: lease.token },
        { type: 'published', category: 'controlnet', version, token: lease.token },
        { type: 'requested', category: 'esrgan', requesterId: 'b' },
        { type: 'released', holderId: 'a', token: lease.token },
      ]);
      await stop();
      await a.acquire('a', 5_000);
      await sleep(200);
      expect(notices).toHaveLength(4);
    });

    it('frees the lease on release so another member takes it at once; only the holder releases', async () => {
      const [a, b] = [await connect(), await connect()];
      const lease = await a.acquire('a', 60_000);
      expect(await b.release({ ...lease, holderId: 'b' })).toBe(false);
      expect(await b.release({ ...lease, token: lease.token - 1 })).toBe(false);
      expect((await b.acquire('b', 60_000)).holderId).toBe('a');
      expect(await a.release(lease)).toBe(true);
      expect(await a.release(lease)).toBe(false);
      const next = await b.acquire('b', 60_000);
      expect(next.holderId).toBe('b');
      expect(next.token).toBeGreaterThan(lease.token);
      expect(await a.publish('clip', lease, 'after release')).toBeNull();
    });

    it('rejects category names outside the 15 before touching the store', async () => {
      const a = await connect();
      const lease = await a.acquire('a', 5_000);
      const bad = '../../etc/passwd' as 'clip';
      // One call at a time: a rejection must never wait unobserved for its turn.
      for (const attempt of [
        () => a.publish(bad, lease, 'x'),
        () => a.read(bad),
        () => a.request(bad, 'a'),
        () => a.read('__proto__' as 'clip'),
      ])
        await expect(attempt()).rejects.toSatisfy(isUnknownCategoryError);
      expect({ ...(await a.versions()) }).toEqual({});
    });

    it('keeps tokens and versions going up when the store loses everything', async () => {
      const a = await connect();
      const lease = await a.acquire('a', 60_000);
      const version = (await a.publish('clip', lease, 'before')) ?? 0;
      // A wiped store starts its counters again from its clock in ms: a later millisecond.
      await sleep(5);
      await harness.wipe();
      const b = await connect();
      const answers = (backend: FleetBackend) =>
        backend.leader().then(
          () => true,
          () => false,
        );
      await until(
        'both connections to answer again',
        async () => (await answers(a)) && (await answers(b)),
      );
      expect(await b.read('clip')).toBeNull();
      const next = await b.acquire('b', 60_000);
      expect(next.holderId).toBe('b');
      expect(next.token).toBeGreaterThan(lease.token);
      expect(await a.publish('clip', lease, 'stale')).toBeNull();
      expect(await b.publish('clip', next, 'after')).toBeGreaterThan(version);
    });

    if (harness.outage) {
      const outage = harness.outage;
      it('fails with CoordinatorUnavailableError while unreachable, and works again after', async () => {
        const a = await connect();
        const lease = await a.acquire('a', 60_000);
        await outage.down();
        try {
          // One call at a time: a rejection must never wait unobserved for its turn.
          for (const attempt of [
            () => a.renew(lease, 60_000),
            () => a.read('clip'),
            () => a.versions(),
          ])
            await expect(attempt()).rejects.toSatisfy(isCoordinatorUnavailableError);
        } finally {
          await outage.up();
        }
        await until('the store to answer again', () =>
          a.versions().then(
            () => true,
            () => false,
          ),
        );
        const after = await a.acquire('a', 60_000);
        expect(after.holderId).toBe('a');
      });
    }
  });
}
