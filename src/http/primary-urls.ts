import type { Category } from '../categories.js';
import { routeUrl } from './route-url.js';
import {
  ALL_METADATA_ROUTE,
  LAST_UPDATED_ROUTE,
  REPLICATE_MODE_ROUTE,
  V1_CATEGORY_ROUTE,
  V2_CATEGORY_ROUTE,
  V2_MODEL_ROUTE,
  V2_PENDING_ROUTE,
} from './routes.js';

/** The URLs of the PRIMARY routes the manager reads, all derived from the one route table. */
export interface PrimaryUrls {
  readonly base: string;
  /** `GET .../v2/{category}`. */
  v2Category(category: Category): string;
  /** `GET .../v1/{category}`. */
  v1Category(category: Category): string;
  /** `GET .../v2/{category}/model/{name}`, the name URL-encoded. */
  v2Model(category: Category, name: string): string;
  /** `GET .../{version}/metadata/last_updated`: one tiny answer for all categories. */
  metadataLastUpdated(version?: 'v1' | 'v2'): string;
  /** `GET .../{version}/metadata/metadata`: every category's metadata in one request. */
  metadataAll(version?: 'v1' | 'v2'): string;
  /** `GET .../v2/{category}/pending`. */
  v2Pending(category: Category): string;
  /** `GET /replicate_mode`: PRIMARY or REPLICA, and the canonical format. */
  replicateMode(): string;
}

/**
 * Builds the PRIMARY's URLs from its base (with `/api`; a trailing slash is dropped).
 *
 * @example
 * ```ts
 * primaryUrls('https://models.aihorde.net/api').v2Category('clip');
 * // 'https://models.aihorde.net/api/model_references/v2/clip'
 * ```
 */
export function primaryUrls(primaryUrl: string): PrimaryUrls {
  const base = primaryUrl.replace(/\/+$/, '');
  return {
    base,
    v2Category: (category) => routeUrl(base, V2_CATEGORY_ROUTE, { category }),
    v1Category: (category) => routeUrl(base, V1_CATEGORY_ROUTE, { category }),
    v2Model: (category, name) => routeUrl(base, V2_MODEL_ROUTE, { category, name }),
    metadataLastUpdated: (version = 'v2') => routeUrl(base, LAST_UPDATED_ROUTE, { version }),
    metadataAll: (version = 'v2') => routeUrl(base, ALL_METADATA_ROUTE, { version }),
    v2Pending: (category) => routeUrl(base, V2_PENDING_ROUTE, { category }),
    replicateMode: () => routeUrl(base, REPLICATE_MODE_ROUTE),
  };
}
