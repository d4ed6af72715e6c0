import type { ManagerEvents } from '../events.js';
import { LOG_PREFIX, type Logger } from '../http/observe.js';
import type { Emitter } from '../util/emitter.js';

/**
 * Writes a manager's events to its `logger`: `fallback` at `info`; `stale` and `invalid-record`
 * at `warn`; `error` at `error`. The messages are the SDK's own, whose URLs and reasons never
 * carry the API key.
 */
export function logEvents(events: Emitter<ManagerEvents>, logger: Logger): void {
  const line = (text: string) => LOG_PREFIX + text;
  events.on('fallback', ({ category, origin, attempts }) =>
    logger.info?.(
      line(
        `${category} served by ${origin} after ${attempts.map((a) => `${a.origin} ${a.outcome} (${a.reason})`).join(', ')}`,
      ),
    ),
  );
  events.on('stale', ({ category, error }) =>
    logger.warn?.(line(`${category} served last-known-good data: ${error.message}`)),
  );
  events.on('invalid-record', ({ category, key, issues }) =>
    logger.warn?.(
      line(
        `${category} record ${JSON.stringify(key)} skipped: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      ),
    ),
  );
  events.on('error', ({ category, source, origin, error }) =>
    logger.error?.(
      line(
        `${[category, source && `source ${source}`, origin, error.message].filter(Boolean).join(': ')}`,
      ),
    ),
  );
}
