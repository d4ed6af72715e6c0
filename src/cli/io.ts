/** Where the CLI writes and what it knows of its environment; injectable for tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress is shown only then). */
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Stops the run: `watch` ends cleanly (exit 0), any other command is interrupted (exit 130).
   * {@link nodeIo} wires it to SIGINT and SIGTERM.
   */
  readonly signal?: AbortSignal | undefined;
}

/** What `--json` says of a {@link CliError} besides its message. */
export interface CliErrorDetails {
  /** Stable code, e.g. `UNKNOWN_COMMAND`; `USAGE` (exit 2) or `FAILED` (exit 1) by default. */
  readonly code?: string;
  /** The closest valid names, for an unknown command, option or action. */
  readonly closest?: readonly string[];
}

/** A failure the CLI reports with its own exit code and message (no stack trace). */
export class CliError extends Error {
  override readonly name = 'CliError';
  /** The process exit code this failure ends the run with. */
  readonly exitCode: number;
  /** Stable code for `--json`: `USAGE`, `FAILED`, or a more precise one. */
  readonly code: string;
  /** The closest valid names, when the mistake was a name (empty otherwise). */
  readonly closest: readonly string[];

  constructor(message: string, exitCode: number, details: CliErrorDetails = {}) {
    super(message);
    this.exitCode = exitCode;
    this.code = details.code ?? (exitCode === 2 ? 'USAGE' : 'FAILED');
    this.closest = details.closest ?? [];
  }
}

/**
 * Exit codes: 0 success; 1 the work failed (no source answered, model not found, unreadable
 * file); 2 bad usage (unknown command, option or category, bad search parameter); 130 stopped
 * by Ctrl-C before a one-shot command finished (the shell's 128 + SIGINT).
 */
export const EXIT: {
  readonly ok: 0;
  readonly failure: 1;
  readonly usage: 2;
  readonly interrupted: 130;
} = { ok: 0, failure: 1, usage: 2, interrupted: 130 };
