import { CoordinatorUnavailableError } from '../errors/coordinator-unavailable-error.js';
import { isModelReferenceError } from '../errors/model-reference-error.js';

/**
 * Runs one coordinator operation with a deadline, and turns every failure that is not already
 * one of ours into a {@link CoordinatorUnavailableError} (the store's own errors can carry
 * details such as hosts; the message here names only the operation). The operation itself is
 * not cancelled: a late reply is dropped, but `answered` still hears of it (the store is slow,
 * not gone).
 */
export async function withDeadline<T>(
  coordinator: string,
  operation: string,
  timeoutMs: number,
  run: () => Promise<T>,
  answered?: () => void,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    const expire = () =>
      reject(
        new CoordinatorUnavailableError(coordinator, operation, `no answer within ${timeoutMs} ms`),
      );
    // Timers run before I/O: after this process was busy (validating a large category), a reply
    // that came in time may still be waiting in the socket. Let I/O run once before giving up.
    timer = setTimeout(() => afterIo(expire), timeoutMs);
  });
  try {
    const running = run();
    if (answered) running.then(answered, () => {});
    return await Promise.race([running, deadline]);
  } catch (error) {
    if (isModelReferenceError(error)) throw error;
    throw new CoordinatorUnavailableError(coordinator, operation, describe(error), {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `run` after the I/O already waiting has been handled (Node's check phase). */
export function afterIo(run: () => void): void {
  const immediate = (globalThis as { setImmediate?: (run: () => void) => unknown }).setImmediate;
  if (immediate) immediate(run);
  else setTimeout(run, 0);
}

/** A short reason without URLs (a connection string can carry a password). */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, '<url>').slice(0, 200);
}
