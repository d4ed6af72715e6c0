// One process of a benchmarked fleet: FLEET_COUNT managers, each with a coordinator of its own
// (Redis or a shared folder), reading the stand-in PRIMARY at FLEET_PRIMARY. Each reads every
// category, watches at FLEET_WATCH ms and reads every category again at that cadence (from
// memory). Prints one JSON line per event: ready, role changes, changes (with the time).
import { CATEGORIES, ModelReferenceManager } from '../src/index.js';
import { fileCoordinator } from '../src/node.js';
import { redisCoordinator } from '../src/redis.js';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const count = Number(env('FLEET_COUNT'));
const watch = Number(env('FLEET_WATCH'));
const leaseTtlMs = Number(env('FLEET_TTL'));
const renewIntervalMs = Number(env('FLEET_RENEW'));
const say = (line: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ at: Date.now(), ...line })}\n`);

const managers = Array.from({ length: count }, (_, index) => {
  const id = `p${env('FLEET_INDEX')}-m${index}`;
  const member = { memberId: id, renewIntervalMs };
  const coordinator =
    env('FLEET_BACKEND') === 'redis'
      ? redisCoordinator({
          url: env('FLEET_TARGET'),
          prefix: env('FLEET_PREFIX'),
          leaseTtlMs,
          member,
        })
      : fileCoordinator(env('FLEET_TARGET'), { leaseTtlMs, member });
  const refs = new ModelReferenceManager({
    primaryUrl: env('FLEET_PRIMARY'),
    github: false,
    timeoutMs: 10_000,
    coordinator,
  });
  refs.on('change', ({ category }) => say({ event: 'change', id, category }));
  refs.on('coordinator', ({ role, reason, error }) =>
    say({ event: 'role', id, role, reason, error: error?.message }),
  );
  return refs;
});

say({ event: 'built' });
// How long this process's event loop was held up (a renewal waits behind it): reported above 250 ms.
let tickedAt = Date.now();
const lag = setInterval(() => {
  const late = Date.now() - tickedAt - 100;
  if (late > 250) say({ event: 'lag', ms: late });
  tickedAt = Date.now();
}, 100);
lag.unref();
const loaded = await Promise.all(managers.map((refs) => refs.getAll()));
say({
  event: 'ready',
  failed: loaded.reduce((sum, { errors }) => sum + Object.keys(errors).length, 0),
  leaders: managers.filter((refs) => refs.status().coordinator?.role === 'leader').length,
});
for (const refs of managers) refs.watch({ intervalMs: watch });
const reads = setInterval(() => {
  for (const refs of managers)
    for (const category of CATEGORIES) refs.getCategory(category).catch(() => {});
}, watch);

process.once('SIGTERM', () => {
  clearInterval(reads);
  void Promise.all(managers.map((refs) => refs.close())).then(() => process.exit(0));
});
