// A local file server on 127.0.0.1 for download tests: generated files of any size, Range and
// If-Range as real servers do them (ETag and Last-Modified), and switches for every fault a
// model host shows in the field. Real sockets, so resets and stalls are what the client sees.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Deterministic bytes: the same seed and size always give the same file. */
export function generatedBytes(size: number, seed = 1): Buffer {
  const out = Buffer.allocUnsafe(size);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i + 4 <= size; i += 4) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out.writeUInt32LE(x, i);
  }
  for (let i = size - (size % 4); i < size; i++) out[i] = i & 0xff;
  return out;
}

/** Lower-case hex sha256 of some bytes. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A misbehaviour of one path. */
export type Fault =
  /** Announce the full length, then close the connection cleanly after `afterBytes`. */
  | { readonly kind: 'truncate'; readonly afterBytes: number }
  /** Reset the connection (RST) after `afterBytes` of body. */
  | { readonly kind: 'reset'; readonly afterBytes: number }
  /** Send `afterBytes`, then nothing, keeping the connection open. */
  | { readonly kind: 'stall'; readonly afterBytes: number }
  /** Answer every request with the whole file (200), as servers without range support do. */
  | { readonly kind: 'ignore-range' }
  /** Honour `Range` even when `If-Range` no longer matches (a broken server). */
  | { readonly kind: 'ignore-if-range' }
  /** Answer this status with a small body. */
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string }
  /** Send the body slowly: `bytes` every `everyMs`. */
  | { readonly kind: 'slow'; readonly bytes: number; readonly everyMs: number }
  /** Redirect (302) to another URL. */
  | { readonly kind: 'redirect'; readonly location: string };

/** A request the server saw. */
export interface SeenRequest {
  readonly path: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly status: number;
}

interface Served {
  bytes: Buffer;
  etag: string;
  lastModified: string;
  /** Required `authorization` header value; 401 without it. */
  auth?: string;
  faults: { fault: Fault; times: number }[];
}

/** The server and its switches. */
export interface FileServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly requests: SeenRequest[];
  /** Most requests to these paths in flight at once (a request ends when its last byte is sent). */
  readonly peak: (paths: readonly string[]) => number;
  /** `origin + path`. */
  url(path: string): string;
  /** Serves `bytes` at `path` (replacing what was there: a new ETag and Last-Modified). */
  serve(path: string, bytes: Buffer, options?: { auth?: string }): void;
  /** Adds a fault for the next `times` requests of `path` (default: every request). */
  fault(path: string, fault: Fault, times?: number): void;
  /** Removes the faults of `path`. */
  heal(path: string): void;
  /** Requests seen for `path`. */
  seen(path: string): SeenRequest[];
  close(): Promise<void>;
}

let clock = Date.UTC(2026, 0, 1);

