import type { ManagerEvents } from '../events.js';
import { LOG_PREFIX, type Logger } from '../http/observe.js';

/** The events a manager writes to its `logger`. */
export type LoggedEvent = 'fallback' | 'stale' | 'invalid-record' | 'error';

/**
 * Writes one of a manager's events to its `logger`: `fallback` at `info`; `stale` and
 * `invalid-record` at `warn`; `error` at `error`. The messages are the SDK's own, whose URLs and
 * reasons never carry the API key. Loaded on demand, only by a manager given a logger.
 */
export function logEvent<E extends LoggedEvent>(
  logger: Logger,
  event: E,
  payload: ManagerEvents[E],
): void {
  const p: unknown = payload;
  if (event === 'fallback') {
    const { category, origin, attempts } = p as ManagerEvents['fallback'];
    logger.info?.(
      `${LOG_PREFIX}${category} served by ${origin} after ${attempts.map((a) => `${a.origin} ${a.outcome} (${a.reason})`).join(', ')}`,
    );
  } else if (event === 'stale') {
    const { category, error } = p as ManagerEvents['stale'];
    logger.warn?.(`${LOG_PREFIX}${category} served last-known-good data: ${error.message}`);
  } else if (event === 'invalid-record') {
    const { category, key, issues } = p as ManagerEvents['invalid-record'];
    logger.warn?.(
      `${LOG_PREFIX}${category} record ${JSON.stringify(key)} skipped: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  } else {
    const { category, source, origin, error } = p as ManagerEvents['error'];
    logger.error?.(
      LOG_PREFIX +
        [category, source && `source ${source}`, origin, error.message].filter(Boolean).join(': '),
    );
  }
}
