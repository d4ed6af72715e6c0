import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import { openFolderHub } from './file-hub.js';
import type { FleetUnsubscribe } from './fleet-backend.js';
import { coordinatorOf, type FleetCoordinator } from './fleet-coordinator.js';
import type { FleetLinkOptions } from './fleet-link.js';
import { liveLease, publishStep, versionsOf } from './fleet-state.js';
import { assertFleetTopic } from './fleet-topics.js';
import {
  DEFAULT_LEASE_TTL_MS,
  defaultOperationTimeoutMs,
  durationOption,
  leaseTtlOption,
} from './lease-timing.js';
import { withDeadline } from './with-deadline.js';

/** How often followers look at the change marker unless told otherwise, in ms. */
export const DEFAULT_FILE_POLL_INTERVAL_MS = 100;

/** Options of {@link fileCoordinator}. */
export interface FileCoordinatorOptions {
  /**
   * How often subscribers look for changes, in ms: one `stat` of the change marker (the
   * `fleet/state` folder) per poll, and a read of the latest state only when it changed. A
   * notice reaches the others within about this long.
   * @default 100
   */
  readonly pollIntervalMs?: number;
  /** Lease expiry for members of this coordinator, in ms. @default 15000 */
  readonly leaseTtlMs?: number;
  /** How long one file operation may take before the folder counts as unreachable, in ms. @default two thirds of `leaseTtlMs`, at least 2000 */
  readonly operationTimeoutMs?: number;
  /**
   * The member a manager runs on this coordinator (`new ModelReferenceManager({ coordinator })`):
   * its id, lease timing, and how long a follower's cold read waits for the leader.
   * @default a random member id, this coordinator's lease expiry, renewal every third of it, 10 s
   */
  readonly member?: FleetLinkOptions;
}

/**
 * A fleet coordinator for processes on one machine, in a folder they share (no server needed).
 * Everything lives under `<directory>/fleet/`: `state/` holds numbered, immutable state files
 * (the lease with its fencing counter, each category's version, pending requests); a change is
 * committed by hard-linking a fully written file to the next number, which fails when another
 * process got there first, so the lease check and a publish are one atomic step and nothing is
 * ever locked (a killed process cannot block the others). Payloads are written to `tmp/` under a
 * unique name and renamed into `data/` before the step that publishes them, so a reader sees a
 * whole payload or the previous one. Followers poll the `state/` folder's modification time
 * (one `stat` per poll; `fs.watch` is unreliable across platforms).
 *
 * Managers of one process on the same folder cost it what one costs: the process polls the
 * marker once, makes one attempt at the lease at a time (while one of its members holds the
 * lease, the others do not touch it), reads the state once for everyone asking at the same
 * time, answers its members' rounds from the latest state it saw while the marker says it is
 * current (at most two polls old), reads each published payload once, and records one request
 * per category. A follower whose first attempt is answered late keeps trying for a lease
 * period before it counts the folder as gone.
 *
 * The folder must be on a local file system with hard links (ext4, APFS, NTFS, tmpfs), shared
 * by processes of one machine (clocks agree). It may be the folder of `fileStorage()`.
 *
 * @throws {InvalidOptionsError} for an empty directory or bad timing.
 * @example
 * ```ts
 * import { fileCoordinator } from 'horde-model-reference/node';
 * const refs = new ModelReferenceManager({ coordinator: fileCoordinator('/var/cache/hmr') });
 * ```
 */
export function fileCoordinator(
  directory: string,
  options: FileCoordinatorOptions = {},
): FleetCoordinator {
  if (typeof directory !== 'string' || directory.trim() === '')
    throw new InvalidOptionsError(
      'directory',
      'give the folder the fleet shares, e.g. "/var/cache/hmr".',
    );
  const pollMs = durationOption(
    'pollIntervalMs',
    options.pollIntervalMs,
    DEFAULT_FILE_POLL_INTERVAL_MS,
  );
  const leaseTtlMs = leaseTtlOption('leaseTtlMs', options.leaseTtlMs, DEFAULT_LEASE_TTL_MS);
  const timeoutMs = durationOption(
    'operationTimeoutMs',
    options.operationTimeoutMs,
    defaultOperationTimeoutMs(leaseTtlMs),
  );
  // What every coordinator of this process on the folder shares: one lease contender, one
  // read in flight, one watcher (see file-hub.ts).
  const hub = openFolderHub(directory);
  /** Known state this old or newer answers a member's round: at most two polls behind. */
  const freshMs = pollMs * 2;
  /** A request younger than this is still pending with the leader: not made again. */
  const recentMs = Math.floor(leaseTtlMs / 3);
  /** When the store last answered this coordinator, late or not: slow is not gone. */
  let answeredAt: number | null = null;
  const answered = () => {
    answeredAt = Date.now();
  };
  const call = <T>(operation: string, run: () => Promise<T>) =>
    withDeadline('file', operation, timeoutMs, run, answered);
  /** This coordinator's subscriptions to the process's one watcher of the folder. */
  const subscriptions = new Set<() => void>();
  let closed = false;
  const open = () => {
    if (closed) throw new Error('the coordinator was closed');
  };

  return coordinatorOf(
    {
      kind: 'file',
      leaseTtlMs,
      // Any answer the folder gave this process counts: the members share their calls.
      lastAnswerAt: () => Math.max(answeredAt ?? 0, hub.answeredAt ?? 0) || null,
      acquire: (holderId, ttlMs) =>
        call('acquire the lease', async () => {
          open();
          return hub.acquire(holderId, ttlMs, freshMs);
        }),
      renew: (lease, ttlMs) =>
        call('renew the lease', async () => {
          open();
          return hub.renew(lease, ttlMs);
        }),
      release: (lease) =>
        call('release the lease', async () => {
          open();
          return hub.release(lease);
        }),
      leader: () =>
        call('read the lease', async () => {
          open();
          return liveLease(await hub.state(freshMs), Date.now());
        }),
      publish: async (category, lease, payload) => {
        assertFleetTopic(category);
        return call(`publish ${category}`, async () => {
          open();
          const { log } = hub;
          const ref = await log.writeData(category, payload);
          const { before, after } = await hub
            .transact((state, now) => publishStep(state, category, lease, ref, now))
            .catch(async (error: unknown) => {
              await log.removeData(ref);
              throw error;
            });
          if (!after) {
            await log.removeData(ref);
            return null;
          }
          const previous = before.entries[category]?.ref;
          await log.sweep(category, new Set(previous ? [ref, previous] : [ref])).catch(() => {});
          return after.entries[category]?.version ?? null;
        });
      },
      read: async (category) => {
        assertFleetTopic(category);
        return call(`read ${category}`, async () => {
          open();
          return hub.read(category);
        });
      },
      versions: () =>
        call('read the versions', async () => {
          open();
          return versionsOf(await hub.state(freshMs));
        }),
      request: async (category, requesterId) => {
        assertFleetTopic(category);
        await call(`request ${category}`, async () => {
          open();
          await hub.request(category, requesterId, recentMs);
        });
      },
      async subscribe(listener): Promise<FleetUnsubscribe> {
        if (closed) return async () => {};
        const stop = await hub.watcher(pollMs).add(listener);
        subscriptions.add(stop);
        if (closed) stop();
        return async () => {
          subscriptions.delete(stop);
          stop();
        };
      },
      async close() {
        if (closed) return;
        closed = true;
        for (const stop of subscriptions) stop();
        subscriptions.clear();
        hub.leave();
      },
    },
    options.member,
  );
}