/** Starts a file server on 127.0.0.1 (a free port). */
export async function startFileServer(): Promise<FileServer> {
  const files = new Map<string, Served>();
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const takeFault = (served: Served, kind: Fault['kind']): Fault | undefined => {
    const entry = served.faults.find((f) => f.fault.kind === kind);
    if (!entry) return undefined;
    if (--entry.times <= 0) served.faults.splice(served.faults.indexOf(entry), 1);
    return entry.fault;
  };
  const hasFault = (served: Served, kind: Fault['kind']) =>
    served.faults.some((f) => f.fault.kind === kind);

  const spans: { path: string; start: number; end: number }[] = [];
  let tick = 0;
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    // 'finish': the last byte went to the kernel, before the client can have it and ask again.
    const span = { path: '', start: tick++, end: Number.POSITIVE_INFINITY };
    spans.push(span);
    const done = () => {
      if (span.end === Number.POSITIVE_INFINITY) span.end = tick++;
    };
    res.once('finish', done);
    res.once('close', done);
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const record = (status: number) =>
      requests.push({ path, headers: { ...req.headers } as SeenRequest['headers'], status });
    span.path = path;
    const served = files.get(path);
    if (!served) {
      record(404);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const redirect = takeFault(served, 'redirect');
    if (redirect?.kind === 'redirect') {
      record(302);
      res.writeHead(302, { location: redirect.location }).end();
      return;
    }
    if (served.auth !== undefined && req.headers.authorization !== served.auth) {
      record(401);
      res.writeHead(401, { 'content-type': 'text/plain' }).end('token required');
      return;
    }
    const status = takeFault(served, 'status');
    if (status?.kind === 'status') {
      record(status.status);
      const headers: Record<string, string> = { 'content-type': 'text/plain' };
      if (status.retryAfter) headers['retry-after'] = status.retryAfter;
      res.writeHead(status.status, headers).end(`status ${status.status}`);
      return;
    }
    const { bytes } = served;
    const total = bytes.length;
    const validators = { etag: served.etag, 'last-modified': served.lastModified };
    let start = 0;
    let end = total - 1;
    let code = 200;
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    const ifRange = req.headers['if-range'];
    const rangeAllowed =
      range !== null &&
      !takeFault(served, 'ignore-range') &&
      (ifRange === undefined ||
        ifRange === served.etag ||
        ifRange === served.lastModified ||
        hasFault(served, 'ignore-if-range'));
    if (range && rangeAllowed) {
      const [, from, to] = range;
      start = from === '' ? Math.max(0, total - Number(to)) : Number(from);
      end = from === '' || to === '' ? total - 1 : Math.min(Number(to), total - 1);
      if (start >= total || start > end) {
        record(416);
        res.writeHead(416, { 'content-range': `bytes */${total}`, ...validators }).end();
        return;
      }
      code = 206;
    }
    record(code);
    const headers: Record<string, string | number> = {
      'content-length': end - start + 1,
      'accept-ranges': 'bytes',
      'content-type': 'application/octet-stream',
      ...validators,
    };
    if (code === 206) headers['content-range'] = `bytes ${start}-${end}/${total}`;
    res.writeHead(code, headers);
    const body = bytes.subarray(start, end + 1);
    // Faults that cut the body apply in the order they were added.
    const cutEntry = served.faults.find((f) =>
      ['truncate', 'reset', 'stall'].includes(f.fault.kind),
    );
    const cut = cutEntry ? takeFault(served, cutEntry.fault.kind) : undefined;
    const slow = served.faults.find((f) => f.fault.kind === 'slow')?.fault;
    const limit = cut && 'afterBytes' in cut ? Math.min(cut.afterBytes, body.length) : body.length;
    const chunk = slow?.kind === 'slow' ? slow.bytes : 64 * 1024;
    let sent = 0;
    const pump = () => {
      while (sent < limit) {
        const piece = body.subarray(sent, Math.min(limit, sent + chunk));
        sent += piece.length;
        // The last piece ends the response at once: the client has it all now.
        if (!cut && sent >= limit) return void res.end(piece);
        const more = res.write(piece);
        if (slow?.kind === 'slow') {
          const timer = setTimeout(() => {
            timers.delete(timer);
            pump();
          }, slow.everyMs);
          timers.add(timer);
          return;
        }
        if (!more) return void res.once('drain', pump);
      }
      if (!cut) return void res.end();
      if (cut.kind === 'reset') return void res.socket?.resetAndDestroy();
      if (cut.kind === 'truncate') return void res.socket?.end();
      // stall: say nothing more; close() destroys the socket.
    };
    pump();
  };

  const server: Server = createServer(handle);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    requests,
    peak: (paths) => {
      const mine = spans.filter((s) => paths.includes(s.path));
      return Math.max(
        0,
        ...mine.map((s) => mine.filter((o) => o.start <= s.start && o.end > s.start).length),
      );
    },
    url: (path) => `${origin}${path}`,
    serve(path, bytes, options = {}) {
      clock += 60_000;
      files.set(path, {
        bytes,
        etag: `"${sha256Of(bytes).slice(0, 16)}"`,
        lastModified: new Date(clock).toUTCString(),
        ...(options.auth !== undefined ? { auth: options.auth } : {}),
        faults: files.get(path)?.faults ?? [],
      });
    },
    fault(path, fault, times = Number.POSITIVE_INFINITY) {
      const served = files.get(path);
      if (!served) throw new Error(`no file at ${path}`);
      served.faults.push({ fault, times });
    },
    heal(path) {
      const served = files.get(path);
      if (served) served.faults = [];
    },
    seen: (path) => requests.filter((r) => r.path === path),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
