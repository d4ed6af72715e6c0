import type { Category } from '../categories.js';

/** URL builders for the PRIMARY routes the manager reads. Names are always URL-encoded. */
export interface PrimaryUrls {
  readonly base: string;
  /** `GET .../v2/{category}`. */
  v2Category(category: Category): string;
  /** `GET .../v1/{category}`. */
  v1Category(category: Category): string;
  /** `GET .../v2/{category}/model/{name}`, the name URL-encoded. */
  v2Model(category: Category, name: string): string;
  /** `GET .../v2/metadata/last_updated`: one tiny answer for all categories. */
  metadataLastUpdated(): string;
  /** `GET .../v2/metadata/metadata`: every category's metadata in one request. */
  metadataAll(): string;
  /** `GET .../v2/metadata/{category}`. */
  metadataCategory(category: Category): string;
  /** `GET .../v2/{category}/pending`. */
  v2Pending(category: Category): string;
}

/**
 * Builds the PRIMARY's URLs from its base (with `/api`, without a trailing slash: the server
 * redirects trailing slashes to a URL without `/api`).
 *
 * @example
 * ```ts
 * primaryUrls('https://models.aihorde.net/api').v2Category('clip');
 * // 'https://models.aihorde.net/api/model_references/v2/clip'
 * ```
 */
export function primaryUrls(primaryUrl: string): PrimaryUrls {
  const base = primaryUrl.replace(/\/+$/, '');
  const v2 = `${base}/model_references/v2`;
  return {
    base,
    v2Category: (category) => `${v2}/${category}`,
    v1Category: (category) => `${base}/model_references/v1/${category}`,
    v2Model: (category, name) => `${v2}/${category}/model/${encodeURIComponent(name)}`,
    metadataLastUpdated: () => `${v2}/metadata/last_updated`,
    metadataAll: () => `${v2}/metadata/metadata`,
    metadataCategory: (category) => `${v2}/metadata/${category}`,
    v2Pending: (category) => `${v2}/${category}/pending`,
  };
}
