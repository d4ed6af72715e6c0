// Fleet load: 200 workers, each reading every category once a minute for an hour while the data
// changes twice. In the same run:
// - 200 independent managers (change detection each, no coordinator) on a simulated clock, and
//   the reference library's behaviour (every category downloaded again each 60 s TTL);
// - a coordinated fleet of 200 managers over 4 processes on a real Redis, and over 8 processes on
//   a shared folder (bench/fleet-processes.ts: scaled clock, real sockets, SIGKILL of the leader);
// - a follower's warm read against a standalone manager's.
// Requests and bytes are counted at the PRIMARY with the HTTP/1.1 header lines.

import { MemoryFleetStore, memoryCoordinator } from '../src/fleet.js';
import { CATEGORIES, ModelReferenceManager } from '../src/index.js';
import { createStandInPrimary, FIXTURE_V2 } from '../src/testing.js';
import {
  type CoordinatedRun,
  coordinatedFleet,
  LEASE_TTL_MS,
  RENEW_MS,
  WATCH_MS,
} from './fleet-processes.js';
import { type Bench, type BenchResult, median, medianAsyncMs } from './harness.js';
import { type Meter, meter, metered } from './meter.js';
import { HAS_REAL_DATA, realStandInData } from './real-data.js';

const WORKERS = 200;
/**
 * `FLEET_MINUTES=10` shortens every fleet of this bench to 10 simulated minutes (a trial run;
 * the two writes stay at a third and two thirds of it); `FLEET_BACKENDS=redis` (or `file`) runs
 * only that coordinated fleet. The table's figures are from a full run: 60, both.
 */
const MINUTES = Number(process.env.FLEET_MINUTES ?? 60);
const BACKENDS = (process.env.FLEET_BACKENDS ?? 'redis,file').split(',');
const CHANGES_AT = new Set([Math.round(MINUTES / 3), Math.round((MINUTES * 2) / 3)]);
/** The simulated span in row names. */
const SPAN = MINUTES === 60 ? '1 h' : `${MINUTES} min`;

/** What 200 independent managers and the reference behaviour cost the PRIMARY. */
interface Independent {
  readonly initial: Meter;
  readonly hour: Meter;
  readonly steady: Meter;
  readonly reference: Meter;
}

async function independentFleet(): Promise<Independent> {
  let serverNow = Date.now() - 2 * 3600_000;
  const standIn = createStandInPrimary({
    ...(HAS_REAL_DATA ? { data: realStandInData() } : {}),
    now: () => serverNow,
  });
  const sdk = meter();
  const steady = meter();
  const fetchSdk = metered(standIn.fetch, sdk);
  const workers = Array.from(
    { length: WORKERS },
    () =>
      new ModelReferenceManager({ primaryUrl: standIn.primaryUrl, github: false, fetch: fetchSdk }),
  );
  for (const refs of workers) await refs.getAll();
  await Promise.all(workers.map((refs) => refs.checkForUpdates())); // learns the change tokens
  const initial = { ...sdk };

  const reference = meter();
  const fetchReference = metered(standIn.fetch, reference);
  const albedo = FIXTURE_V2.image_generation['AlbedoBase XL (SDXL)'] as { name: string };
  const firstImage = () =>
    Object.values(standIn.data.category('image_generation'))[0] as { name: string };
  for (let minute = 1; minute <= MINUTES; minute++) {
    serverNow += 60_000;
    if (CHANGES_AT.has(minute)) {
      const model = HAS_REAL_DATA ? firstImage() : albedo;
      standIn.data.update('image_generation', {
        ...model,
        description: `changed at minute ${minute}`,
      });
    }
    const before = { ...sdk };
    for (const refs of workers) {
      await refs.checkForUpdates();
      for (const category of CATEGORIES) await refs.getCategory(category);
    }
    if (!CHANGES_AT.has(minute)) {
      steady.requests += sdk.requests - before.requests;
      steady.bytes += sdk.bytes - before.bytes;
    }
    // The reference library: every worker downloads every category once per 60 s TTL. One real
    // round per minute is measured; the other workers' rounds are the same bytes.
    const round = { ...reference };
    for (const category of CATEGORIES)
      await fetchReference(`${standIn.primaryUrl}/model_references/v2/${category}`);
    const roundBytes = reference.bytes - round.bytes;
    reference.bytes += roundBytes * (WORKERS - 1);
    reference.requests += CATEGORIES.length * (WORKERS - 1);
  }
  await Promise.all(workers.map((refs) => refs.close()));

  const hour = { requests: sdk.requests - initial.requests, bytes: sdk.bytes - initial.bytes };
  return { initial, hour, steady, reference };
}

