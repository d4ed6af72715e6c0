import type { Logger } from '../http/observe.js';
import type { CliIo } from './io.js';
import { terminalText } from './terminal-text.js';

/** The environment variable that turns debug output on (any value but empty, `0` or `false`). */
export const DEBUG_VARIABLE = 'HORDE_MODEL_REFERENCE_DEBUG';

/** Whether `$HORDE_MODEL_REFERENCE_DEBUG` asks for debug output. */
export function debugRequested(env: CliIo['env']): boolean {
  const value = env[DEBUG_VARIABLE]?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/**
 * The manager's `logger` for debug output: every line on stderr, after its level (`debug`,
 * `info`, `warn`, `error`), control characters escaped (server text and record names pass
 * through it). The manager's lines never carry the API key nor URL credentials.
 */
export function stderrLogger(io: CliIo): Logger {
  const level =
    (name: string) =>
    (message: string): void =>
      io.stderr(`${name} ${terminalText(message)}\n`);
  return { debug: level('debug'), info: level('info'), warn: level('warn'), error: level('error') };
}
