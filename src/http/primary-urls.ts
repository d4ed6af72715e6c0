import type { Category } from '../categories.js';
import {
  ALL_METADATA_ROUTE,
  LAST_UPDATED_ROUTE,
  REPLICATE_MODE_ROUTE,
  V2_MODEL_ROUTE,
} from './change-routes.js';
import { routeUrl } from './route-url.js';

/**
 * The URLs of the PRIMARY routes change detection reads, all derived from the one route table.
 * Only code loaded on demand uses this: the fallback chain and the pending provider build their
 * URLs from category-routes.ts themselves, so the core's first load carries no other route.
 */
export interface PrimaryUrls {
  /** `GET .../v2/{category}/model/{name}`, the name URL-encoded. */
  v2Model(category: Category, name: string): string;
  /** `GET .../{version}/metadata/last_updated`: one tiny answer for all categories. */
  metadataLastUpdated(version?: 'v1' | 'v2'): string;
  /** `GET .../{version}/metadata/metadata`: every category's metadata in one request. */
  metadataAll(version?: 'v1' | 'v2'): string;
  /** `GET /replicate_mode`: PRIMARY or REPLICA, and the canonical format. */
  replicateMode(): string;
}

/**
 * Builds the PRIMARY's URLs from its base (with `/api`; a trailing slash is dropped).
 *
 * @example
 * ```ts
 * primaryUrls('https://models.aihorde.net/api').metadataLastUpdated();
 * // 'https://models.aihorde.net/api/model_references/v2/metadata/last_updated'
 * ```
 */
export function primaryUrls(primaryUrl: string): PrimaryUrls {
  const base = primaryUrl.replace(/\/+$/, '');
  return {
    v2Model: (category, name) => routeUrl(base, V2_MODEL_ROUTE, { category, name }),
    metadataLastUpdated: (version = 'v2') => routeUrl(base, LAST_UPDATED_ROUTE, { version }),
    metadataAll: (version = 'v2') => routeUrl(base, ALL_METADATA_ROUTE, { version }),
    replicateMode: () => routeUrl(base, REPLICATE_MODE_ROUTE),
  };
}
