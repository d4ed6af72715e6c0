// The durable facts 8.x text records carry beside the legacy fields (upstream
// `text_guidance.py` and `model_reference_records.py` at 76fc074e; see docs/upstream-8x.md).
import * as z from 'zod/mini';
import { dictionary } from './dictionary.js';
import { integer } from './integer.js';
import { nullableString, type Schema } from './shared.js';

/** Ways a text model accepts prompts. */
export const TEXT_INTERACTION_MODES = ['completion', 'instruction', 'chat'] as const;
/** A known interaction mode, or any newer string. */
export type TextInteractionMode = (typeof TEXT_INTERACTION_MODES)[number] | (string & {});

/** Machine-consumable text capabilities the reference tracks. */
export const TEXT_CAPABILITIES = ['tool_calling', 'structured_output'] as const;
/** A known capability, or any newer string. */
export type TextCapability = (typeof TEXT_CAPABILITIES)[number] | (string & {});

/** Conclusions of a support claim. */
export const SUPPORT_STATUSES = ['supported', 'unsupported', 'unknown'] as const;
/** A known support status, or any newer string (treat anything unrecognised as `unknown`). */
export type SupportStatus = (typeof SUPPORT_STATUSES)[number] | (string & {});

/** Where a claim comes from: documentation or other evidence. */
export interface GuidanceSource {
  url: string;
  title?: string | null | undefined;
  note?: string | null | undefined;
}

/** Schema of {@link GuidanceSource}. */
export const guidanceSourceSchema: Schema<GuidanceSource> = z.looseObject({
  url: z.string(),
  title: z.optional(nullableString),
  note: z.optional(nullableString),
});

const sources = z._default(z.array(guidanceSourceSchema), () => []);

/** A reviewed support conclusion, with its evidence. */
export interface SupportClaim {
  status: SupportStatus;
  /** @default [] */
  sources: GuidanceSource[];
  qualification?: string | null | undefined;
}

/** Schema of {@link SupportClaim}. */
export const supportClaimSchema: Schema<SupportClaim> = z.looseObject({
  status: z.string(),
  sources,
  qualification: z.optional(nullableString),
});

/** The context window a model's publisher advertises (not what a worker currently allows). */
export interface TextContextWindow {
  /** >= 1. */
  maximum_tokens: number;
  /** @default [] */
  sources: GuidanceSource[];
  qualification?: string | null | undefined;
}

/** Schema of {@link TextContextWindow}. */
export const textContextWindowSchema: Schema<TextContextWindow> = z.looseObject({
  maximum_tokens: integer(1),
  sources,
  qualification: z.optional(nullableString),
});

/** Guidance states of an exact model. */
export const TEXT_GUIDANCE_STATUSES = ['published', 'legacy_label', 'undocumented'] as const;
/** A known guidance status, or any newer string. */
export type TextGuidanceStatus = (typeof TEXT_GUIDANCE_STATUSES)[number] | (string & {});

/**
 * The guidance summary the service attaches to text reads: `published` (the model has an
 * assignment), `legacy_label` (only a legacy `instruct_format`), or `undocumented`. Read-only: it
 * is computed per request and never stored, so writes leave it out.
 */
export interface TextGuidanceSummary {
  status: TextGuidanceStatus;
  primary_profile_id?: string | null | undefined;
  /** @default [] */
  supplemental_profile_ids: string[];
}

/** Schema of {@link TextGuidanceSummary}. */
export const textGuidanceSummarySchema: Schema<TextGuidanceSummary> = z.looseObject({
  status: z.string(),
  primary_profile_id: z.optional(nullableString),
  supplemental_profile_ids: z._default(z.array(z.string()), () => []),
});

/** A map from a mode or capability to its claim (`interaction_modes`, `capabilities`). */
export type SupportClaims<K extends string> = Partial<Record<K, SupportClaim>>;

/** Schema of {@link SupportClaims}. */
export const supportClaimsSchema: Schema<Record<string, SupportClaim>> =
  dictionary(supportClaimSchema);
