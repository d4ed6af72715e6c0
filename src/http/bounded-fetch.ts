import { MalformedResponseError } from '../errors/malformed-response-error.js';
import { TimeoutError } from '../errors/timeout-error.js';

/** What bounds one attempt of one request. */
export interface AttemptBounds {
  readonly method: string;
  /** The URL as reported (credentials removed). */
  readonly url: string;
  readonly host: string;
  /** Deadline of the whole attempt: headers and body. */
  readonly timeoutMs: number;
  /** Largest decoded body accepted. */
  readonly maxBytes: number;
}

// Statuses whose Response must be built without a body.
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** Rejects with `signal`'s reason when it aborts; never settles otherwise. */
function aborted(signal: AbortSignal): { promise: Promise<never>; dispose: () => void } {
  let dispose = () => {};
  const promise = new Promise<never>((_, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    dispose = () => signal.removeEventListener('abort', onAbort);
  });
  promise.catch(() => {}); // only ever awaited inside a race
  return { promise, dispose };
}

async function readAll(
  body: ReadableStream<Uint8Array>,
  bounds: AttemptBounds,
  stop: Promise<never>,
): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      // Raced against the deadline: a fetch that ignores its signal mid-body is still cut off.
      const { done, value } = await Promise.race([reader.read(), stop]);
      if (done) break;
      size += value.byteLength;
      // Counted on the decoded bytes as they stream, so a compression bomb stops here too.
      if (size > bounds.maxBytes)
        throw new MalformedResponseError({
          method: bounds.method,
          url: bounds.url,
          reason: `a body over the ${bounds.maxBytes}-byte limit (maxResponseBytes)`,
        });
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

/**
 * One attempt of a request, bounded: the deadline covers the headers and the whole body (a server
 * that sends half a body and stalls, or trickles, is a {@link TimeoutError}), and the body may not
 * exceed `maxBytes` once decoded. The answer comes back fully buffered, so nothing downstream can
 * hang on it. Network failures are rethrown as they are, for the caller to classify.
 *
 * @throws {TimeoutError} when the deadline runs out; the caller's abort reason when it aborts.
 * @throws {MalformedResponseError} for a body over `maxBytes`.
 */
export async function boundedFetch(
  fetchImpl: typeof fetch,
  request: Request,
  bounds: AttemptBounds,
): Promise<Response> {
  const deadline = new AbortController();
  const timeout = new TimeoutError({ ...bounds, phase: 'headers' });
  const timer = setTimeout(() => deadline.abort(timeout), bounds.timeoutMs);
  const signal = AbortSignal.any([request.signal, deadline.signal]);
  const stop = aborted(signal);
  let phase: 'headers' | 'body' = 'headers';
  try {
    const response = await Promise.race([
      fetchImpl(new Request(request, { signal })),
      stop.promise,
    ]);
    phase = 'body';
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > bounds.maxBytes && !response.headers.has('content-encoding')) {
      response.body?.cancel().catch(() => {});
      throw new MalformedResponseError({
        method: bounds.method,
        url: bounds.url,
        reason: `a body of ${declared} bytes, over the ${bounds.maxBytes}-byte limit (maxResponseBytes)`,
      });
    }
    const body =
      response.body && !NULL_BODY.has(response.status)
        ? await readAll(response.body, bounds, stop.promise)
        : null;
    return new Response(body as Uint8Array<ArrayBuffer> | null, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } catch (error) {
    if (deadline.signal.aborted && !request.signal.aborted)
      throw new TimeoutError({ ...bounds, phase });
    throw error;
  } finally {
    clearTimeout(timer);
    stop.dispose();
  }
}
