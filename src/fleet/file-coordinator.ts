import { join } from 'node:path';
import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import { FileFleetLog } from './file-log.js';
import { sharedMarkerWatcher } from './file-marker-watcher.js';
import type { FleetEntry, FleetUnsubscribe } from './fleet-backend.js';
import { coordinatorOf, type FleetCoordinator } from './fleet-coordinator.js';
import type { FleetLinkOptions } from './fleet-link.js';
import {
  acquireStep,
  liveLease,
  publishStep,
  releaseStep,
  renewStep,
  requestStep,
  versionsOf,
} from './fleet-state.js';
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
 * (one `stat` per poll; `fs.watch` is unreliable across platforms), once per process however
 * many members on the folder it runs.
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
  const log = new FileFleetLog(join(directory, 'fleet'));
  /** When the store last answered, late or not: slow is not gone. */
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

  const readEntry = async (category: FleetEntry['category']): Promise<FleetEntry | null> => {
    // A payload can be swept between reading the state and reading it: read the state again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const entry = (await log.latest()).state.entries[category];
      if (!entry) return null;
      const payload = await log.readData(entry.ref);
      if (payload !== null)
        return {
          category,
          version: entry.version,
          payload,
          token: entry.token,
          publishedAt: entry.publishedAt,
        };
    }
    return null;
  };

  return coordinatorOf(
    {
      kind: 'file',
      leaseTtlMs,
      lastAnswerAt: () => answeredAt,
      acquire: (holderId, ttlMs) =>
        call('acquire the lease', async () => {
          open();
          const { before, after } = await log.transact((state, now) =>
            acquireStep(state, holderId, ttlMs, now),
          );
          const lease = (after ?? before).lease;
          if (!lease) throw new Error('the fleet folder lost the lease it just wrote');
          return lease;
        }),
      renew: (lease, ttlMs) =>
        call('renew the lease', async () => {
          open();
          return (
            (await log.transact((state, now) => renewStep(state, lease, ttlMs, now))).after
              ?.lease ?? null
          );
        }),
      release: (lease) =>
        call('release the lease', async () => {
          open();
          return (
            (await log.transact((state, now) => releaseStep(state, lease, now))).after !== null
          );
        }),
      leader: () =>
        call('read the lease', async () => {
          open();
          return liveLease((await log.latest()).state, Date.now());
        }),
      publish: async (category, lease, payload) => {
        assertFleetTopic(category);
        return call(`publish ${category}`, async () => {
          open();
          const ref = await log.writeData(category, payload);
          const { before, after } = await log
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
          return readEntry(category);
        });
      },
      versions: () =>
        call('read the versions', async () => {
          open();
          return versionsOf((await log.latest()).state);
        }),
      request: async (category, requesterId) => {
        assertFleetTopic(category);
        await call(`request ${category}`, async () => {
          open();
          await log.transact((state, now) => requestStep(state, category, requesterId, now));
        });
      },
      async subscribe(listener): Promise<FleetUnsubscribe> {
        if (closed) return async () => {};
        const stop = await sharedMarkerWatcher(log, pollMs).add(listener);
        subscriptions.add(stop);
        if (closed) stop();
        return async () => {
          subscriptions.delete(stop);
          stop();
        };
      },
      async close() {
        closed = true;
        for (const stop of subscriptions) stop();
        subscriptions.clear();
      },
    },
    options.member,
  );
}
