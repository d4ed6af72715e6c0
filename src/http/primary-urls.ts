import type { Category } from '../categories.js';
import { routeUrl } from './route-url.js';
import { METADATA_ROUTES, ROOT_ROUTES, V1_ROUTES, V2_ROUTES } from './routes.js';

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
    v2Category: (category) => routeUrl(base, V2_ROUTES.getCategory, { category }),
    v1Category: (category) => routeUrl(base, V1_ROUTES.getCategory, { category }),
    v2Model: (category, name) => routeUrl(base, V2_ROUTES.getModel, { category, name }),
    metadataLastUpdated: (version = 'v2') =>
      routeUrl(base, METADATA_ROUTES.lastUpdated, { version }),
    metadataAll: (version = 'v2') => routeUrl(base, METADATA_ROUTES.all, { version }),
    v2Pending: (category) => routeUrl(base, V2_ROUTES.pending, { category }),
    replicateMode: () => routeUrl(base, ROOT_ROUTES.replicateMode),
  };
}
