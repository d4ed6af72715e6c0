import type { KyInstance } from 'ky';
import type { ModelReferenceManagerOptions } from '../manager/options.js';
import type { SourceId } from '../records/category-result.js';
import { githubSource } from './github-source.js';
import { v1Source, v2Source } from './primary-sources.js';
import type { CategorySource } from './source.js';

/** The default order of the fallback chain. */
export const DEFAULT_SOURCE_ORDER: readonly SourceId[] = ['v2', 'v1', 'github'];

/**
 * The sources of a manager's chain, in the configured order. A source whose host is switched off
 * (`primaryUrl: null`, `github: false`) is left out rather than failing every read.
 */
export function configuredSources(
  options: ModelReferenceManagerOptions,
  http: KyInstance,
  primaryUrl: string | null,
  now: () => number,
): CategorySource[] {
  const available: Partial<Record<SourceId, CategorySource>> = {
    ...(primaryUrl
      ? { v2: v2Source(http, primaryUrl, now), v1: v1Source(http, primaryUrl, now) }
      : {}),
    ...(options.github === false ? {} : { github: githubSource(http, options.github ?? {}, now) }),
  };
  return (options.sources ?? DEFAULT_SOURCE_ORDER).flatMap((id) => available[id] ?? []);
}
