// A PRIMARY on 127.0.0.1 that answers the way a broken or hostile server does, over real sockets:
// bodies that stall or trickle, bodies that never end, compression bombs, secrets echoed back.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** How the server answers every request. */
export type Hostility =
  | { readonly kind: 'stall-half'; readonly body: string }
  | { readonly kind: 'trickle'; readonly everyMs: number }
  | { readonly kind: 'huge'; readonly bytes: number }
  | { readonly kind: 'endless' }
  | { readonly kind: 'encoded'; readonly encoding: 'gzip' | 'br'; readonly body: Buffer }
  | { readonly kind: 'echo-key' }
  | { readonly kind: 'json'; readonly body: string };

/** A running hostile server. */
export interface HostileServer {
  /** `http://127.0.0.1:<port>/api`. */
  readonly primaryUrl: string;
  hostility: Hostility;
  /** Requests seen. */
  readonly seen: number;
  close(): Promise<void>;
}

const zeros = (bytes: number) => Buffer.alloc(bytes, 0x20);

function answer(hostility: Hostility, apikey: string, res: ServerResponse): void {
  switch (hostility.kind) {
    case 'json':
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(hostility.body);
    case 'stall-half':
      res.writeHead(200, { 'content-type': 'application/json' });
      // Half the body, then nothing: the socket stays open.
      return void res.write(hostility.body.slice(0, hostility.body.length / 2));
    case 'trickle': {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), hostility.everyMs);
      res.on('close', () => clearInterval(timer));
      return;
    }
    case 'huge': {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = zeros(1 << 20);
      let left = hostility.bytes;
      const pump = () => {
        while (left > 0) {
          left -= chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      return void pump();
    }
    case 'endless': {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = zeros(1 << 16);
      const pump = () => {
        while (!res.destroyed) if (!res.write(chunk)) return void res.once('drain', pump);
      };
      return void pump();
    }
    case 'encoded':
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': hostility.encoding,
      });
      return void res.end(hostility.body);
    case 'echo-key':
      res.writeHead(401, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ detail: `invalid key ${apikey}` }));
  }
}

/** A gzip body of concatenated members, each 1 MiB of spaces: about 1 KB per MiB inflated. */
export function gzipBomb(inflatedBytes: number): Buffer {
  const member = gzipSync(zeros(1 << 20), { level: 9 });
  return Buffer.concat(Array.from({ length: inflatedBytes >> 20 }, () => member));
}

/** A brotli body of `inflatedBytes` spaces (a few KB per hundred MiB). */
export function brotliBomb(inflatedBytes: number): Buffer {
  return brotliCompressSync(zeros(inflatedBytes), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 1 },
  });
}

/** Starts a hostile PRIMARY; change `hostility` between requests. */
export async function startHostileServer(hostility: Hostility): Promise<HostileServer> {
  let seen = 0;
  const server = createServer((req, res) => {
    seen++;
    answer(state.hostility, String(req.headers.apikey ?? ''), res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const state: HostileServer = {
    primaryUrl: `http://127.0.0.1:${port}/api`,
    hostility,
    get seen() {
      return seen;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return state;
}
