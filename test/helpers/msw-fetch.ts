// msw handlers behind an injected `fetch`: the same mocks in Node and in the browser, no worker
// or interceptor needed. Like a real fetch it rejects when its signal aborts; an unhandled
// request fails loudly.
import { getResponse, type RequestHandler } from 'msw';

export function mswFetch(handlers: RequestHandler[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const { signal } = request;
    signal.throwIfAborted();
    const aborted = new Promise<never>((_, reject) =>
      signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
    );
    const response = await Promise.race([getResponse(handlers, request), aborted]);
    if (!response) throw new Error(`unhandled request: ${request.method} ${request.url}`);
    return response;
  };
}
