import { ConnectionError } from '../errors/connection-error.js';

// Connection errors that mean "nobody is there": retrying them within milliseconds only delays
// the fallback. Resets and dropped sockets are still retried.
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** The `code` of the first error in a cause chain that has one (`ECONNRESET`, ...). */
function codeOf(error: unknown): string | undefined {
  for (let cause = error, depth = 0; cause && depth < 8; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Whether a failed request is worth retrying at once (a reset is; a refused connection is not). */
export function isRetryableNetworkError(error: unknown): boolean {
  const code = codeOf(error);
  return code === undefined || !UNREACHABLE.has(code);
}

/** Node/undici error codes, in plain words. `{host}` is filled in. */
const REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused by {host}',
  ECONNRESET: 'connection reset by {host}',
  EPIPE: 'connection closed by {host} while sending',
  ENOTFOUND: 'DNS lookup of {host} failed (no such host)',
  EAI_AGAIN: 'DNS lookup of {host} failed (temporary failure; try again)',
  EHOSTUNREACH: '{host} is unreachable (no route to host)',
  ENETUNREACH: 'the network is unreachable (while connecting to {host})',
  ETIMEDOUT: 'connecting to {host} timed out',
  UND_ERR_SOCKET: 'connection to {host} closed unexpectedly',
  UND_ERR_CONNECT_TIMEOUT: 'connecting to {host} timed out',
  UND_ERR_HEADERS_OVERFLOW: '{host} sent headers that are too large',
  CERT_HAS_EXPIRED: 'the TLS certificate of {host} has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the TLS certificate of {host} is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'the TLS certificate chain of {host} is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the TLS certificate of {host} cannot be verified',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the TLS certificate does not match {host}',
};

const BROWSER_HINT =
  'In a browser this usually means CORS: the server must allow this page’s origin (or the host is down)';

/**
 * The failure of a request that got no HTTP answer, in plain words with the host: what fetch
 * reports as `TypeError: fetch failed` (Node) or `Failed to fetch` (browsers), with its cause.
 * `scrub` removes secrets (the API key) from any text taken from the underlying error.
 */
export function connectionFailure(
  error: unknown,
  init: { method: string; url: string; host: string; redirectRefused: boolean },
  scrub: (text: string) => string,
): ConnectionError {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const causeMessage = String((error as { cause?: { message?: unknown } }).cause?.message ?? '');
  let reason: string;
  let hint: string | undefined;
  if (code && REASONS[code]) reason = (REASONS[code] as string).replace('{host}', init.host);
  else if (/redirect/i.test(`${message} ${causeMessage}`)) {
    reason = `${init.host} answered with a redirect, which is refused`;
    if (init.redirectRefused)
      hint =
        'Requests carrying the API key never follow redirects, so the key cannot leave the PRIMARY: use its final address as the base URL';
  } else if (/failed to fetch|networkerror|load failed/i.test(message)) {
    reason = `could not reach ${init.host}`;
    hint = BROWSER_HINT;
  } else {
    const detail = [code, causeMessage || message].filter(Boolean).join(': ');
    reason = `connection to ${init.host} failed (${scrub(detail)})`;
  }
  return new ConnectionError({
    method: init.method,
    url: init.url,
    host: init.host,
    reason,
    ...(hint ? { hint } : {}),
    cause: error,
  });
}
