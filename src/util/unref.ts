/**
 * Lets the process exit while only `timer` is left (Node, Deno, Bun; a browser's timer id has no
 * `unref`): background work must never hold a script open. Returns the timer.
 */
export function unref<T>(timer: T): T {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}
