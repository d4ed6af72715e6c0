// A real redis-server for tests: 127.0.0.1, a free port, no persistence, a temp dir of its own.
// It can be stopped, restarted on the same port (empty, as a restart without persistence is)
// and SIGKILLed. Debian's redis-server is installed by scripts/ensure-redis.sh (`npm test`);
// REDIS_SERVER_PATH points elsewhere.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BINARY = process.env.REDIS_SERVER_PATH ?? 'redis-server';

/** One redis-server process (and the ones restarted in its place). */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Whether a server is running now. */
  running(): boolean;
  /** Stops it with SIGTERM and waits for it to exit. */
  stop(): Promise<void>;
  /** Kills it with SIGKILL and waits for it to exit. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: there is no persistence). */
  start(): Promise<void>;
  /** Stops it and removes its temp dir. */
  close(): Promise<void>;
}

/** Starts a redis-server and waits until it answers PING. */
export async function startRedisServer(): Promise<RedisServer> {
  const dir = await mkdtemp(join(tmpdir(), 'hmr-redis-'));
  const port = await freePort();
  let child: ChildProcess | null = null;
  let output = '';

  const start = async () => {
    output = '';
    const spawned = spawn(
      BINARY,
      [
        '--bind',
        '127.0.0.1',
        '--port',
        String(port),
        '--dir',
        dir,
        '--save',
        '',
        '--appendonly',
        'no',
        '--daemonize',
        'no',
        '--protected-mode',
        'yes',
        '--loglevel',
        'warning',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = spawned;
    spawned.stdout?.on('data', (chunk) => {
      output += String(chunk);
    });
    spawned.stderr?.on('data', (chunk) => {
      output += String(chunk);
    });
    const failed = new Promise<never>((_, reject) => {
      spawned.once('error', (error) =>
        reject(
          new Error(
            `Cannot start ${BINARY} (install redis-server: scripts/ensure-redis.sh): ${error.message}`,
          ),
        ),
      );
      spawned.once('exit', (code) =>
        reject(new Error(`redis-server exited with ${code}: ${output}`)),
      );
    });
    failed.catch(() => {});
    const deadline = Date.now() + 10_000;
    while (!(await answersPing(port))) {
      await Promise.race([failed, new Promise((r) => setTimeout(r, 20))]);
      if (Date.now() > deadline)
        throw new Error(`redis-server did not answer on ${port}: ${output}`);
    }
  };

  const signal = async (name: NodeJS.Signals) => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(name);
    await exited;
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    running: () => child !== null,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    start,
    async close() {
      await signal('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Whether something on 127.0.0.1:`port` answers PING with PONG. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += String(chunk);
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/** A port on 127.0.0.1 free right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  if (!address || typeof address !== 'object') throw new Error('no free port');
  return address.port;
}
