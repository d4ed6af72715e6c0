// A coordinated fleet, measured: managers spread over real processes (bench/fleet-member-process.ts)
// on a real Redis or a shared folder, reading a stand-in PRIMARY over real sockets, metered at
// the server. One simulated hour on a scaled clock (a watch interval of WATCH_MS is one minute),
// two single-model changes, then the leader's process is SIGKILLed.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStandInServer } from '../src/node.js';
import { createStandInPrimary } from '../src/testing.js';
import { startRedisServer } from '../test/helpers/redis-server.js';
import { type Meter, meter, meteredHandler, type Seen, since } from './meter.js';
import { HAS_REAL_DATA, realStandInData } from './real-data.js';

/** One simulated minute (the managers' watch interval), in real ms. */
export const WATCH_MS = 1_000;
/** Lease expiry and renewal period of the benchmarked fleets (the defaults, divided by 5). */
export const LEASE_TTL_MS = 3_000;
export const RENEW_MS = 1_000;
const MINUTES = 60;

/** What one coordinated run measured. */
export interface CoordinatedRun {
  readonly backend: 'redis' | 'file';
  readonly processes: number;
  readonly managers: number;
  /** PRIMARY traffic of the first load (every manager reading every category). */
  readonly initial: Meter;
  /** PRIMARY traffic of the simulated hour after it. */
  readonly hour: Meter;
  readonly startupMs: number;
  /** Per change: from the write on the PRIMARY to the last of the managers announcing it. */
  readonly propagationMs: readonly number[];
  /** How many managers announced each change. */
  readonly reached: readonly number[];
  /** Per change: from the write to the first manager announcing it (the leader's detection). */
  readonly detectMs: readonly number[];
  /** From SIGKILL of the leader's process to the next request the PRIMARY saw (a new leader's poll). */
  /** `null`: no member was leader at the end of the hour (nothing to kill; see `roleChanges`). */
  readonly failoverMs: number | null;
  /** Role changes during the run, by reason (`degraded`: a member lost its coordinator). */
  readonly roleChanges: Readonly<Record<string, number>>;
  /** PRIMARY requests of the hour by path. */
  readonly hourPaths: Readonly<Record<string, number>>;
  /** Per change: from the leader's detection to the last reader (publish, notice, read, apply). */
  readonly afterDetectMs: readonly number[];
  /** The longest a member process's event loop was held up (over 250 ms), in ms; 0: never. */
  readonly longestHoldMs: number;
  /**
   * What happened, for a trial run: role changes other than joining as a follower, loop holds
   * over 250 ms, and per change and process the first and last reader after the detection. Each
   * line starts with ms from the hour's start (negative: during the first load).
   */
  readonly timeline: readonly string[];
}

interface Child {
  readonly index: number;
  readonly process: ChildProcess;
  readonly lines: Record<string, unknown>[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function until<T>(what: string, check: () => T, timeoutMs: number): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`fleet bench: no ${what} within ${timeoutMs} ms`);
    await sleep(20);
  }
}

function spawnChild(index: number, env: Record<string, string>): Child {
  const script = fileURLToPath(new URL('./fleet-member-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { PATH: process.env.PATH ?? '', FLEET_INDEX: String(index), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: Record<string, unknown>[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk) => {
    buffered += String(chunk);
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const part of parts) if (part.trim()) lines.push(JSON.parse(part));
  });
  return { index, process: child, lines };
}

