// `npm run demo`: the whole fallback chain, offline, through the CLI, against the embedded
// stand-in PRIMARY: two real HTTP servers on 127.0.0.1 (the PRIMARY and raw GitHub).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { startStandInServer } from '../src/node.js';
import { createStandInPrimary } from '../src/testing.js';

const server = await startStandInServer(createStandInPrimary);
const cacheDir = await mkdtemp(join(tmpdir(), 'horde-model-reference-demo-'));
const newMachine = await mkdtemp(join(tmpdir(), 'horde-model-reference-demo-new-'));
const where = ['--primary-url', server.primaryUrl, '--github-raw-url', server.githubRawUrl];

/** Runs one CLI command, echoing it first as a user would type it. */
async function cli(...argv: string[]): Promise<void> {
  await cliIn(cacheDir, ...argv);
}

/** The same, with another cache folder (another machine). */
async function cliIn(cache: string, ...argv: string[]): Promise<void> {
  const shown = argv.map((a) => (/[\s()]/.test(a) ? `'${a}'` : a)).join(' ');
  console.log(`\n$ horde-model-reference ${shown}`);
  const code = await main([...argv, ...where, '--cache-dir', cache, '--timeout-ms', '1000'], {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stdout.write(text),
    isTTY: false,
    env: process.env,
  });
  if (code !== 0) console.log(`(exit code ${code})`);
}

const say = (text: string) => console.log(`\n== ${text}`);

say(`The PRIMARY is up at ${server.primaryUrl}; GitHub at ${server.githubRawUrl}`);
await cli('categories');
await cli(
  'search',
  'image_generation',
  '--baseline',
  'stable_diffusion_xl',
  '--no-nsfw',
  '--sort-by',
  'name',
);
await cli('stats', 'text_generation');

say('The PRIMARY goes down (connections refused)');
server.standIn.setFault('primary', 'refuse');
say('A machine that has the PRIMARY’s data (fetched a minute ago) keeps it: GitHub lags behind');
await cli('status');
say('A new machine with an empty cache: every category comes from GitHub');
await cliIn(newMachine, 'status');

say('GitHub goes down too: the last-known-good data in the cache folder is served');
server.standIn.setFault('github', 'refuse');
await cli('search', 'image_generation', '--name-contains', 'xl');
await cli('status');
await cli('get', 'clip');

say('No network at all (--offline): straight from the cache, no request made');
await cli('get', 'image_generation', 'Ghibli Style', '--offline');

await server.close();
await rm(cacheDir, { recursive: true, force: true });
await rm(newMachine, { recursive: true, force: true });
console.log('\nDone.');
