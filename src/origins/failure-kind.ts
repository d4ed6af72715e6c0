import { isApiError } from '../errors/api-error.js';
import { isConnectionError } from '../errors/connection-error.js';
import {
  isMalformedResponseError,
  MalformedResponseError,
} from '../errors/malformed-response-error.js';
import {
  isModelReferenceError,
  type ModelReferenceError,
} from '../errors/model-reference-error.js';
import { isSuspectAnswerError } from '../errors/suspect-answer-error.js';
import { isTimeoutError } from '../errors/timeout-error.js';
import { errorMessage } from '../util/to-error.js';

/** Why one request to one origin gave no data, as the fallback chain and its breaker see it. */
export type FailureKind =
  /** 404: the origin does not have this category. */
  | 'not-found'
  /** Another 4xx, or a 5xx after retries. */
  | 'http'
  /** No complete answer within the deadline. */
  | 'timeout'
  /** Connection refused, reset, DNS, TLS, CORS: no HTTP answer at all. */
  | 'network'
  /** An answer that cannot be used: HTML, not JSON, wrong shape, too large. */
  | 'malformed';

/** The kind of a failure thrown by an origin's fetch. */
export function failureKind(error: ModelReferenceError): FailureKind {
  if (isApiError(error)) return error.status === 404 ? 'not-found' : 'http';
  if (isTimeoutError(error)) return 'timeout';
  if (isConnectionError(error)) return 'network';
  return 'malformed';
}

/** Whether the host itself failed, so every origin on it should cool down. */
export const isHostLevel = (kind: FailureKind): boolean => kind === 'timeout' || kind === 'network';

/**
 * A typed error for whatever an origin's fetch threw: our own errors as they are, anything else
 * (a converter or validator tripping over a hostile body) as an unusable answer of that origin.
 */
export function asOriginFailure(error: unknown, url: string): ModelReferenceError {
  if (isModelReferenceError(error)) return error;
  const reason = errorMessage(error);
  return new MalformedResponseError(
    { method: 'GET', url, reason: `data that could not be read (${reason})` },
    { cause: error },
  );
}

/**
 * What an origin's failure was, in a few words for `attempts` and `status()`: `HTTP 503`,
 * `connection refused by models.aihorde.net`, `no answer from ... within 10000 ms`,
 * `answered with an HTML page instead of data`. The whole story is the attempt's `cause`.
 */
export function failureReason(error: ModelReferenceError): string {
  if (isApiError(error)) return `HTTP ${error.status}`;
  if (isConnectionError(error)) return error.reason;
  if (isTimeoutError(error))
    return error.phase === 'headers'
      ? `no answer from ${error.host} within ${error.timeoutMs} ms`
      : `the answer from ${error.host} stalled past ${error.timeoutMs} ms`;
  if (isMalformedResponseError(error)) return `answered with ${error.reason}`;
  if (isSuspectAnswerError(error)) return `a suspect answer, not taken: ${error.reason}`;
  return error.message;
}
