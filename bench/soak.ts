// Soak: 5,000 change checks against the stand-in over real sockets (in this process), with the
// PRIMARY's behaviour flipping every few polls (refused, hanging, 503, HTML, an empty answer,
// healthy again) and models written now and then. Reported: heap growth after warm-up (with the
// garbage collected) and the handles left open once the manager is closed.
import { ModelReferenceManager } from '../src/index.js';
import { startStandInServer } from '../src/node.js';
import { createStandInPrimary, type FaultMode, FIXTURE_V2 } from '../src/testing.js';
import type { Bench } from './harness.js';

const POLLS = 5_000;
const WARM_UP = 500;
const FAULTS: readonly FaultMode[] = [
  'ok',
  'refuse',
  'ok',
  'hang',
  'server-error',
  'ok',
  'html',
  'empty',
];

/** Collects garbage until finalizers (the Requests' signal clean-up) have run: a few rounds. */
async function settle(): Promise<number> {
  for (let round = 0; round < 5; round++) {
    (globalThis as { gc?: () => void }).gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return process.memoryUsage().heapUsed;
}
const handles = () => process.getActiveResourcesInfo().filter((kind) => kind !== 'TTYWrap');

export const soakBench: Bench = async () => {
  const handlesBefore = handles().length;
  const server = await startStandInServer(createStandInPrimary);
  const refs = new ModelReferenceManager({
    primaryUrl: server.primaryUrl,
    github: { rawBaseUrl: server.githubRawUrl },
    timeoutMs: 50,
    retry: 0,
    circuitBreaker: { coolDownMs: 20, maxCoolDownMs: 40 },
    ttlMs: 0,
  });
  for (const category of ['image_generation', 'text_generation', 'clip'] as const)
    await refs.getCategory(category);
  const base = FIXTURE_V2.image_generation['Ghibli Style'] as { name: string };
  let heapAfterWarmUp = 0;
  const errors = { count: 0 };
  refs.on('error', () => {
    errors.count++;
  });
  for (let poll = 1; poll <= POLLS; poll++) {
    if (poll % 25 === 0)
      server.standIn.setFault('primary', FAULTS[(poll / 25) % FAULTS.length] ?? 'ok');
    if (poll % 40 === 0)
      server.standIn.data.update('image_generation', { ...base, description: `soak ${poll}` });
    await refs.checkForUpdates().catch(() => undefined);
    // The stand-in logs every request it sees; that log is the test's, not the SDK's.
    server.standIn.requests.length = 0;
    if (poll === WARM_UP) heapAfterWarmUp = await settle();
  }
  server.standIn.setFault('primary', 'ok');
  await refs.checkForUpdates().catch(() => undefined);
  const growthMb = ((await settle()) - heapAfterWarmUp) / 2 ** 20;
  await refs.close();
  await server.close();
  await new Promise((resolve) => setTimeout(resolve, 200)); // sockets finish closing
  const leftOpen = handles().length - handlesBefore;
  return [
    {
      name: `soak: heap growth from poll ${WARM_UP} to ${POLLS}, faults flipping`,
      value: growthMb,
      unit: 'MB',
      target: '< 2 MB (no growth)',
      met: growthMb < 2,
      detail: `${POLLS} checks, ${errors.count} error events`,
    },
    {
      name: 'soak: handles left open after close()',
      value: leftOpen,
      unit: 'handles',
      target: '0',
      met: leftOpen <= 0,
      detail: handles().join(', ') || 'none',
    },
  ];
};
