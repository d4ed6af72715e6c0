// Shared by the CLI tests: a stand-in PRIMARY and GitHub on 127.0.0.1, a fresh cache folder per
// test, and `main()` run in-process with its output captured.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { main } from '../../src/cli/main.js';
import { type StandInServer, startStandInServer } from '../../src/node.js';
import { createStandInPrimary, type SeenRequest, type StandInPrimary } from '../../src/testing.js';

/** The repository root, where `npx tsx src/cli.ts` runs. */
export const ROOT: string = join(import.meta.dirname, '../..');

/** What one run printed and returned. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout parsed as JSON. */
  readonly json: () => unknown;
}

/** A run in progress: its output so far, and its end. */
export interface CliRun {
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly done: Promise<CliResult>;
}

/** How to run: a terminal or not, a stop signal, and whether to point at the stand-in. */
export interface RunOptions {
  readonly isTTY?: boolean;
  readonly signal?: AbortSignal;
  /** Add `--primary-url`, `--github-raw-url`, `--cache-dir` and `--timeout-ms`. @default true */
  readonly standIn?: boolean;
  readonly env?: Readonly<Record<string, string>>;
}

/** The stand-in server and cache folder of the current test, and ways to run the CLI on them. */
export interface StandInCli {
  readonly server: StandInServer<StandInPrimary>;
  cacheDir: string;
  /** Arguments that point a command at the stand-in and the cache folder. */
  readonly where: () => string[];
  readonly cli: (...argv: string[]) => Promise<CliResult>;
  readonly start: (options: RunOptions, ...argv: string[]) => CliRun;
  /** The requests the stand-in saw since the current test began (it keeps those of the file). */
  readonly requests: () => SeenRequest[];
}

/** Registers the hooks that start the stand-in once and give each test a fresh cache folder. */
export function useStandInCli(): StandInCli {
  let server: StandInServer<StandInPrimary> | undefined;
  beforeAll(async () => {
    server = await startStandInServer(createStandInPrimary);
  });
  afterAll(async () => {
    await server?.close();
  });
  let first = 0;
  const context: StandInCli = {
    get server() {
      if (!server) throw new Error('the stand-in is not started yet');
      return server;
    },
    cacheDir: '',
    where: () => [
      '--primary-url',
      context.server.primaryUrl,
      '--github-raw-url',
      context.server.githubRawUrl,
      '--cache-dir',
      context.cacheDir,
      // The deadline covers the whole answer: leave room for a loaded CI machine.
      '--timeout-ms',
      '2000',
    ],
    cli: (...argv) => context.start({}, ...argv).done,
    start: (options, ...argv) => {
      let stdout = '';
      let stderr = '';
      const done = main([...argv, ...(options.standIn === false ? [] : context.where())], {
        stdout: (text) => {
          stdout += text;
        },
        stderr: (text) => {
          stderr += text;
        },
        isTTY: options.isTTY ?? false,
        env: options.env ?? {},
        signal: options.signal,
      }).then((code) => ({ code, stdout, stderr, json: () => JSON.parse(stdout) as unknown }));
      return { stdout: () => stdout, stderr: () => stderr, done };
    },
    requests: () => context.server.standIn.requests.slice(first),
  };
  beforeEach(async () => {
    context.server.standIn.setFault('primary', 'ok');
    context.server.standIn.setFault('github', 'ok');
    first = context.server.standIn.requests.length;
    const dir = await mkdtemp(join(tmpdir(), 'hmr-cli-'));
    context.cacheDir = dir;
    return () => rm(dir, { recursive: true, force: true, maxRetries: 5 });
  });
  return context;
}

/** Resolves once `condition` holds, checking every 20 ms; fails after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
