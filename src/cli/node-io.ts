import type { CliIo } from './io.js';

/** {@link CliIo} for the real process, with a way to let go of the process again. */
export interface NodeIo extends CliIo {
  /** Removes the signal handlers `nodeIo()` installed (the pipe handler stays for late writes). */
  readonly release: () => void;
}

/**
 * The real process as {@link CliIo}: its stdout and stderr, whether stderr is a terminal, its
 * environment, and a signal aborted by the first SIGINT or SIGTERM, so `watch` can close the
 * manager (and finish writing the cache) instead of dying mid-write. A second signal exits at
 * once, for a user who does not want to wait.
 *
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2), nodeIo());
 * ```
 */
export function nodeIo(): NodeIo {
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
    stop.abort(new DOMException(`Stopped by ${signal}`, 'AbortError'));
  };
  // `horde-model-reference get image_generation | head` closes the pipe early: that is the
  // reader being done, not an error worth a stack trace.
  const onPipeError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.stdout.on('error', onPipeError);
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    isTTY: process.stderr.isTTY === true,
    env: process.env,
    signal: stop.signal,
    release: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
