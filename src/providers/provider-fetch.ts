// One request to one provider, loaded on demand by the registry (provider-registry.ts): most
// managers never read a provider, so a bundle keeps this in a chunk of its own. A chunk that
// cannot load fails the read as any provider failure does: an `error` layer, canonical reads
// untouched. It imports nothing from the core: what a chunk imports cuts the core's first load
// into more chunks (DEVELOPERS.md, Bundle budget); the registry validates the answer.
import type { Category } from '../categories.js';
import type { ModelProvider } from './model-provider.js';
import type { RegistryContext } from './provider-registry.js';

/**
 * Asks `provider` for `category` within its timeout: its raw answer, validated by the registry.
 *
 * @throws what the provider throws, an `Error` at its timeout, or the abort reason of `flight` or
 * of the manager's close.
 */
export function askProvider(
  context: RegistryContext,
  provider: ModelProvider,
  category: Category,
  flight: AbortSignal,
): Promise<unknown> {
  const timeoutMs = provider.timeoutMs ?? context.timeoutMs;
  const signal = AbortSignal.any([flight, context.closed, AbortSignal.timeout(timeoutMs)]);
  return Promise.race([
    provider.fetchCategory(category, {
      signal,
      primaryUrl: context.primaryUrl,
      fetch: context.fetch,
      observe: context.observe,
    }),
    // A provider that ignores its signal is still cut off at its timeout.
    new Promise<never>((_, reject) =>
      signal.addEventListener('abort', () => reject(timeoutError(provider.id, timeoutMs, signal)), {
        once: true,
      }),
    ),
  ]);
}

function timeoutError(id: string, timeoutMs: number, signal: AbortSignal): unknown {
  const reason = signal.reason as { name?: string } | undefined;
  return reason?.name === 'TimeoutError'
    ? new Error(`provider "${id}" gave no answer within ${timeoutMs} ms`)
    : signal.reason;
}
