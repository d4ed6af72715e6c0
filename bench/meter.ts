// Counting what a server is asked and answers: requests, and bytes both ways with the HTTP/1.1
// header lines (request line, Host, headers, blank line; status line, Date, Content-Length,
// headers, body). One formula for a wrapped fetch and for a stand-in served over sockets.
import type { StandInHandler } from '../src/node.js';

/** Requests and bytes seen. */
export interface Meter {
  requests: number;
  bytes: number;
}

/** A new, empty meter. */
export const meter = (): Meter => ({ requests: 0, bytes: 0 });

/** `after` minus `before`. */
export const since = (after: Meter, before: Meter): Meter => ({
  requests: after.requests - before.requests,
  bytes: after.bytes - before.bytes,
});

const headerBytes = (headers: Headers) =>
  [...headers].reduce((sum, [k, v]) => sum + k.length + v.length + 4, 0);

/** The bytes of one exchange on the wire, header lines included. */
export function exchangeBytes(request: Request, response: Response, bodyBytes: number): number {
  const url = new URL(request.url);
  return (
    `${request.method} ${url.pathname}${url.search} HTTP/1.1\r\nhost: ${url.host}\r\n`.length +
    headerBytes(request.headers) +
    2 +
    `HTTP/1.1 ${response.status} OK\r\ndate: Thu, 01 Jan 2026 00:00:00 GMT\r\ncontent-length: ${bodyBytes}\r\n`
      .length +
    headerBytes(response.headers) +
    2 +
    bodyBytes
  );
}

/** Wraps a fetch to count requests and the bytes both ways. */
export function metered(inner: typeof fetch, into: Meter): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await inner(request);
    const body = await response.arrayBuffer();
    into.requests++;
    into.bytes += exchangeBytes(request, response, body.byteLength);
    return new Response(response.status === 304 ? null : body, {
      status: response.status,
      headers: response.headers,
    });
  };
}

/** One request a metered stand-in answered. */
export interface Seen {
  readonly at: number;
  readonly path: string;
}

/**
 * Wraps a stand-in's handler (for `startStandInServer`) so every answer is counted in `into` and
 * listed in `seen` with its time.
 */
export function meteredHandler<S extends StandInHandler>(standIn: S, into: Meter, seen: Seen[]): S {
  return {
    ...standIn,
    answer: async (request: Request) => {
      const answered = await standIn.answer(request);
      if (!(answered instanceof Response)) return answered;
      const body = await answered.arrayBuffer();
      into.requests++;
      into.bytes += exchangeBytes(request, answered, body.byteLength);
      seen.push({ at: Date.now(), path: new URL(request.url).pathname });
      return new Response(answered.status === 304 ? null : body, {
        status: answered.status,
        headers: answered.headers,
      });
    },
  };
}
