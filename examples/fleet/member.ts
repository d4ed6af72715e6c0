// One worker of a fleet. Every worker runs this same code: the coordinator makes one of them the
// leader, which alone reads the PRIMARY and publishes what it loads; the others serve what it
// published and hear its changes. When the leader dies a follower takes over.
//   REDIS_URL=redis://127.0.0.1:6379 npx tsx examples/fleet/member.ts         (workers anywhere)
//   HORDE_FLEET_DIR=/var/cache/hmr npx tsx examples/fleet/member.ts           (one machine)
// HORDE_MEMBER_ID names the worker; HORDE_FLEET_PREFIX (default 'hmr-example:') names the fleet on
// a Redis; HORDE_WATCH_MS (default 60000), HORDE_LEASE_MS (default 15000); HORDE_PRIMARY_URL /
// HORDE_GITHUB_RAW_URL point elsewhere. HORDE_REDIS_URL is read before REDIS_URL.
import { type FleetCoordinator, ModelReferenceManager } from 'horde-model-reference';
import { fileCoordinator } from 'horde-model-reference/node';
import { redisCoordinator } from 'horde-model-reference/redis';

const env = process.env;
const id = env.HORDE_MEMBER_ID ?? `worker-${process.pid}`;
const leaseTtlMs = Number(env.HORDE_LEASE_MS ?? 15_000);
const member = { memberId: id, renewIntervalMs: Math.floor(leaseTtlMs / 3) };
const redisUrl = env.HORDE_REDIS_URL ?? env.REDIS_URL;
const coordinator: FleetCoordinator = redisUrl
  ? redisCoordinator({
      url: redisUrl,
      prefix: env.HORDE_FLEET_PREFIX ?? 'hmr-example:',
      leaseTtlMs,
      member,
    })
  : fileCoordinator(env.HORDE_FLEET_DIR ?? './.fleet', { leaseTtlMs, member });

const refs = new ModelReferenceManager({
  coordinator,
  timeoutMs: 2_000,
  ...(env.HORDE_PRIMARY_URL ? { primaryUrl: env.HORDE_PRIMARY_URL } : {}),
  ...(env.HORDE_GITHUB_RAW_URL ? { github: { rawBaseUrl: env.HORDE_GITHUB_RAW_URL } } : {}),
});
const say = (text: string) => console.log(`${id}: ${text}`);

refs.on('coordinator', ({ role, leaderId, reason, error }) => {
  if (role === 'leader') say('leads (the only one reading the PRIMARY)');
  else if (role === 'follower') say(`follows ${leaderId}`);
  else if (reason === 'degraded')
    say(`standalone, the coordinator is unreachable: ${error?.message}`);
});
let changes = 0;
refs.on('change', ({ category, via, added, removed, changed }) => {
  changes++;
  const names = [...added, ...removed, ...changed.map((c) => c.name)].join(', ');
  // A follower applies the leader's publish; only a leader (or a standalone member) read it.
  const how =
    refs.status().coordinator?.role === 'follower' ? "the leader's publish" : `the PRIMARY, ${via}`;
  say(`${category} changed: ${names} (from ${how})`);
});

const images = await refs.getCategory('image_generation');
say(`serves ${Object.keys(images).length} image models`);
const stop = refs.watch({ intervalMs: Number(env.HORDE_WATCH_MS ?? 60_000) });

// The watch timer is unref'd (it never keeps a process alive on its own); a worker keeps itself.
const keepAlive = setInterval(() => {}, 1 << 30);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, async () => {
    stop();
    const { coordinator: fleet } = refs.status();
    const role = fleet?.role === 'follower' ? `follower of ${fleet.leaderId}` : fleet?.role;
    await refs.close(); // releases the lease: a follower takes over at once
    clearInterval(keepAlive);
    say(`stopped as ${role}, after ${changes} change(s)`);
  });
