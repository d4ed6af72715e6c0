// A stand-in PRIMARY in its own process, so a latency benchmark measures the SDK, not the
// server sharing its event loop. Prints `{ primaryUrl, githubRawUrl }` as one JSON line.
//   tsx bench/stand-in-process.ts primary=hang
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startStandInServer } from '../src/node.js';
import { createStandInPrimary, type FaultMode, type RouteFamily } from '../src/testing.js';

/** Starts the stand-in in a child process with the given faults (`family=mode`). */
export async function standInProcess(
  faults: readonly string[],
): Promise<{ primaryUrl: string; githubRawUrl: string; stop: () => void }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), ...faults],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (chunk) => resolve(String(chunk)));
    child.once('exit', (code) => reject(new Error(`stand-in exited with ${code}`)));
  });
  return {
    ...(JSON.parse(line) as { primaryUrl: string; githubRawUrl: string }),
    stop: () => child.kill(),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startStandInServer(createStandInPrimary);
  for (const fault of process.argv.slice(2)) {
    const [family, mode] = fault.split('=') as [RouteFamily | 'primary', FaultMode];
    server.standIn.setFault(family, mode);
  }
  console.log(JSON.stringify({ primaryUrl: server.primaryUrl, githubRawUrl: server.githubRawUrl }));
}
