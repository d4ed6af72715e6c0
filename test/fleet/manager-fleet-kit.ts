// Isomorphic helpers for fleets of managers: a stand-in PRIMARY shared by every manager, each
// manager with a fetch of its own that records the paths it asked for (so a test can tell who
// talked to the PRIMARY) and can be cut off (its own network down), and its events recorded.
import { coordinatorOf, type FleetBackend, type FleetLinkOptions } from '../../src/fleet.js';
import {
  type CategoryChange,
  type ManagerEvents,
  ModelReferenceManager,
  type ModelReferenceManagerOptions,
} from '../../src/index.js';
import { createStandInPrimary, type StandInPrimary } from '../../src/testing.js';

/** One manager of a test fleet and what it did. */
export interface Worker {
  readonly id: string;
  readonly refs: ModelReferenceManager;
  /** Every path this manager's own fetch asked for, in order. */
  readonly paths: string[];
  /** The body bytes of every answer this manager's own fetch got. */
  bytes: number;
  readonly changes: CategoryChange[];
  readonly roles: ManagerEvents['coordinator'][];
  readonly errors: Error[];
  /** While `true`, this manager's fetch fails at once (its own network is down). */
  offline: boolean;
}

/**
 * A stand-in whose clock starts a minute behind and moves one second per write: every write
 * looks settled to the managers, as in a steady state.
 */
export function fleetStandIn(): StandInPrimary {
  let serverNow = Date.now() - 60_000;
  return createStandInPrimary({ now: () => (serverNow += 1_000) });
}

/** The paths of category downloads (v2, v1, GitHub) among `paths`. */
export const downloads = (paths: readonly string[]): string[] =>
  paths.filter(
    (path) => /\/v[12]\/[a-z_]+$|\.(json|csv)$/.test(path) && !path.includes('/metadata'),
  );

/** Makes managers of one fleet on `connect()`ed coordinators, all reading `standIn`. */
export function workerFactory(
  standIn: StandInPrimary,
  connect: () => Promise<FleetBackend>,
  link: FleetLinkOptions,
  extra: ModelReferenceManagerOptions = {},
): { make(id: string, options?: FleetLinkOptions): Promise<Worker>; all: Worker[] } {
  const all: Worker[] = [];
  const make = async (id: string, options: FleetLinkOptions = {}): Promise<Worker> => {
    const paths: string[] = [];
    const worker: Worker = {
      id,
      refs: undefined as unknown as ModelReferenceManager,
      paths,
      bytes: 0,
      changes: [],
      roles: [],
      errors: [],
      offline: false,
    };
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const request = new Request(input, init);
      paths.push(new URL(request.url).pathname);
      if (worker.offline) throw new TypeError('fetch failed', { cause: { code: 'ENETUNREACH' } });
      const response = await standIn.fetch(request);
      worker.bytes += (await response.clone().arrayBuffer()).byteLength;
      return response;
    };
    const refs = new ModelReferenceManager({
      primaryUrl: standIn.primaryUrl,
      github: { rawBaseUrl: standIn.githubRawUrl },
      fetch,
      timeoutMs: 2_000,
      retry: { limit: 0 },
      coordinator: coordinatorOf(await connect(), { memberId: id, ...link, ...options }),
      ...extra,
    });
    Object.assign(worker, { refs });
    refs.on('change', (change) => worker.changes.push(change));
    refs.on('coordinator', (event) => worker.roles.push(event));
    refs.on('error', ({ error }) => worker.errors.push(error));
    all.push(worker);
    return worker;
  };
  return { make, all };
}

/** The role of a worker now. */
export const roleOf = (worker: Worker): string | undefined =>
  worker.refs.status().coordinator?.role;

/** A category's records as one comparable string (names sorted). */
export function fingerprint(records: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(
    Object.keys(records)
      .sort()
      .map((name) => [name, records[name]]),
  );
}