const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
const kb = (b: number) => `${(b / 1e3).toFixed(1)} kB`;

function independentRows({ initial, hour, steady, reference }: Independent): BenchResult[] {
  const steadyMinutes = MINUTES - CHANGES_AT.size;
  const referencePerMinute = reference.bytes / MINUTES;
  const sdkPerMinute = steady.bytes / steadyMinutes;
  const ratio = referencePerMinute / sdkPerMinute;
  return [
    {
      name: `fleet (200 workers, ${SPAN}, 2 changes): steady-state bytes, reference / SDK`,
      value: ratio,
      unit: '×',
      target: '>= 1000×',
      met: ratio >= 1000,
      detail: `per minute: SDK ${(sdkPerMinute / 1e3).toFixed(1)} kB (${(steady.requests / steadyMinutes).toFixed(0)} requests), reference ${mb(referencePerMinute)} (${(reference.requests / MINUTES).toFixed(0)} requests)`,
    },
    {
      name: `fleet: whole ${MINUTES === 60 ? 'hour' : SPAN} after the first load, SDK / reference bytes`,
      value: reference.bytes / hour.bytes,
      unit: '×',
      target: 'reported',
      met: true,
      detail: `SDK ${hour.requests} requests, ${mb(hour.bytes)}; reference ${reference.requests} requests, ${mb(reference.bytes)}; first load ${mb(initial.bytes)}`,
    },
  ];
}

/** The rows of one coordinated run, against the independent managers of the same run. */
function coordinatedRows(run: CoordinatedRun, independent: Independent): BenchResult[] {
  const label = `fleet on ${run.backend === 'redis' ? 'Redis' : 'a shared folder'} (${run.managers} managers, ${run.processes} processes)`;
  const vsIndependent = independent.hour.bytes / run.hour.bytes;
  const vsReference = independent.reference.bytes / run.hour.bytes;
  const propagation = Math.max(...run.propagationMs);
  const failoverTarget = LEASE_TTL_MS + RENEW_MS;
  const degraded = Object.entries(run.roleChanges)
    .filter(([key]) => key.startsWith('standalone/degraded'))
    .reduce((sum, [, count]) => sum + count, 0);
  return [
    {
      name: `${label}, ${SPAN}: PRIMARY bytes, 200 independent managers / fleet`,
      value: vsIndependent,
      unit: '×',
      target: '>= 100×',
      met: vsIndependent >= 100,
      detail: `fleet ${run.hour.requests} requests, ${kb(run.hour.bytes)}; independent ${independent.hour.requests} requests, ${mb(independent.hour.bytes)}; reference ${mb(independent.reference.bytes)} (${Math.round(vsReference).toLocaleString('en')}× the fleet); first load: fleet ${run.initial.requests} requests, ${mb(run.initial.bytes)}, in ${(run.startupMs / 1e3).toFixed(1)} s; members degraded during the run: ${degraded}`,
    },
    {
      name: `${label}: PRIMARY bytes, reference behaviour / fleet`,
      value: vsReference,
      unit: '×',
      target: '>= 100000×',
      met: vsReference >= 100_000,
    },
    {
      name: `${label}: propagation, a write on the PRIMARY to all ${run.managers} readers holding it (worst of ${run.propagationMs.length})`,
      value: propagation,
      unit: 'ms',
      target: `<= ${WATCH_MS + 200} ms (watch interval ${WATCH_MS} ms, one simulated minute, + 200 ms)`,
      met: propagation <= WATCH_MS + 200 && run.reached.every((n) => n === run.managers),
      detail: `per change: ${run.propagationMs.map((ms, i) => `${ms} ms (leader detected it after ${run.detectMs[i]} ms, the last reader ${run.afterDetectMs[i]} ms after that, ${run.reached[i]} readers)`).join('; ')}`,
    },
    {
      name: `${label}: failover, SIGKILL of the leader's process to a new leader's first poll`,
      value: run.failoverMs ?? Number.NaN,
      unit: 'ms',
      target: `<= ${failoverTarget} ms (lease ${LEASE_TTL_MS} + renewal ${RENEW_MS})`,
      met: run.failoverMs !== null && run.failoverMs <= failoverTarget,
      detail: `role changes during the run: ${JSON.stringify(run.roleChanges)}; longest event-loop hold in a member process: ${run.longestHoldMs} ms`,
    },
  ];
}

