// License definitions and non-model licensed assets (upstream `licensing.py` at c0fba994): the
// records of the licensing routes, kept apart from the model records so a bundle that only reads
// models does not carry them.
import * as z from 'zod/mini';
import { integer } from './integer.js';
import {
  type LicenseAssignment,
  type LicenseObligation,
  licenseAssignmentSchema,
  type PermissionStatus,
} from './licensing.js';
import { nullableString, type Schema } from './shared.js';

// A refine rather than z.minLength: the check class it pulls in costs bytes for nothing else.
const nonEmpty: Schema<string> = z
  .string()
  .check(z.refine((s) => s.length > 0, 'must not be empty'));

const stringList = z._default(z.array(z.string()), () => []);

/** Lifecycle metadata of an independently edited licensing record. */
export interface LicensingRecordMetadata {
  /** @default 1 */
  revision: number;
  created_at?: number | null | undefined;
  created_by?: string | null | undefined;
  updated_at?: number | null | undefined;
  updated_by?: string | null | undefined;
}

/** Schema of {@link LicensingRecordMetadata}. */
export const licensingRecordMetadataSchema: Schema<LicensingRecordMetadata> = z.looseObject({
  revision: z._default(integer(1), 1),
  created_at: z.optional(z.nullable(z.number())),
  created_by: z.optional(nullableString),
  updated_at: z.optional(z.nullable(z.number())),
  updated_by: z.optional(nullableString),
});

/** One reusable license definition (`GET .../licensing/licenses/{license_id}`). */
export interface LicenseDefinition {
  /** One atomic SPDX id or `LicenseRef-...`; never `NOASSERTION`. */
  license_id: string;
  name: string;
  spdx_identifier?: string | null | undefined;
  canonical_url: string;
  commercial_use: PermissionStatus;
  redistribution: PermissionStatus;
  /** @default [] */
  obligations: LicenseObligation[];
  /** Free-text restrictions. @default [] */
  restrictions: string[];
  notes?: string | null | undefined;
  /** Deprecated definitions cannot be newly assigned. @default false */
  deprecated: boolean;
  metadata: LicensingRecordMetadata;
}

/** Schema of {@link LicenseDefinition}. */
export const licenseDefinitionSchema: Schema<LicenseDefinition> = z.looseObject({
  license_id: nonEmpty,
  name: z.string(),
  spdx_identifier: z.optional(nullableString),
  canonical_url: z.string(),
  commercial_use: z.string(),
  redistribution: z.string(),
  obligations: stringList,
  restrictions: stringList,
  notes: z.optional(nullableString),
  deprecated: z._default(z.boolean(), false),
  metadata: z._default(licensingRecordMetadataSchema, () => ({ revision: 1 })),
});

/** Kinds of non-model assets the licensing store holds. */
export const LICENSED_ASSET_KINDS = ['software_component', 'custom_node', 'other'] as const;

/** A known non-model asset kind, or any newer string. */
export type LicensedAssetKind = (typeof LICENSED_ASSET_KINDS)[number] | (string & {});

/** A licensed non-model asset (ComfyUI, a custom node, ...), edited directly by license editors. */
export interface LicensedAsset {
  asset_kind: LicensedAssetKind;
  asset_identifier: string;
  display_name: string;
  source_url?: string | null | undefined;
  version?: string | null | undefined;
  /** @default [] */
  locations: string[];
  /** @default [] */
  related_assets: string[];
  licensing: LicenseAssignment;
  notes?: string | null | undefined;
  metadata: LicensingRecordMetadata;
}

/** Schema of {@link LicensedAsset}. */
export const licensedAssetSchema: Schema<LicensedAsset> = z.looseObject({
  asset_kind: z.string(),
  asset_identifier: nonEmpty,
  display_name: z.string(),
  source_url: z.optional(nullableString),
  version: z.optional(nullableString),
  locations: stringList,
  related_assets: stringList,
  licensing: licenseAssignmentSchema,
  notes: z.optional(nullableString),
  metadata: z._default(licensingRecordMetadataSchema, () => ({ revision: 1 })),
});
