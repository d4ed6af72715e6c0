import { unref } from './unref.js';

/**
 * Waits `ms`, or rejects with the signal's reason as soon as it aborts. A `background` wait is
 * unref'd: it does not keep a Node process alive on its own (background work must never hold a
 * script open).
 */
export function delay(ms: number, signal?: AbortSignal, background = false): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (background) unref(timer);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
