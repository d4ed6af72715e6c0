// Licensing as the 8.x service records it (upstream `licensing.py` at c0fba994; see
// docs/upstream-8x.md). Every enum is open: a status a later server adds must never make a record
// fail validation and drop out of a worker's list.
import * as z from 'zod/mini';
import { dictionary } from './dictionary.js';
import { nullableString, type Schema } from './shared.js';

/** The reviewed conclusions for one activity (commercial use, redistribution), in upstream order. */
export const PERMISSION_STATUSES = [
  'allowed',
  'allowed_with_conditions',
  'prohibited',
  'unknown',
] as const;

/** A conclusion the service knows: what the licensing filters accept. */
export type KnownPermissionStatus = (typeof PERMISSION_STATUSES)[number];

/**
 * A permission conclusion, or any newer string. `allowed_with_conditions` means "read the
 * obligations"; `unknown` (and anything unrecognised) should be treated as not allowed.
 */
export type PermissionStatus = KnownPermissionStatus | (string & {});

/** Obligations a licence can impose that consumers may have to surface. */
export const LICENSE_OBLIGATIONS = [
  'attribution',
  'include_license',
  'share_alike',
  'disclose_source',
  'network_source_disclosure',
  'responsible_use_restrictions',
  'other',
] as const;

/** A known obligation, or any newer string. */
export type LicenseObligation = (typeof LICENSE_OBLIGATIONS)[number] | (string & {});

/** The SPDX sentinel for "nobody has reviewed this": no ids, both permissions `unknown`. */
export const NOASSERTION = 'NOASSERTION';

/** One source supporting a licensing conclusion. */
export interface LicenseEvidence {
  /** A URL or other locator of the evidence. */
  source: string;
  description?: string | null | undefined;
  /** `YYYY-MM-DD`. */
  checked_at?: string | null | undefined;
}

/** A reviewed licensing conclusion for one scope (a model, one of its files, or an asset). */
export interface LicenseAssignment {
  /** An SPDX expression (`Apache-2.0`, `MIT OR Apache-2.0`, `LicenseRef-...`) or `NOASSERTION`. */
  license_expression: string;
  /** The license ids the expression names (keys into the license definitions). @default [] */
  license_ids: string[];
  commercial_use: PermissionStatus;
  redistribution: PermissionStatus;
  /** @default [] */
  obligations: LicenseObligation[];
  /** The attribution text to show, when the licence asks for one. */
  attribution?: string | null | undefined;
  /** @default [] */
  evidence: LicenseEvidence[];
  reviewed_by?: string | null | undefined;
  /** `YYYY-MM-DD`. */
  reviewed_at?: string | null | undefined;
  notes?: string | null | undefined;
}

/**
 * A model's licensing: the model-level conclusion, and overrides for single files keyed by the
 * exact `config.download[].file_name` (a file without one inherits the model-level conclusion).
 */
export interface ModelLicensing extends LicenseAssignment {
  /** Per-file overrides. @default {} */
  files: Record<string, LicenseAssignment>;
}

const stringList = z._default(z.array(z.string()), () => []);

/** Schema of {@link LicenseEvidence}. */
export const licenseEvidenceSchema: Schema<LicenseEvidence> = z.looseObject({
  source: z.string(),
  description: z.optional(nullableString),
  checked_at: z.optional(nullableString),
});

const assignmentShape = {
  license_expression: z.string(),
  license_ids: stringList,
  commercial_use: z.string(),
  redistribution: z.string(),
  obligations: stringList,
  attribution: z.optional(nullableString),
  evidence: z._default(z.array(licenseEvidenceSchema), () => []),
  reviewed_by: z.optional(nullableString),
  reviewed_at: z.optional(nullableString),
  notes: z.optional(nullableString),
};

/** Schema of {@link LicenseAssignment}. */
export const licenseAssignmentSchema: Schema<LicenseAssignment> = z.looseObject(assignmentShape);

/** Schema of {@link ModelLicensing}. */
export const modelLicensingSchema: Schema<ModelLicensing> = z.looseObject({
  ...assignmentShape,
  files: z._default(dictionary(licenseAssignmentSchema), () => ({})),
});

/**
 * The conclusion the service serves for a model without licensing: `NOASSERTION`, both
 * permissions `unknown`. A new object each call, so callers may keep or change it.
 *
 * @example
 * ```ts
 * const licensing = record.licensing ?? unknownModelLicensing();
 * ```
 */
export function unknownModelLicensing(): ModelLicensing {
  return {
    license_expression: NOASSERTION,
    license_ids: [],
    commercial_use: 'unknown',
    redistribution: 'unknown',
    obligations: [],
    evidence: [],
    notes: 'No reviewed licensing conclusion is currently available.',
    files: {},
  };
}
