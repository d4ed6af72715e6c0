import { isSourceUnavailableError } from '../errors/source-unavailable-error.js';
import type { HttpHooks, HttpRequestInfo } from '../http/observe.js';
import type { ModelReferenceManager } from '../manager/model-reference-manager.js';
import { attemptsInline } from './describe-error.js';
import type { CliIo } from './io.js';
import { terminalText } from './terminal-text.js';

/** Writes one debug line. */
export type DebugLog = (text: string) => void;

/**
 * `--debug` (or `$HORDE_MODEL_REFERENCE_DEBUG`): lines on stderr, `debug +<ms> <text>`, the time
 * since the run started, control characters escaped.
 */
export function debugLog(io: CliIo, started: number = Date.now()): DebugLog {
  return (text) => io.stderr(`debug +${Date.now() - started}ms ${terminalText(text)}\n`);
}

// Query parameters whose values are never shown, whatever URL they are on.
const SECRET_PARAM = /key|token|secret|password|auth|sig|credential/i;

/**
 * `url` as debug output may show it: no user name or password, and the values of query
 * parameters that look like secrets replaced by `***`. The manager sends the API key in a header
 * (never shown here), so its URLs have none; this is for the URLs it does not control.
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(an unparsable URL)';
  }
  parsed.username = '';
  parsed.password = '';
  for (const name of [...parsed.searchParams.keys()])
    if (SECRET_PARAM.test(name)) parsed.searchParams.set(name, '***');
  return parsed.href;
}

/** Where the CLI points the manager, to name what each request is for. */
export interface DebugTargets {
  readonly primaryUrl: string | null;
  readonly githubRawUrl: string | null;
}

/**
 * What a request is for: `v2`, `v1` (the PRIMARY's reference routes), `PRIMARY` (its other
 * routes), `github`, or `other`.
 */
function routeOf(url: string, targets: DebugTargets, other: string): string {
  const { primaryUrl, githubRawUrl } = targets;
  if (primaryUrl && url.startsWith(primaryUrl.replace(/\/+$/, ''))) {
    const version = /\/model_references\/(v\d)\//.exec(url)?.[1];
    return version ?? 'PRIMARY';
  }
  if (githubRawUrl && url.startsWith(githubRawUrl.replace(/\/+$/, ''))) return 'github';
  return other;
}

/** Why a fetch failed, in a few words: the cause's code (`ECONNREFUSED`) or the message. */
function failure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return `${error.name}`;
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? `${error.message} (${code})` : error.message;
}

/**
 * A `fetch` that writes each request to `log`: what it is for (`other` when it is for neither the
 * PRIMARY nor GitHub), the method and the URL (redacted) when it starts; the status, or why it
 * failed, and the time to the headers when it ends. Headers are never written: keys and tokens
 * travel in them.
 */
export function loggingFetch(
  log: DebugLog,
  targets: DebugTargets,
  other = 'request',
): typeof fetch {
  return async (input, init) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const what = `${routeOf(href, targets, other)} ${method} ${redactUrl(href)}`;
    log(`${what} …`);
    const started = performance.now();
    const took = () => `${Math.round(performance.now() - started)} ms`;
    try {
      const response = await globalThis.fetch(input, init);
      log(`${what} → HTTP ${response.status} in ${took()}`);
      return response;
    } catch (error) {
      log(`${what} → failed after ${took()}: ${failure(error)}`);
      throw error;
    }
  };
}

/**
 * The manager's side of `--debug`: its request `hooks` (the one transport's, so every read,
 * provider request and change check is seen with what it is for) write each attempt to `log`
 * when it starts (a hang shows) and when it ends, with its status or why it failed, and each
 * retry with its wait. The URLs come without credentials and the key travels in a header, so
 * neither is ever written. The manager's events are written by {@link logManagerEvents}.
 */
export function debugManagerOptions(
  log: DebugLog,
  targets: DebugTargets,
): { readonly hooks: HttpHooks } {
  const what = ({ method, url, origin, attempt }: HttpRequestInfo) =>
    `${origin ?? routeOf(url, targets, 'request')} ${method} ${redactUrl(url)}${attempt > 1 ? ` (attempt ${attempt})` : ''}`;
  return {
    hooks: {
      request: (info) => log(`${what(info)} …`),
      response: (info) =>
        log(
          info.status === null
            ? `${what(info)} → failed after ${Math.round(info.durationMs)} ms: ${info.error?.message ?? 'no answer'}`
            : `${what(info)} → HTTP ${info.status} in ${Math.round(info.durationMs)} ms`,
        ),
      retry: (info) =>
        log(
          `retrying ${what(info)} in ${Math.round(info.delayMs)} ms, after ${info.status === null ? 'a dropped connection' : `HTTP ${info.status}`}`,
        ),
    },
  };
}

/** Writes the manager's `fallback`, `stale`, `error` and `invalid-record` events to `log`. */
export function logManagerEvents(refs: ModelReferenceManager, log: DebugLog): void {
  refs.on('fallback', ({ category, origin, attempts }) =>
    log(`event fallback: ${category} served by ${origin} after ${attemptsInline(attempts)}`),
  );
  refs.on('stale', ({ category, since, error }) => {
    const why = isSourceUnavailableError(error) ? attemptsInline(error.attempts) : error.message;
    log(`event stale: ${category} last-known-good since ${new Date(since).toISOString()}: ${why}`);
  });
  refs.on('error', ({ category, source, origin, error }) => {
    const where = [category, source && `source ${source}`, origin].filter(Boolean).join(', ');
    log(`event error${where ? ` (${where})` : ''}: ${error.name}: ${error.message}`);
  });
  refs.on('invalid-record', ({ category, key, issues }) =>
    log(
      `event invalid-record: ${category} ${JSON.stringify(key)} skipped: ${issues
        .map((i) => `${i.path} ${i.message}`)
        .join('; ')}`,
    ),
  );
}
