// Fallback latency over real sockets on 127.0.0.1 (the stand-in in its own process): a PRIMARY
// that accepts connections and never answers, and one that refuses them.
import { createServer } from 'node:net';
import { ModelReferenceManager } from '../src/index.js';
import type { Bench } from './harness.js';
import { standInProcess } from './stand-in-process.js';

const TIMEOUT_MS = 1_000;

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const timed = async (fn: () => Promise<unknown>) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

export const latencyBench: Bench = async () => {
  const server = await standInProcess(['primary=hang']);
  const hanging = new ModelReferenceManager({
    primaryUrl: server.primaryUrl,
    github: { rawBaseUrl: server.githubRawUrl },
    timeoutMs: TIMEOUT_MS,
  });
  const first = await timed(() => hanging.getCategory('image_generation'));
  const next: number[] = [];
  // Garbage and closing sockets left over from the benchmarks before this one are not the SDK's
  // latency: collect, and let their callbacks run, before timing.
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 250));
  for (let i = 0; i < 100; i++) next.push(await timed(() => hanging.refresh('image_generation')));
  next.sort((a, b) => a - b);
  await hanging.close();

  const refusing = new ModelReferenceManager({
    primaryUrl: `http://127.0.0.1:${await closedPort()}/api`,
    github: { rawBaseUrl: server.githubRawUrl },
    timeoutMs: TIMEOUT_MS,
  });
  const refused = await timed(() => refusing.getCategory('image_generation'));
  await refusing.close();
  server.stop();
  const max = next.at(-1) ?? Number.NaN;
  return [
    {
      name: 'PRIMARY hangs: first read served (from GitHub)',
      value: first,
      unit: 'ms',
      target: `<= timeoutMs + 1 s (${TIMEOUT_MS + 1000} ms)`,
      met: first <= TIMEOUT_MS + 1000,
    },
    {
      name: 'PRIMARY hangs: each of the next 100 reads in the cool-down (max)',
      value: max,
      unit: 'ms',
      target: '< 5 ms each',
      met: max < 5,
      detail: `median ${(next[50] ?? 0).toFixed(2)} ms, p95 ${(next[95] ?? 0).toFixed(2)} ms; each goes to GitHub, the PRIMARY skipped`,
    },
    {
      name: 'PRIMARY refuses connections: first read served',
      value: refused,
      unit: 'ms',
      target: '< 500 ms',
      met: refused < 500,
    },
  ];
};
