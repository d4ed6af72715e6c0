// `npm run demo`: the fallback chain end to end, offline, against the embedded stand-in PRIMARY
// (two real HTTP servers on 127.0.0.1: the PRIMARY and raw GitHub).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATEGORIES, ModelReferenceManager } from '../src/index.js';
import { fileStorage, startStandInServer } from '../src/node.js';
import { createStandInPrimary } from '../src/testing.js';

const server = await startStandInServer(createStandInPrimary);
const folder = await mkdtemp(join(tmpdir(), 'horde-model-reference-demo-'));
const open = () =>
  new ModelReferenceManager({
    primaryUrl: server.primaryUrl,
    github: { rawBaseUrl: server.githubRawUrl },
    storage: fileStorage(folder),
    timeoutMs: 1_000,
  });

const line = (text: string) => console.log(`\n== ${text}`);
const origins = (refs: ModelReferenceManager) =>
  Object.entries(refs.status().categories)
    .map(
      ([category, s]) =>
        `${category}: ${s?.records} from ${s?.origin}${s?.stale ? ' (stale)' : ''}`,
    )
    .join('\n   ');

let refs = open();
refs.on('fallback', ({ category, origin, attempts }) =>
  console.log(
    `   fallback: ${category} served by ${origin} after ${attempts.map((a) => `${a.source} ${a.outcome} (${a.reason})`).join(', ')}`,
  ),
);
refs.on('stale', ({ category, error }) =>
  console.log(
    `   stale: ${category} keeps its last-known-good data (${error.message.slice(0, 60)}...)`,
  ),
);

line(`PRIMARY at ${server.primaryUrl}, GitHub at ${server.githubRawUrl}: loading every category`);
const { categories, errors } = await refs.getAll();
console.log(
  `   loaded ${Object.keys(categories).length} categories; empty on this PRIMARY: ${Object.keys(errors).length}`,
);
const sfwSdxl = Object.values(categories.image_generation ?? {}).filter(
  (m) => !m.nsfw && m.baseline === 'stable_diffusion_xl',
);
console.log(`   SFW SDXL models: ${sfwSdxl.map((m) => m.name).join(', ')}`);

line('The PRIMARY goes down (connections refused): refreshing text_generation and clip');
server.standIn.setFault('primary', 'refuse');
await refs.refresh('text_generation');
await refs.refresh('clip');
console.log(`   ${origins(refs)}`);

line('GitHub goes down too: a refresh fails, the last-known-good records stay');
server.standIn.setFault('github', 'refuse');
await refs
  .refresh('clip')
  .catch((error: Error) => console.log(`   refresh failed as expected: ${error.name}`));
console.log(
  `   clip still serves ${Object.keys(await refs.getCategory('clip')).length} models; stale=${refs.status().categories.clip?.stale}`,
);

line('Restart with the network still down: a warm start from the folder');
await refs.close();
refs = open();
const restarted = await Promise.all(CATEGORIES.slice(0, 3).map((c) => refs.getCategory(c)));
console.log(
  `   served ${restarted.map((r) => Object.keys(r).length).join(', ')} models from ${folder}`,
);
console.log(`   ${origins(refs)}`);

await refs.close();
await server.close();
await rm(folder, { recursive: true, force: true });
console.log('\nDone.');
