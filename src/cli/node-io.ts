import type { CliIo } from './io.js';

/** {@link CliIo} for the real process, with a way to let go of the process again. */
export interface NodeIo extends CliIo {
  /** Removes the signal handlers `nodeIo()` installed (the pipe handler stays for late writes). */
  readonly release: () => void;
}

/**
 * The real process as {@link CliIo}: its stdout and stderr, whether stderr is a terminal, its
 * environment, and a signal aborted by the first SIGINT or SIGTERM (or by the reader closing
 * stdout), so `watch` can close the manager (and finish writing the cache) instead of dying
 * mid-write. A second signal exits at once, for a user who does not want to wait.
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
  // `horde-model-reference get text_generation | head -1` closes the pipe early: that is the
  // reader being done, not an error worth a stack trace, and not a reason to die before the
  // cache is written. Writes to that stream stop; a `watch` ends as on Ctrl-C; the command
  // finishes and closes its manager (which waits for the cache writes), then the process exits
  // on its own. Should anything hold it open after that, it exits anyway after ten seconds.
  const gone = { stdout: false, stderr: false };
  const onPipeError = (stream: 'stdout' | 'stderr') => (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    if (gone[stream]) return;
    gone[stream] = true;
    if (stream === 'stdout' && !stop.signal.aborted)
      stop.abort(new DOMException('The reader closed stdout', 'AbortError'));
    setTimeout(() => process.exit(process.exitCode ?? 0), 10_000).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.stdout.on('error', onPipeError('stdout'));
  process.stderr.on('error', onPipeError('stderr'));
  return {
    stdout: (text) => {
      if (!gone.stdout) process.stdout.write(text);
    },
    stderr: (text) => {
      if (!gone.stderr) process.stderr.write(text);
    },
    isTTY: process.stderr.isTTY === true,
    env: process.env,
    signal: stop.signal,
    release: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