async function stopChild({ process: child }: Child): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Runs one coordinated fleet of `managers` over `processes` processes. */
export async function coordinatedFleet(
  backend: 'redis' | 'file',
  processes: number,
  managers = 200,
  minutes: number = MINUTES,
): Promise<CoordinatedRun> {
  // Two writes, at a third and two thirds of the run (minutes 20 and 40 of the hour).
  const changesAt = [Math.round(minutes / 3), Math.round((minutes * 2) / 3)];
  const traffic = meter();
  const seen: Seen[] = [];
  // The PRIMARY's clock runs at the simulated pace (a minute per watch interval) from two hours
  // back, like the independent fleet's in bench/fleet.ts. On the real clock, the 2 s for which a
  // fresh `last_updated` stamp is not yet trusted would span two simulated minutes and cost two
  // more metadata checks per write, which at a real 60 s cadence only happen when a poll lands
  // within 2 s of the write.
  const realStart = Date.now();
  const simulated = () => realStart - 2 * 3600_000 + (Date.now() - realStart) * (60_000 / WATCH_MS);
  const server = await startStandInServer((urls) =>
    meteredHandler(
      createStandInPrimary({
        ...urls,
        ...(HAS_REAL_DATA ? { data: realStandInData() } : {}),
        now: simulated,
      }),
      traffic,
      seen,
    ),
  );
  const redis = backend === 'redis' ? await startRedisServer() : null;
  const dir = backend === 'file' ? await mkdtemp(join(tmpdir(), 'hmr-bench-fleet-')) : null;
  const children: Child[] = [];
  try {
    const startedAt = Date.now();
    for (let index = 0; index < processes; index++)
      children.push(
        spawnChild(index, {
          FLEET_BACKEND: backend,
          FLEET_TARGET: redis?.url ?? dir ?? '',
          FLEET_PREFIX: 'hmr-bench:',
          FLEET_COUNT: String(managers / processes),
          FLEET_PRIMARY: server.primaryUrl,
          FLEET_WATCH: String(WATCH_MS),
          FLEET_TTL: String(LEASE_TTL_MS),
          FLEET_RENEW: String(RENEW_MS),
        }),
      );
    const lines = () => children.flatMap((child) => child.lines.map((line) => ({ child, line })));
    await until(
      'ready fleet',
      () => children.every((child) => child.lines.some((line) => line.event === 'ready')),
      300_000,
    );
    const startupMs = Date.now() - startedAt;
    const initial = { ...traffic };

    const category = 'image_generation';
    const model = Object.values(server.standIn.data.category(category))[0] as { name: string };
    const writes: number[] = [];
    const hourStart = Date.now();
    for (let minute = 1; minute <= minutes; minute++) {
      await sleep(hourStart + minute * WATCH_MS - Date.now());
      if (!changesAt.includes(minute)) continue;
      writes.push(Date.now());
      server.standIn.data.update(category, {
        ...model,
        description: `changed at minute ${minute}`,
      });
    }
    await sleep(WATCH_MS * 2);
    const hour = since(traffic, initial);
    const hourPaths: Record<string, number> = {};
    for (const request of seen.filter((r) => r.at >= hourStart))
      hourPaths[request.path] = (hourPaths[request.path] ?? 0) + 1;
    const roleChanges: Record<string, number> = {};
    for (const { line } of lines())
      if (line.event === 'role') {
        const key = `${line.role}/${line.reason}${line.error ? ` (${String(line.error).slice(0, 90)})` : ''}`;
        roleChanges[key] = (roleChanges[key] ?? 0) + 1;
      }
    const timeline: string[] = [];
    let longestHoldMs = 0;
    for (const { child, line } of lines())
      if (line.event === 'lag') {
        longestHoldMs = Math.max(longestHoldMs, line.ms as number);
        timeline.push(
          `${(line.at as number) - hourStart} ms p${child.index} loop held ${String(line.ms)} ms`,
        );
      } else if (
        line.event === 'role' &&
        !(line.role === 'follower' && line.reason === 'following')
      )
        timeline.push(
          `${(line.at as number) - hourStart} ms ${String(line.id)} ${String(line.role)}/${String(line.reason)}${line.error ? ` (${String(line.error).slice(0, 90)})` : ''}`,
        );
    const propagationMs: number[] = [];
    const reached: number[] = [];
    const detectMs: number[] = [];
    const afterDetectMs: number[] = [];
    writes.forEach((writtenAt, index) => {
      const next = writes[index + 1] ?? Number.POSITIVE_INFINITY;
      const heard = new Map<string, number>();
      for (const { line } of lines())
        if (line.event === 'change' && line.category === category) {
          const at = line.at as number;
          if (at >= writtenAt && at < next && !heard.has(line.id as string))
            heard.set(line.id as string, at);
        }
      reached.push(heard.size);
      detectMs.push(Math.min(...heard.values()) - writtenAt);
      propagationMs.push(Math.max(...heard.values()) - writtenAt);
      // Where the time went after the leader's detection: per process, first and last reader.
      const first = Math.min(...heard.values());
      afterDetectMs.push(Math.max(...heard.values()) - first);
      for (const child of children) {
        const times = child.lines
          .filter((line) => line.event === 'change' && heard.get(line.id as string) === line.at)
          .map((line) => (line.at as number) - first);
        if (times.length > 0)
          timeline.push(
            `${writtenAt - hourStart} ms write ${index + 1}: p${child.index} readers ${times.length}, +${Math.min(...times)}..+${Math.max(...times)} ms after detection`,
          );
      }
    });

    const roles = new Map<string, { child: Child; role: string }>();
    for (const { child, line } of lines())
      if (line.event === 'role') roles.set(line.id as string, { child, role: line.role as string });
    const lead = [...roles.values()].find((entry) => entry.role === 'leader');
    // A fleet that ended the hour without a leader (every member degraded on an overloaded
    // machine) has no failover to time: reported as a miss, with its role changes.
    const killedAt = Date.now();
    lead?.child.process.kill('SIGKILL');
    const polled = lead
      ? await until(
          'poll by a new leader',
          () => seen.find((request) => request.at > killedAt),
          LEASE_TTL_MS * 10,
        )
      : null;
    return {
      backend,
      processes,
      managers,
      initial,
      hour,
      startupMs,
      propagationMs,
      reached,
      detectMs,
      failoverMs: polled ? polled.at - killedAt : null,
      roleChanges,
      hourPaths,
      afterDetectMs,
      longestHoldMs,
      timeline: timeline.sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10)),
    };
  } finally {
    await Promise.all(children.map(stopChild));
    await server.close();
    await redis?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}
