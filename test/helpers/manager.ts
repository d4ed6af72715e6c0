// Isomorphic helpers: a manager wired to a stand-in PRIMARY through its injected fetch.
import { ModelReferenceManager, type ModelReferenceManagerOptions } from '../../src/index.js';
import { createStandInPrimary, type StandInPrimary } from '../../src/testing.js';

/** A fresh stand-in and a manager reading from it, with fast retries and a short timeout. */
export function setup(
  options: ModelReferenceManagerOptions = {},
  standIn: StandInPrimary = createStandInPrimary(),
): { refs: ModelReferenceManager; standIn: StandInPrimary } {
  const refs = new ModelReferenceManager({
    primaryUrl: standIn.primaryUrl,
    github: { rawBaseUrl: standIn.githubRawUrl },
    fetch: standIn.fetch,
    timeoutMs: 100,
    retry: { limit: 1, backoffLimitMs: 1, maxRetryAfterMs: 1 },
    ...options,
  });
  return { refs, standIn };
}
