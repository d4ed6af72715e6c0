// Answers of the licensing routes (upstream `service/v2/routers/licensing.py` at c0fba994).
import * as z from 'zod/mini';
import type { LicensingSummary, PermissionCounts } from '../../query/licensing-summary.js';
import { dictionary } from '../../schemas/dictionary.js';
import {
  type LicenseDefinition,
  type LicensedAsset,
  type LicensingRecordMetadata,
  licenseDefinitionSchema,
  licensedAssetSchema,
  licensingRecordMetadataSchema,
} from '../../schemas/license-records.js';
import {
  type ModelLicensing,
  modelLicensingSchema,
  PERMISSION_STATUSES,
} from '../../schemas/licensing.js';
import type { Schema } from '../../schemas/shared.js';
import { maybe, num, str, strings } from './fields.js';

/** Revision of the licensing datasets (definitions and non-model assets). */
export interface LicensingDatasetMetadata {
  /** @default 1 */
  schema_version: number;
  revision: number;
  updated_at?: number | null | undefined;
}
/** Schema of {@link LicensingDatasetMetadata}. */
export const licensingDatasetMetadataSchema: Schema<LicensingDatasetMetadata> = z.looseObject({
  schema_version: z._default(num, 1),
  revision: num,
  updated_at: maybe(num),
});

/** A page of `GET .../licensing/licenses`. */
export interface LicenseDefinitionPage {
  items: LicenseDefinition[];
  total: number;
  offset: number;
  limit: number;
  metadata: LicensingDatasetMetadata;
}
/** Schema of {@link LicenseDefinitionPage}. */
export const licenseDefinitionPageSchema: Schema<LicenseDefinitionPage> = z.looseObject({
  items: z.array(licenseDefinitionSchema),
  total: num,
  offset: num,
  limit: num,
  metadata: licensingDatasetMetadataSchema,
});

/**
 * One licensed asset as the unified views show it: a model (`asset_kind: 'model'`,
 * `asset_identifier: '<category>:<name>'`) or a non-model asset.
 */
export interface LicensedAssetView {
  asset_kind: string;
  asset_identifier: string;
  display_name: string;
  category?: string | null | undefined;
  /** A model's first download URL. */
  source_url?: string | null | undefined;
  version?: string | null | undefined;
  locations: string[];
  related_assets: string[];
  licensing: ModelLicensing;
  /** License id → the relative API path of its definition. */
  definition_urls: Record<string, string>;
  notes?: string | null | undefined;
  metadata?: LicensingRecordMetadata | null | undefined;
}
/** Schema of {@link LicensedAssetView}. */
export const licensedAssetViewSchema: Schema<LicensedAssetView> = z.looseObject({
  asset_kind: str,
  asset_identifier: str,
  display_name: str,
  category: maybe(str),
  source_url: maybe(str),
  version: maybe(str),
  locations: z._default(strings, () => []),
  related_assets: z._default(strings, () => []),
  licensing: modelLicensingSchema,
  definition_urls: z._default(dictionary(str), () => ({})),
  notes: maybe(str),
  metadata: maybe(licensingRecordMetadataSchema),
});

/** A page of `GET .../licensing/assets`. */
export interface LicensedAssetPage {
  items: LicensedAssetView[];
  total: number;
  offset: number;
  limit: number;
  metadata: LicensingDatasetMetadata;
}
/** Schema of {@link LicensedAssetPage}. */
export const licensedAssetPageSchema: Schema<LicensedAssetPage> = z.looseObject({
  items: z.array(licensedAssetViewSchema),
  total: num,
  offset: num,
  limit: num,
  metadata: licensingDatasetMetadataSchema,
});

// The server fills every status (zeros included); the SDK checks the four known ones are there.
const counts: Schema<PermissionCounts> = z.pipe(
  dictionary(num),
  z.custom<PermissionCounts>(
    (value) =>
      PERMISSION_STATUSES.every(
        (status) => typeof (value as Record<string, unknown>)[status] === 'number',
      ),
    { error: `Expected a count for each of ${PERMISSION_STATUSES.join(', ')}` },
  ),
);

/** Schema of {@link LicensingSummary} (`GET .../licensing/summary`). */
export const licensingSummarySchema: Schema<LicensingSummary> = z.looseObject({
  total_assets: num,
  commercial_use: counts,
  redistribution: counts,
  licenses: dictionary(num),
});

/** `GET .../licensing/export`: everything, for offline use and report generation. */
export interface LicensingExport {
  schema_version: number;
  metadata: LicensingDatasetMetadata;
  licenses: LicenseDefinition[];
  assets: LicensedAssetView[];
  summary: LicensingSummary;
}
/** Schema of {@link LicensingExport}. */
export const licensingExportSchema: Schema<LicensingExport> = z.looseObject({
  schema_version: z._default(num, 1),
  metadata: licensingDatasetMetadataSchema,
  licenses: z.array(licenseDefinitionSchema),
  assets: z.array(licensedAssetViewSchema),
  summary: licensingSummarySchema,
});

/** Answer of the asset reads and writes. */
/** Answer of the definition reads and writes. */
export { type LicenseDefinition, type LicensedAsset, licenseDefinitionSchema, licensedAssetSchema };
