// Isomorphic helpers for the fleet tests: waiting for a condition, and backends wrapped to act
// like a paused process or a lossy network. The wrapped backend is the real one; the wrapper
// only delays or drops what passes through, as the machine around a process would.
import type { FleetBackend, FleetMember, FleetNotice } from '../../src/fleet.js';

/** Waits until `check()` is truthy, polling; fails the test with `what` after `timeoutMs`. */
export async function until<T>(
  what: string,
  check: () => T | Promise<T>,
  timeoutMs = 10_000,
  everyMs = 10,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A backend whose calls hang while frozen (a process paused by the OS), resuming on thaw. */
export function freezable(backend: FleetBackend): {
  backend: FleetBackend;
  freeze(): void;
  thaw(): void;
  calls(): number;
} {
  let frozen: Promise<void> | null = null;
  let thaw = () => {};
  let calls = 0;
  const gate = async () => {
    calls++;
    while (frozen) await frozen;
  };
  const listeners = new Set<(notice: FleetNotice) => void>();
  /** Calls `run` once the backend is thawed, as a paused process would when resumed. */
  const gated =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await gate();
      return run(...args);
    };
  const wrapped: FleetBackend = {
    kind: backend.kind,
    leaseTtlMs: backend.leaseTtlMs,
    acquire: gated((...a: Parameters<FleetBackend['acquire']>) => backend.acquire(...a)),
    renew: gated((...a: Parameters<FleetBackend['renew']>) => backend.renew(...a)),
    release: gated((...a: Parameters<FleetBackend['release']>) => backend.release(...a)),
    leader: gated(() => backend.leader()),
    publish: gated((...a: Parameters<FleetBackend['publish']>) => backend.publish(...a)),
    read: gated((...a: Parameters<FleetBackend['read']>) => backend.read(...a)),
    versions: gated(() => backend.versions()),
    request: gated((...a: Parameters<FleetBackend['request']>) => backend.request(...a)),
    subscribe: async (listener) => {
      // A paused process does not see notices either.
      const heard = (notice: FleetNotice) => {
        if (!frozen) listener(notice);
      };
      listeners.add(heard);
      const stop = await backend.subscribe(heard);
      return async () => {
        listeners.delete(heard);
        await stop();
      };
    },
    close: () => backend.close(),
  };
  return {
    backend: wrapped,
    freeze() {
      frozen ??= new Promise((resolve) => {
        thaw = () => {
          frozen = null;
          resolve();
        };
      });
    },
    thaw: () => thaw(),
    calls: () => calls,
  };
}

/** A backend whose notices are all lost (a subscription that never delivers). */
export function deaf(backend: FleetBackend): FleetBackend {
  return {
    ...bind(backend),
    subscribe: async () => async () => {},
  };
}

function bind(backend: FleetBackend): FleetBackend {
  return {
    kind: backend.kind,
    leaseTtlMs: backend.leaseTtlMs,
    acquire: (...a) => backend.acquire(...a),
    renew: (...a) => backend.renew(...a),
    release: (...a) => backend.release(...a),
    leader: () => backend.leader(),
    publish: (...a) => backend.publish(...a),
    read: (...a) => backend.read(...a),
    versions: () => backend.versions(),
    request: (...a) => backend.request(...a),
    subscribe: (listener) => backend.subscribe(listener),
    close: () => backend.close(),
  };
}

/** The leaders among `members` right now. */
export function leadersOf(members: readonly FleetMember[]): FleetMember[] {
  return members.filter((member) => member.status().role === 'leader');
}

/** A payload that proves it is whole: `size` copies of one character chosen by `n`. */
export function wholePayload(n: number, size: number): string {
  const fill = String.fromCharCode(97 + (n % 26)).repeat(size);
  return JSON.stringify({ n, size, fill });
}

/** Throws unless `payload` is one whole {@link wholePayload}; returns its `n`. */
export function checkWhole(payload: string): number {
  const { n, size, fill } = JSON.parse(payload) as { n: number; size: number; fill: string };
  const expected = String.fromCharCode(97 + (n % 26));
  if (fill.length !== size || fill !== expected.repeat(size))
    throw new Error(`partial payload: n=${n}, ${fill.length}/${size} characters`);
  return n;
}
