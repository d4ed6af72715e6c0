// A worker's disk: plan the SFW image models under a disk budget, then download and verify
// them, resumably (Ctrl-C keeps the .part files; run it again to resume).
//   npx tsx examples/download.ts
// HORDE_MODELS_DIR (default ./models), HORDE_BUDGET_BYTES (default 15000000). Without
// HORDE_PRIMARY_URL it runs offline against the demo stand-in and a local mirror
// (examples/download-demo.ts); with it, HORDE_GITHUB_RAW_URL and HORDE_MIRROR_URL point elsewhere.
import { ModelReferenceManager, selectModels } from 'horde-model-reference';
import { downloadModels, mirrorsFirst, planDownloads } from 'horde-model-reference/node';
import { startDownloadDemo } from './download-demo.js';

const env = process.env;
const demo = env.HORDE_PRIMARY_URL ? null : await startDownloadDemo();
const refs = new ModelReferenceManager({
  primaryUrl: env.HORDE_PRIMARY_URL ?? demo?.primaryUrl,
  github: {
    rawBaseUrl:
      env.HORDE_GITHUB_RAW_URL ?? demo?.githubRawUrl ?? 'https://raw.githubusercontent.com',
  },
  timeoutMs: 2_000,
});
const mirror = env.HORDE_MIRROR_URL ?? demo?.mirrorUrl;
const root = env.HORDE_MODELS_DIR ?? './models';
const mb = (bytes: number | null) => (bytes === null ? '?' : `${(bytes / 1e6).toFixed(1)} MB`);

// What the worker wants: every SFW image model; who gets space first: the catalogue order.
const images = await refs.getCategory('image_generation');
const wanted = selectModels(images, { nsfw: false });
const plan = await planDownloads(wanted, {
  root,
  budgetBytes: Number(env.HORDE_BUDGET_BYTES ?? 15e6),
  known: images, // files of image models no longer wanted are listed as deletable
});
for (const m of plan.present) console.log(`present: ${m.name} (${mb(m.sizeBytes)})`);
for (const m of plan.download) console.log(`to download: ${m.name} (${mb(m.downloadBytes)})`);
for (const m of plan.doesNotFit)
  console.log(`does not fit: ${m.name} (${m.reason}, ${mb(m.missingBytes)} short)`);
if (plan.download.length === 0) console.log('nothing to download');

// Ctrl-C stops cleanly: files in flight keep their .part for the next run.
const stop = new AbortController();
process.once('SIGINT', () => stop.abort());
const report = await downloadModels(plan, {
  signal: stop.signal,
  // Content-addressed mirror first (by sha256), the record's own URL after it.
  resolveUrls: mirrorsFirst({ mirrors: mirror ? [mirror] : [] }),
  onProgress: (event) => {
    if (event.type !== 'done' || event.result.status === 'present') return;
    const { result } = event;
    const why = result.status === 'failed' ? `: ${result.error.message}` : '';
    console.log(`${result.status}: ${result.relativePath}${why}`);
  },
});
console.log(
  `${report.counts.downloaded + report.counts.resumed} fetched (${mb(report.bytesTransferred)}), ${report.counts.present} present, ${report.counts.failed} failed`,
);
await refs.close();
await demo?.close();
process.exitCode = report.interrupted ? 130 : report.ok ? 0 : 1;