/** Warm getModel on a follower (fed by a leader) and on a standalone manager. */
async function warmReadRows(): Promise<BenchResult[]> {
  const standIn = createStandInPrimary(HAS_REAL_DATA ? { data: realStandInData() } : {});
  const options = { primaryUrl: standIn.primaryUrl, github: false as const, fetch: standIn.fetch };
  const store = new MemoryFleetStore();
  const leader = new ModelReferenceManager({
    ...options,
    coordinator: memoryCoordinator({ store }),
  });
  await leader.getCategory('text_generation');
  const follower = new ModelReferenceManager({
    ...options,
    coordinator: memoryCoordinator({ store }),
  });
  const standalone = new ModelReferenceManager(options);
  const names = Object.keys(await follower.getCategory('text_generation'));
  await standalone.getCategory('text_generation');
  const timed = async (refs: ModelReferenceManager) => {
    let i = 0;
    return medianAsyncMs(
      () => refs.getModel('text_generation', names[i++ % names.length] as string),
      1_000,
      10,
    );
  };
  // Rounds in alternating order, medians of each: whichever runs first also warms the JIT up
  // (timed once each, the first measured 1.4x the second whichever it was).
  const times = { follower: [] as number[], standalone: [] as number[] };
  for (let round = 0; round < 6; round++)
    for (const who of round % 2
      ? (['standalone', 'follower'] as const)
      : (['follower', 'standalone'] as const))
      times[who].push(await timed(who === 'follower' ? follower : standalone));
  const followerMs = median(times.follower);
  const standaloneMs = median(times.standalone);
  const role = follower.status().coordinator?.role;
  await Promise.all([leader.close(), follower.close(), standalone.close()]);
  const ratio = followerMs / standaloneMs;
  return [
    {
      name: 'warm getModel: follower / standalone manager (text_generation)',
      value: ratio,
      unit: '×',
      target: '<= 1.1×',
      met: ratio <= 1.1 && role === 'follower',
      detail: `follower (${role}) ${(followerMs * 1000).toFixed(2)} µs, standalone ${(standaloneMs * 1000).toFixed(2)} µs`,
    },
  ];
}

export const fleetBench: Bench = async () => {
  const independent = await independentFleet();
  const rows = independentRows(independent);
  for (const [backend, processes] of [
    ['redis', 4],
    ['file', 8],
  ] as const) {
    if (!BACKENDS.includes(backend)) continue;
    const run = await coordinatedFleet(backend, processes, WORKERS, MINUTES);
    if (process.env.FLEET_TIMELINE)
      console.error(
        `${backend}:\n  ${run.timeline.join('\n  ')}\n  PRIMARY requests of the run: ${JSON.stringify(run.hourPaths)}`,
      );
    rows.push(...coordinatedRows(run, independent));
  }
  return [...rows, ...(await warmReadRows())];
};
