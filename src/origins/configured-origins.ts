import type { Transport } from '../http/transport.js';
import type { NetworkOrigin } from '../records/category-result.js';
import { type GithubLocation, githubOrigin } from './github-origin.js';
import type { OriginReader } from './origin-reader.js';
import { v1Origin, v2Origin } from './primary-origins.js';

/** The default order of the fallback chain. */
export const DEFAULT_CHAIN: readonly NetworkOrigin[] = ['v2', 'v1', 'github'];

/**
 * The origins of a manager's chain, in the configured order. An origin whose host is switched off
 * (`primaryUrl: null`, `github: false`) is left out rather than failing every read.
 */
export function configuredOrigins(
  chain: readonly NetworkOrigin[],
  transport: Transport,
  github: GithubLocation | null,
  now: () => number,
): OriginReader[] {
  const { primaryUrl } = transport;
  const available: Partial<Record<NetworkOrigin, OriginReader>> = {
    ...(primaryUrl
      ? { v2: v2Origin(transport, primaryUrl, now), v1: v1Origin(transport, primaryUrl, now) }
      : {}),
    ...(github ? { github: githubOrigin(transport, github, now) } : {}),
  };
  return chain.flatMap((id) => available[id] ?? []);
}
