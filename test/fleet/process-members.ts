// Fleet members in Node processes of their own (via tsx's loader), for the multi-process tests:
// each prints one JSON line per event on stdout, which the test collects.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

/** One event a member printed. */
export interface Line {
  id: string;
  at: number;
  event: string;
  [key: string]: unknown;
}

/** A member process and what it printed so far. */
export interface Member {
  id: string;
  child: ChildProcess;
  lines: Line[];
}

/**
 * Starts `script` (relative to the project) as member `id` with `env` (and PATH only, so nothing
 * of the test's own environment leaks in). A crash is recorded as a `crashed` line with stderr.
 */
export function spawnMember(id: string, script: string, env: Record<string, string>): Member {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', FLEET_ID: id, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const member: Member = { id, child, lines: [] };
  let buffered = '';
  child.stdout?.on('data', (chunk) => {
    buffered += String(chunk);
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const part of parts) if (part.trim()) member.lines.push(JSON.parse(part) as Line);
  });
  let errors = '';
  child.stderr?.on('data', (chunk) => {
    errors += String(chunk);
  });
  child.once('exit', (code, signal) => {
    if (code && code !== 0)
      member.lines.push({ id, at: Date.now(), event: 'crashed', code, errors });
    else if (signal === null && code === null)
      member.lines.push({ id, at: Date.now(), event: 'gone' });
  });
  return member;
}

/** Stops a member (resuming it first if it was SIGSTOPped), SIGKILL after 5 s. */
export async function stopMember(member: Member): Promise<void> {
  const { child } = member;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGCONT');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** The role a member reported last. */
export const roleOf = (member: Member): string | undefined =>
  member.lines.filter((line) => line.event === 'role').at(-1)?.role as string | undefined;

/** Every member's lines of one event. */
export const linesOf = (members: Member[], event: string): Line[] =>
  members.flatMap((member) => member.lines.filter((line) => line.event === event));
