// A GPU worker's view of the reference: persist it to a folder, start from that folder even when
// the network is down, watch for changes and say which models to download again.
//   npx tsx examples/worker.ts
// HORDE_CACHE_DIR (default ./.model-reference), HORDE_WATCH_MS (default 60000),
// HORDE_PRIMARY_URL / HORDE_GITHUB_RAW_URL to point elsewhere.
import {
  type DownloadManifest,
  diffManifests,
  downloadManifests,
  ModelReferenceManager,
  selectModels,
} from 'horde-model-reference';
import { fileStorage } from 'horde-model-reference/node';

const env = process.env;
const refs = new ModelReferenceManager({
  storage: fileStorage(env.HORDE_CACHE_DIR ?? './.model-reference'),
  timeoutMs: 2_000,
  ...(env.HORDE_PRIMARY_URL ? { primaryUrl: env.HORDE_PRIMARY_URL } : {}),
  ...(env.HORDE_GITHUB_RAW_URL ? { github: { rawBaseUrl: env.HORDE_GITHUB_RAW_URL } } : {}),
});

/** The models this worker would serve: SFW SDXL and Flux, up to 20 GB each. */
async function myModels(): Promise<Record<string, DownloadManifest>> {
  const images = await refs.getCategory('image_generation');
  const chosen = selectModels(images, {
    baselines: ['stable_diffusion_xl', 'flux_1'],
    nsfw: false,
    maxSizeBytes: 20e9,
  });
  return downloadManifests(Object.fromEntries(chosen.map((m) => [m.name, m])));
}

let current = await myModels();
const origin = refs.status().categories.image_generation?.origin;
console.log(
  `started with ${Object.keys(current).length} models (from ${origin === 'snapshot' ? 'the cache folder' : origin})`,
);

refs.on('change', async ({ category }) => {
  if (category !== 'image_generation') return;
  const next = await myModels();
  const { added, removed, redownload } = diffManifests(current, next);
  current = next;
  for (const name of [...added, ...redownload]) console.log(`download: ${name}`);
  for (const name of removed) console.log(`delete: ${name}`);
});
refs.on('stale', ({ error }) => console.log(`serving cached data: ${error.message.split('.')[0]}`));

// The watch keeps the process running until it is stopped.
const stop = refs.watch({ intervalMs: Number(env.HORDE_WATCH_MS ?? 60_000) });
console.log('watching for changes');
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, async () => {
    stop();
    await refs.close();
    console.log('stopped');
  });
