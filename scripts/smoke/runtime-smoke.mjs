// Runs unchanged in Node 22, Deno and Bun against the packed package: the PRIMARY refuses
// connections, GitHub is a local stand-in. Prints one JSON line for check-package.ts to verify.
import { isConnectionError, ModelReferenceManager, VERSION } from 'horde-model-reference';
import { createApiClient } from 'horde-model-reference/api';
import { parseRecord } from 'horde-model-reference/schemas';

const [primaryUrl, githubRawUrl] = globalThis.Deno?.args ?? globalThis.process.argv.slice(2);
const runtime = globalThis.Deno
  ? `deno ${globalThis.Deno.version.deno}`
  : globalThis.Bun
    ? `bun ${globalThis.Bun.version}`
    : `node ${globalThis.process.versions.node}`;

const refs = new ModelReferenceManager({
  primaryUrl,
  github: { rawBaseUrl: githubRawUrl },
  timeoutMs: 2_000,
  retry: 0,
});
const images = await refs.getCategory('image_generation');
const page = await refs.search('image_generation', {
  baseline: 'stable_diffusion_xl',
  sortBy: 'name',
});
// The API client on the same transport: a refused PRIMARY is a typed ConnectionError.
const api = createApiClient({ baseUrl: primaryUrl, timeoutMs: 2_000, retry: 0 });
const apiError = await api.heartbeat().then(
  () => 'answered',
  (error) => (isConnectionError(error) ? 'ConnectionError' : String(error)),
);
const parsed = parseRecord('image_generation', images['Juggernaut Lightning']);
console.log(
  JSON.stringify({
    runtime,
    version: VERSION,
    records: Object.keys(images).length,
    origin: refs.status().categories.image_generation?.origin,
    sdxl: page.results.map((record) => record.name),
    apiError,
    parsed: parsed.ok,
  }),
);
await refs.close();
