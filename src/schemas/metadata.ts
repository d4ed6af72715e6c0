import * as z from 'zod/mini';
import { dictionary } from './dictionary.js';
import { nullableString, type Schema } from './shared.js';

/** The PRIMARY's change metadata of one category (`/model_references/v2/metadata/...`). */
export interface CategoryMetadata {
  category: string;
  /** Unix seconds of the last write (or of lazy initialisation; see the README). */
  last_updated: number;
  last_operation_type?: 'create' | 'update' | 'delete' | (string & {}) | null | undefined;
  last_operation_model?: string | null | undefined;
  total_creates: number;
  total_updates: number;
  total_deletes: number;
  /** Never maintained by the server (always 0). */
  total_models?: number | undefined;
  initialization_time?: number | null | undefined;
  last_successful_operation?: number | null | undefined;
  error_count?: number | undefined;
  metadata_schema_version?: string | undefined;
  backend_type?: string | undefined;
}

const count = z._default(z.number(), 0);

/** Schema of {@link CategoryMetadata}. */
export const categoryMetadataSchema: Schema<CategoryMetadata> = z.looseObject({
  category: z.string(),
  last_updated: z.number(),
  last_operation_type: z.optional(nullableString),
  last_operation_model: z.optional(nullableString),
  total_creates: count,
  total_updates: count,
  total_deletes: count,
  total_models: z.optional(z.number()),
  initialization_time: z.optional(z.nullable(z.number())),
  last_successful_operation: z.optional(z.nullable(z.number())),
  error_count: z.optional(z.number()),
  metadata_schema_version: z.optional(z.string()),
  backend_type: z.optional(z.string()),
});

/** Schema of `GET .../metadata/metadata`: every category's metadata. */
export const allMetadataSchema: Schema<Record<string, CategoryMetadata>> =
  dictionary(categoryMetadataSchema);

/** Schema of `GET .../metadata/last_updated`. */
export const lastUpdatedSchema: Schema<{ last_updated: number | null }> = z.looseObject({
  last_updated: z.nullable(z.number()),
});
