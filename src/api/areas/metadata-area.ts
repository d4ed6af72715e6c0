import { assertCategory, type Category } from '../../categories.js';
import { METADATA_ROUTES } from '../../http/routes.js';
import {
  allMetadataSchema,
  type CategoryMetadata,
  categoryMetadataSchema,
} from '../../schemas/metadata.js';
import type { Call, VersionedCallOptions } from '../call.js';
import {
  type CategoryLastUpdatedResponse,
  categoryLastUpdatedSchema,
  type LastUpdatedResponse,
  lastUpdatedResponseSchema,
} from '../types/service.js';

const routes = METADATA_ROUTES;

/**
 * `client.metadata`: change tracking. Served by a PRIMARY only (a REPLICA answers 503);
 * `lastUpdated` also needs the deployment's canonical format to match `version`.
 */
export interface MetadataArea {
  /** The newest write over all categories (unix seconds, or `null`). */
  lastUpdated(options?: VersionedCallOptions): Promise<LastUpdatedResponse>;
  /** Every category's metadata in one request. Reading it initialises missing entries. */
  all(options?: VersionedCallOptions): Promise<Record<string, CategoryMetadata>>;
  /** One category's metadata (its change token and last operation). */
  category(category: Category, options?: VersionedCallOptions): Promise<CategoryMetadata>;
  /** When one category last changed (unix seconds, or `null`). */
  categoryLastUpdated(
    category: Category,
    options?: VersionedCallOptions,
  ): Promise<CategoryLastUpdatedResponse>;
}

/** Builds `client.metadata`. */
export function metadataArea(call: Call): MetadataArea {
  const o = (options?: VersionedCallOptions) => ({
    params: { version: options?.version ?? 'v2' },
    options,
  });
  const withCategory = (category: Category, options?: VersionedCallOptions) => ({
    params: { version: options?.version ?? 'v2', category: assertCategory(category) },
    options,
  });
  return {
    lastUpdated: (options) =>
      call(routes.lastUpdated, { ...o(options), schema: lastUpdatedResponseSchema }),
    all: (options) => call(routes.all, { ...o(options), schema: allMetadataSchema }),
    category: (category, options) =>
      call(routes.category, { ...withCategory(category, options), schema: categoryMetadataSchema }),
    categoryLastUpdated: (category, options) =>
      call(routes.categoryLastUpdated, {
        ...withCategory(category, options),
        schema: categoryLastUpdatedSchema,
      }),
  };
}
