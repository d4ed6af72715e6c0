// `npm run test:package`: builds and packs the package, checks it the way its users will meet it
// (publint, are-the-types-wrong, bundle budgets, API docs), then imports the packed tarball in Node 22, Deno and
// Bun against a local stand-in with the PRIMARY down. Part of `npm test`.
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import packageJson from '../package.json' with { type: 'json' };
import { startStandInServer } from '../src/node.js';
import { createStandInPrimary } from '../src/testing.js';

const root = resolve(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const run = (command: string, args: string[], cwd = root) => {
  console.log(`$ ${[command.replace(`${root}/`, ''), ...args].join(' ')}`);
  execFileSync(command, args, { cwd, stdio: 'inherit' });
};

run('npm', ['run', '--silent', 'build']);
// The API docs build without a warning (broken {@link}s fail here).
run(bin('typedoc'), ['--emit', 'none', '--treatWarningsAsErrors', '--logLevel', 'Warn']);
const work = mkdtempSync(join(tmpdir(), 'hmr-package-'));
try {
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root }).toString(),
  ) as { filename: string }[];
  const tarball = join(work, packed?.filename ?? '');
  run(bin('publint'), ['--strict']);
  run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'table-flipped', '--no-summary']);
  run('npx', ['tsx', 'scripts/bundle-size.ts']);

  // A project of the package's own users: the tarball and the oldest supported Node.
  const project = join(work, 'project');
  run('mkdir', ['-p', project]);
  writeFileSync(
    join(project, 'package.json'),
    '{ "name": "smoke", "private": true, "type": "module" }\n',
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--silent', tarball, 'node@22'], project);
  copyFileSync(join(root, 'scripts/smoke/runtime-smoke.mjs'), join(project, 'smoke.mjs'));

  // Consumer projects compile the declarations with skipLibCheck off, the way strict users do:
  // a browser app (DOM, no @types/node), a Node script (nodenext, no DOM), a suite with msw.
  const consumers = join(work, 'consumers');
  run('mkdir', ['-p', consumers]);
  writeFileSync(
    join(consumers, 'package.json'),
    '{ "name": "consumers", "private": true, "type": "module" }\n',
  );
  const typescript = (packageJson.devDependencies as Record<string, string>).typescript ?? 'latest';
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--silent',
      tarball,
      `typescript@${typescript}`,
      '@types/node@24',
      'msw@3',
      'redis@5',
    ],
    consumers,
  );
  for (const file of readdirSync(join(root, 'scripts/consumers')))
    copyFileSync(join(root, 'scripts/consumers', file), join(consumers, file));
  for (const config of ['browser', 'node', 'testing'])
    run(join(consumers, 'node_modules/.bin/tsc'), ['-p', `tsconfig.${config}.json`], consumers);

  const server = await startStandInServer(createStandInPrimary);
  const deadPrimary = await closedPort();
  const args = [`http://127.0.0.1:${deadPrimary}/api`, server.githubRawUrl];
  const runtimes: [string, string[]][] = [
    [join(project, 'node_modules/.bin/node'), ['smoke.mjs', ...args]],
    [bin('deno'), ['run', '--allow-net', '--allow-env', '--allow-read', 'smoke.mjs', ...args]],
    [bin('bun'), ['smoke.mjs', ...args]],
  ];
  let failed = 0;
  for (const [command, commandArgs] of runtimes) {
    // Asynchronously: the stand-in answers from this very process.
    const result = await promisify(execFile)(command, commandArgs, {
      cwd: project,
      timeout: 60_000,
    })
      .then(({ stdout, stderr }) => ({ status: 0, stdout, stderr }))
      .catch((error: { code?: number; stdout?: string; stderr?: string }) => ({
        status: error.code ?? 1,
        stdout: error.stdout ?? '',
        stderr: error.stderr ?? String(error),
      }));
    const line = result.stdout.trim().split('\n').at(-1) ?? '';
    const problem = verify(result.status, line);
    console.log(problem ? `✗ ${command}: ${problem}\n${result.stderr}` : `✓ ${line}`);
    if (problem) failed++;
  }
  await server.close();
  if (failed > 0) throw new Error(`${failed} runtime smoke test(s) failed`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** What is wrong with a runtime's answer, or null. */
function verify(status: number | null, line: string): string | null {
  if (status !== 0) return `exited with ${status}`;
  const answer = JSON.parse(line) as {
    records: number;
    origin: string;
    sdxl: string[];
    apiError: string;
    parsed: boolean;
  };
  if (answer.origin !== 'github') return `served from ${answer.origin}, expected github`;
  if (answer.records !== 8) return `read ${answer.records} image records, expected 8`;
  const expected = ['AlbedoBase XL (SDXL)', 'Juggernaut Lightning', 'Pony Grimdark'];
  if (JSON.stringify(answer.sdxl) !== JSON.stringify(expected))
    return `search returned ${JSON.stringify(answer.sdxl)}`;
  if (answer.apiError !== 'ConnectionError')
    return `the API client against a refused PRIMARY gave ${answer.apiError}`;
  if (!answer.parsed) return 'parseRecord from ./schemas did not accept a served record';
  return null;
}

/** A port on 127.0.0.1 nobody listens on: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  return typeof address === 'object' && address ? address.port : 0;
}
