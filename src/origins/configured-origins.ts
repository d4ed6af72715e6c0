import { originTransport, type Transport } from '../http/transport.js';
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
  // Each origin's requests carry its id, for the logger and hooks.
  const via = (origin: NetworkOrigin) => originTransport(transport, origin);
  const available: Partial<Record<NetworkOrigin, OriginReader>> = {
    ...(primaryUrl
      ? {
          v2: v2Origin(via('v2'), primaryUrl, now),
          v1: v1Origin(via('v1'), primaryUrl, now),
        }
      : {}),
    ...(github ? { github: githubOrigin(via('github'), github, now) } : {}),
  };
  return chain.flatMap((id) => available[id] ?? []);
}
