// One fetch of one provider, loaded on demand by the registry (provider-registry.ts): most
// managers never read a provider, so a bundle keeps this in a chunk of its own. A chunk that
// cannot load fails the read as any provider failure does: an `error` layer, canonical reads
// untouched.
import type { Category } from '../categories.js';
import { SuspectAnswerError } from '../errors/suspect-answer-error.js';
import { markSource } from '../records/provenance.js';
import { suspectReason } from '../records/suspect-answer.js';
import { issueMessagesReady, lazyFieldIssue } from '../schemas/lazy-issues.js';
import { validateCategoryRecords } from '../schemas/record-validation.js';
import type { ModelProvider } from './model-provider.js';
import type { ProviderAnswer, RegistryContext } from './provider-registry.js';

/**
 * Asks `provider` for `category` within its timeout, validates the answer record by record and
 * refuses one that would gut what it gave before (`previous`), as the canonical chain does.
 *
 * @throws what the provider throws, an `Error` at its timeout, the abort reason of `flight` or of
 * the manager's close, or {@link SuspectAnswerError}.
 */
export async function fetchFromProvider(
  context: RegistryContext,
  provider: ModelProvider,
  category: Category,
  previous: ProviderAnswer | undefined,
  flight: AbortSignal,
): Promise<ProviderAnswer> {
  const timeoutMs = provider.timeoutMs ?? context.timeoutMs;
  const signal = AbortSignal.any([flight, context.closed, AbortSignal.timeout(timeoutMs)]);
  const raw = await Promise.race([
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
  const { records, issues } = validateCategoryRecords(category, raw, lazyFieldIssue);
  // The canonical chain's rule: an answer that would gut what the provider gave before is not
  // taken; its last answer stays, and the read reports the reason.
  const suspect = context.suspect
    ? suspectReason(
        {
          held: previous ? Object.keys(previous.records) : [],
          answered: records,
          invalid: issues.length,
          confirmedRemovals: 0,
        },
        context.suspect,
      )
    : null;
  if (suspect) throw new SuspectAnswerError(`provider "${provider.id}"`, suspect);
  if (issues.length > 0) await issueMessagesReady();
  for (const issue of issues) context.events.emit('invalid-record', issue);
  Object.freeze(records);
  markSource(records, provider.id);
  return { records, fetchedAt: context.now() };
}

function timeoutError(id: string, timeoutMs: number, signal: AbortSignal): unknown {
  const reason = signal.reason as { name?: string } | undefined;
  return reason?.name === 'TimeoutError'
    ? new Error(`provider "${id}" gave no answer within ${timeoutMs} ms`)
    : signal.reason;
}
