import type { CliIo } from './io.js';

/** One line of progress at the bottom of a terminal, redrawn in place. */
export interface StatusLine {
  /** Shows `text` (already escaped) in place of what the line showed. */
  readonly show: (text: string) => void;
  /** Erases the line. */
  readonly clear: () => void;
}

/**
 * A progress line on stderr when it is a terminal, and `io` with a stderr that steps around it:
 * a note or warning written while the line is shown erases it first and draws it again after,
 * so messages never land in the middle of the progress text. Not a terminal: the line shows
 * nothing, and `io` is returned as it is.
 */
export function statusLine(io: CliIo): { readonly io: CliIo; readonly line: StatusLine } {
  if (!io.isTTY) return { io, line: { show: () => {}, clear: () => {} } };
  let shown: string | null = null;
  const line: StatusLine = {
    show: (text) => {
      shown = text;
      io.stderr(`\r${text}\u001b[K`);
    },
    clear: () => {
      if (shown === null) return;
      shown = null;
      io.stderr('\r\u001b[K');
    },
  };
  const stderr = (text: string) => {
    if (shown === null) return io.stderr(text);
    const again = shown;
    io.stderr(`\r\u001b[K${text}`);
    // Drawn again only below a finished line; a partial one is left to its writer.
    if (text.endsWith('\n')) io.stderr(again);
  };
  return { io: { ...io, stderr }, line };
}

const FRAMES = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏';

/**
 * Shows `label` with a spinner and, after a second, the seconds spent, until `work` settles;
 * then erases it. For the commands that read one category, which can wait on a slow origin for
 * as long as the timeout before falling back.
 */
export async function withProgress<T>(
  line: StatusLine,
  label: string,
  work: () => Promise<T>,
): Promise<T> {
  const started = Date.now();
  let frame = 0;
  const draw = () => {
    const seconds = Math.floor((Date.now() - started) / 1000);
    line.show(`${FRAMES[frame++ % FRAMES.length]} ${label}${seconds >= 1 ? ` ${seconds}s` : ''}`);
  };
  draw();
  const timer = setInterval(draw, 100);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    line.clear();
  }
}
