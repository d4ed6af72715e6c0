import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
/**
 * What the server needs from a stand-in: an answer per request. `createStandInPrimary()` from
 * `horde-model-reference/testing` is one; so is anything with the same method.
 */
export interface StandInHandler {
  /** Answers a request: a Response, or `REFUSED` (a symbol) for a refused connection. */
  answer(request: Request): Promise<Response | symbol>;
}

/** A stand-in served over real HTTP on loopback: the PRIMARY and GitHub on two ports (two hosts). */
export interface StandInServer<S extends StandInHandler = StandInHandler> {
  /** The PRIMARY base URL to give a manager (`http://127.0.0.1:<port>/api`). */
  readonly primaryUrl: string;
  /** The raw-GitHub base URL to give a manager (`http://127.0.0.1:<other port>`). */
  readonly githubRawUrl: string;
  /** The stand-in answering on both ports; set faults and mutate data through it. */
  readonly standIn: S;
  /** Stops listening and drops open connections (hanging ones included). */
  close(): Promise<void>;
}

/** Where and how to listen. */
export interface StandInServerOptions {
  /** Port of the PRIMARY. @default 0 (any free port) */
  readonly port?: number;
  /** Port of the GitHub stand-in. @default 0 (any free port) */
  readonly githubPort?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
}

function toRequest(incoming: IncomingMessage, signal: AbortSignal): Request {
  const url = `http://${incoming.headers.host ?? 'localhost'}${incoming.url ?? '/'}`;
  const headers = Object.entries(incoming.headers).flatMap(([key, value]) =>
    value === undefined
      ? []
      : [[key, Array.isArray(value) ? value.join(', ') : value] as [string, string]],
  );
  return new Request(url, { method: incoming.method ?? 'GET', headers, signal });
}

/**
 * Serves a stand-in PRIMARY and raw GitHub on 127.0.0.1 over real sockets, on two ports so they
 * are two hosts as in production: for demos, CLIs, other runtimes and benchmarks. `refuse`
 * faults destroy the socket; `hang` faults never answer.
 *
 * @example
 * ```ts
 * const { primaryUrl, githubRawUrl, standIn, close } = await startStandInServer(createStandInPrimary);
 * const refs = new ModelReferenceManager({ primaryUrl, github: { rawBaseUrl: githubRawUrl } });
 * ```
 */
export async function startStandInServer<S extends StandInHandler>(
  create: (urls: { primaryUrl: string; githubRawUrl: string }) => S,
  options: StandInServerOptions = {},
): Promise<StandInServer<S>> {
  let standIn: S | undefined;
  const serve = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    // Browser pages on another origin (the dashboard example) may read it, as a deployment that
    // lists their origin would allow; the SDK's Client-Agent header needs the preflight answered.
    outgoing.setHeader('access-control-allow-origin', '*');
    if (incoming.method === 'OPTIONS') {
      outgoing.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, PUT, DELETE',
        'access-control-allow-headers': incoming.headers['access-control-request-headers'] ?? '*',
      });
      return void outgoing.end();
    }
    const controller = new AbortController();
    outgoing.on('close', () => controller.abort(new Error('client went away')));
    // Whatever the handler does (throws, answers nothing usable), the server stays up: that
    // request's connection is dropped, as a crashed upstream would.
    const reply = async () => {
      const answer = await (standIn as S).answer(toRequest(incoming, controller.signal));
      if (typeof answer === 'symbol') return void incoming.socket.destroy(); // REFUSED
      const body = new Uint8Array(await answer.arrayBuffer());
      outgoing.writeHead(answer.status, Object.fromEntries(answer.headers));
      outgoing.end(body);
    };
    reply().catch(() => incoming.socket.destroy());
  };
  const host = options.host ?? '127.0.0.1';
  const listen = async (port: number) => {
    const server = createServer(serve);
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    const { address, port: bound } = server.address() as AddressInfo;
    return { server, origin: `http://${address}:${bound}` };
  };
  const primary = await listen(options.port ?? 0);
  const github = await listen(options.githubPort ?? 0);
  const urls = { primaryUrl: `${primary.origin}/api`, githubRawUrl: github.origin };
  standIn = create(urls);
  const stop = (server: Server) =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    ...urls,
    standIn,
    close: async () => {
      await Promise.all([stop(primary.server), stop(github.server)]);
    },
  };
}
