// A Node script: the SFW SDXL image models and what downloading them takes.
//   npx tsx examples/script.ts
// HORDE_PRIMARY_URL / HORDE_GITHUB_RAW_URL point it elsewhere (a mirror, or a local stand-in).
import { downloadManifest, ModelReferenceManager } from 'horde-model-reference';

const refs = new ModelReferenceManager({
  ...(process.env.HORDE_PRIMARY_URL ? { primaryUrl: process.env.HORDE_PRIMARY_URL } : {}),
  ...(process.env.HORDE_GITHUB_RAW_URL
    ? { github: { rawBaseUrl: process.env.HORDE_GITHUB_RAW_URL } }
    : {}),
});

const q = await refs.query('image_generation');
const models = q.baseline('stable_diffusion_xl').nsfw(false).orderBy('name').toArray();

const gb = (bytes: number | null) =>
  bytes === null ? 'unknown size' : `${(bytes / 1e9).toFixed(2)} GB`;
let total = 0;
for (const model of models) {
  const { totalBytes, files } = downloadManifest(model);
  total += totalBytes ?? 0;
  console.log(`${model.name.padEnd(40)} ${gb(totalBytes).padStart(12)}  ${files.length} file(s)`);
}
console.log(`${models.length} SFW SDXL models, ${gb(total)} in all`);
await refs.close();
