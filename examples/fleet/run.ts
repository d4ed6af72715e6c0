// A fleet of three workers (examples/fleet/member.ts, each its own Node process) against the demo
// stand-in PRIMARY: one leads and alone reads the PRIMARY, the others follow; a write on the
// PRIMARY reaches all three; the leader is killed (SIGKILL), a follower takes over from what the
// fleet holds, and the next write reaches the two left. Stops by itself.
//   npx tsx examples/fleet/run.ts                                  (a shared folder, one machine)
//   REDIS_URL=redis://127.0.0.1:6379 npx tsx examples/fleet/run.ts (a Redis; keys removed after)
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStandInServer } from 'horde-model-reference/node';
import { createStandInPrimary } from 'horde-model-reference/testing';

const redisUrl = process.env.HORDE_REDIS_URL ?? process.env.REDIS_URL;
// A fleet of its own on a shared Redis: this run's keys never meet another run's.
const prefix = `hmr-example-${process.pid}-${Date.now()}:`;
const server = await startStandInServer(createStandInPrimary);
const dir = await mkdtemp(join(tmpdir(), 'hmr-fleet-example-'));
const script = fileURLToPath(new URL('./member.ts', import.meta.url));
const output: string[] = [];

function worker(id: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: {
      PATH: process.env.PATH ?? '',
      HORDE_MEMBER_ID: id,
      HORDE_FLEET_DIR: dir,
      HORDE_PRIMARY_URL: server.primaryUrl,
      HORDE_GITHUB_RAW_URL: server.githubRawUrl,
      HORDE_WATCH_MS: '500',
      HORDE_LEASE_MS: '3000',
      ...(redisUrl ? { HORDE_REDIS_URL: redisUrl, HORDE_FLEET_PREFIX: prefix } : {}),
    },
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) {
      output.push(line);
      console.log(`  ${line}`);
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return child;
}

/** Waits until `count` lines match `pattern` (the workers' output so far included). */
async function lines(pattern: RegExp, count = 1): Promise<string[]> {
  for (let i = 0; i < 1_200; i++) {
    const found = output.filter((line) => pattern.test(line));
    if (found.length >= count) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no ${count} line(s) matching ${pattern} in time`);
}

/** What the PRIMARY served: every request, and the whole-category downloads among them. */
const served = () => ({
  requests: server.standIn.requests.length,
  downloads: server.standIn.count('v2'),
});

/** A write on the PRIMARY: one model's description changes. */
function write(description: string): void {
  const images = server.standIn.data.category('image_generation');
  const albedo = images['AlbedoBase XL (SDXL)'] as { name: string };
  server.standIn.data.update('image_generation', { ...albedo, description });
}

const ids = ['gpu-1', 'gpu-2', 'gpu-3'];
const workers = new Map(ids.map((id) => [id, worker(id)]));
try {
  console.log(`Three workers, one fleet (${redisUrl ? 'on Redis' : 'on a shared folder'}):`);
  await lines(/serves \d+ image models/, 3);
  const start = served();
  console.log(`The PRIMARY sent ${start.downloads} category download(s) for three workers.`);

  console.log('A model changes on the PRIMARY:');
  write('Retrained.');
  await lines(/image_generation changed/, 3);

  const [leads] = await lines(/: leads/);
  const leader = leads?.split(':')[0] ?? '';
  console.log(`The leader ${leader} is killed (SIGKILL):`);
  const beforeTakeover = served();
  workers.get(leader)?.kill('SIGKILL');
  workers.delete(leader);
  await lines(/: leads/, 2);
  // The new leader serves what the store holds and checks the PRIMARY's metadata at once; it
  // downloads only what the metadata says may have changed since (a write in the last seconds).
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const taken = served();
  console.log(
    `A follower took over: the PRIMARY answered it ${taken.requests - beforeTakeover.requests} request(s), ${taken.downloads - beforeTakeover.downloads} category download(s).`,
  );

  console.log('Another change on the PRIMARY:');
  write('Retrained again.');
  await lines(/image_generation changed/, 5);
} finally {
  for (const child of workers.values()) {
    if (child.exitCode !== null || child.signalCode !== null) continue; // gone already
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await server.close();
  await rm(dir, { recursive: true, force: true });
  if (redisUrl) {
    const { createClient } = await import('redis');
    const client = await createClient({ url: redisUrl }).connect();
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*` }))
      if (keys.length > 0) await client.del(keys);
    await client.close();
  }
}
const { requests, downloads } = served();
console.log(
  `The PRIMARY answered ${requests} request(s) in all, ${downloads} category download(s).`,
);
console.log('done');
