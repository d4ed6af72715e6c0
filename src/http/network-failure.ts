import { ConnectionError } from '../errors/connection-error.js';
import { errorMessage } from '../util/to-error.js';

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

// The words for Node's error codes are a chunk of their own (node-error-reasons.ts): only Node,
// Bun and Deno give a failed fetch a code; a browser says "Failed to fetch" and never needs them.
let reasons: Readonly<Record<string, string>> | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads the words for `error`'s code, when it has one, before it is described. Never rejects:
 * without them (a chunk that could not load), a coded failure is worded generically, with its code.
 */
export function loadCodeReasons(error: unknown): Promise<void> {
  if (codeOf(error) === undefined) return Promise.resolve();
  loading ??= import('./node-error-reasons.js').then(
    (module) => {
      reasons = module.NODE_ERROR_REASONS;
    },
    () => undefined,
  );
  return loading;
}

const BROWSER_HINT =
  'In a browser this usually means CORS: the server must allow this page’s origin (or the host is down)';

/**
 * The failure of a request that got no HTTP answer, in plain words with the host: what fetch
 * reports as `TypeError: fetch failed` (Node) or `Failed to fetch` (browsers), with its cause.
 * `scrub` removes secrets (the API key) from any text taken from the underlying error. A coded
 * failure is worded by code once {@link loadCodeReasons} has loaded the words.
 */
export function connectionFailure(
  error: unknown,
  init: { method: string; url: string; host: string; redirectRefused: boolean },
  scrub: (text: string) => string,
): ConnectionError {
  const code = codeOf(error);
  const message = errorMessage(error);
  const causeMessage = String((error as { cause?: { message?: unknown } }).cause?.message ?? '');
  let reason: string;
  let hint: string | undefined;
  const known = code === undefined ? undefined : reasons?.[code];
  if (known) reason = known.replace('{host}', init.host);
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
