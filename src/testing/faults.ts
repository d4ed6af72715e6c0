import { describeValue } from '../errors/describe-value.js';
import { didYouMean } from '../errors/did-you-mean.js';
import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import { closestMatches } from '../util/closest-matches.js';

/** A way for a route family of the stand-in to misbehave. */
export type FaultMode =
  | 'ok'
  /** 404 with a JSON detail. */
  | 'not-found'
  /** A 4xx other than 404 (`status`, default 400). */
  | 'client-error'
  /** A 5xx (`status`, default 500) with a `text/plain` body, optionally with `Retry-After`. */
  | 'server-error'
  /** 200 with an HTML page, like a captive portal or proxy. */
  | 'html'
  /** 200 whose body is not JSON. */
  | 'non-json'
  /** 200 with the first half of the real body. */
  | 'truncated'
  /** 200 with one record broken (its `name` made a number), the others intact. */
  | 'invalid-records'
  /** 200 with every record broken (a type change on the server), names kept. */
  | 'all-invalid'
  /** 200 with `{}`: what the real server answers for a category it has no data for. */
  | 'empty'
  /** 200 with `{"detail":"Internal Server Error"}`: an error object with a success status. */
  | 'error-body'
  /** Accepts the request and never answers, until the request is aborted. */
  | 'hang'
  /** Refuses the connection: a network error, no HTTP answer. */
  | 'refuse'
  /** Answers normally after `delayMs`. */
  | 'slow'
  /**
   * Takes the answer at once and delivers it after `delayMs`: the data is as it was when the
   * request arrived (a slow network), so a later write may overtake it.
   */
  | 'late';

/** A fault and its parameters. */
export interface Fault {
  readonly mode: FaultMode;
  /** Status for `client-error` / `server-error`. */
  readonly status?: number;
  /** `Retry-After` seconds for `server-error`. */
  readonly retryAfter?: number;
  /** Delay for `slow` and `late`, in milliseconds. @default 1_000 */
  readonly delayMs?: number;
}

/** The route families a fault can be set on. */
export type RouteFamily =
  | 'v2'
  | 'v1'
  | 'model'
  | 'metadata'
  | 'pending'
  | 'github'
  | 'other'
  /** 8.x stand-ins only: `/v2/licensing/...`. */
  | 'licensing'
  /** 8.x stand-ins only: `/v2/text_generation/guidance/...`. */
  | 'text-guidance'
  /** 8.x stand-ins only: `/v2/image_generation/baselines/...`. */
  | 'baselines';

// Every mode and family once, so a name given at run time (a test, a demo's control pipe) is
// checked against the type: an unknown one would otherwise answer nothing at all.
const MODES: Readonly<Record<FaultMode, true>> = {
  ok: true,
  'not-found': true,
  'client-error': true,
  'server-error': true,
  html: true,
  'non-json': true,
  truncated: true,
  'invalid-records': true,
  'all-invalid': true,
  empty: true,
  'error-body': true,
  hang: true,
  refuse: true,
  slow: true,
  late: true,
};
const FAMILIES: Readonly<Record<RouteFamily | 'primary', true>> = {
  primary: true,
  v2: true,
  v1: true,
  model: true,
  metadata: true,
  pending: true,
  github: true,
  other: true,
  licensing: true,
  'text-guidance': true,
  baselines: true,
};

/**
 * Checks a fault set at run time.
 *
 * @throws {InvalidOptionsError} naming the allowed values when `family` or `mode` is unknown.
 */
export function checkFault(family: unknown, mode: unknown): void {
  const check = (name: string, value: unknown, allowed: Readonly<Record<string, true>>) => {
    if (typeof value === 'string' && Object.hasOwn(allowed, value)) return;
    const names = Object.keys(allowed);
    throw new InvalidOptionsError(
      name,
      `${describeValue(value)} is not one of ${names.join(', ')}${didYouMean(
        closestMatches(String(value), names),
      )}`,
    );
  };
  check('family', family, FAMILIES);
  check('mode', mode, MODES);
}

/** Marks an answer that must be a network error (refused connection), not an HTTP response. */
export const REFUSED: unique symbol = Symbol('refused');

/** What a route answers: a Response, or a refused connection. */
export type StandInAnswer = Response | typeof REFUSED;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * Applies `fault` to a request whose normal answer `answer()` would give.
 * `hang` resolves only by rejecting with the request's abort reason.
 */
export async function withFault(
  fault: Fault,
  signal: AbortSignal,
  answer: () => StandInAnswer,
): Promise<StandInAnswer> {
  switch (fault.mode) {
    case 'ok':
      return answer();
    case 'not-found':
      return json({ detail: 'Not Found' }, 404);
    case 'client-error':
      return json({ detail: 'Bad request' }, fault.status ?? 400);
    case 'server-error':
      return new Response('Internal Server Error', {
        status: fault.status ?? 500,
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          ...(fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) }),
        },
      });
    case 'html':
      return new Response(
        '<!doctype html><html><body><h1>Sign in to the Wi-Fi</h1></body></html>',
        {
          status: 200,
          headers: { 'content-type': 'text/html' },
        },
      );
    case 'non-json':
      return new Response('this is not json', {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    case 'truncated': {
      const normal = answer();
      if (normal === REFUSED) return normal;
      const text = await normal.text();
      return new Response(text.slice(0, Math.floor(text.length / 2)), {
        status: 200,
        headers: normal.headers,
      });
    }
    case 'invalid-records': {
      const normal = answer();
      if (normal === REFUSED) return normal;
      const data = (await normal.json()) as Record<string, Record<string, unknown>>;
      const first = Object.keys(data)[0];
      if (first !== undefined) data[first] = { ...data[first], name: 42 };
      return json(data);
    }
    case 'all-invalid': {
      const normal = answer();
      if (normal === REFUSED) return normal;
      const data = (await normal.json()) as Record<string, Record<string, unknown>>;
      for (const key of Object.keys(data)) data[key] = { ...data[key], config: 'not an object' };
      return json(data);
    }
    case 'empty':
      return json({});
    case 'error-body':
      return json({ detail: 'Internal Server Error' });
    case 'hang':
      await sleep(2 ** 31 - 1, signal);
      return answer();
    case 'refuse':
      return REFUSED;
    case 'slow':
      await sleep(fault.delayMs ?? 1_000, signal);
      return answer();
    case 'late': {
      const taken = answer();
      await sleep(fault.delayMs ?? 1_000, signal);
      return taken;
    }
  }
}
