/** Where the CLI writes and what it knows of its environment; injectable for tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress is shown only then). */
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Stops long-running commands (`watch`); the bin wires it to SIGINT and SIGTERM. */
  readonly signal?: AbortSignal | undefined;
}

/** A failure the CLI reports with its own exit code and message (no stack trace). */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** Exit codes: 0 success, 1 the work failed (no source answered, not found), 2 bad usage. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
