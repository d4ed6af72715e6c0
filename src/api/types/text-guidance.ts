// Answers and bodies of the text-guidance routes (upstream `text_guidance.py` at 76fc074e and
// `service/v2/routers/text_guidance.py` at 360038b2; see docs/upstream-8x.md).
import * as z from 'zod/mini';
import { dictionary } from '../../schemas/dictionary.js';
import type { Schema, SettingsMap } from '../../schemas/shared.js';
import { settingsMapSchema } from '../../schemas/shared.js';
import {
  type GuidanceSource,
  guidanceSourceSchema,
  type TextCapability,
  type TextGuidanceSummary,
  type TextInteractionMode,
  textGuidanceSummarySchema,
} from '../../schemas/text-capabilities.js';
import { maybe, num, str, strings } from './fields.js';

/** Kinds of guidance profile: a prompt contract, or a usage recipe that supplements one. */
export type GuidanceProfileKind = 'prompt_contract' | 'usage_recipe' | (string & {});

/** Revision of the guidance catalog; the service's ETag is `W/"text-guidance-<revision>"`. */
export interface TextGuidanceCatalogMetadata {
  schema_version: number;
  revision: number;
  updated_at?: number | null | undefined;
}
/** Schema of {@link TextGuidanceCatalogMetadata}. */
export const guidanceCatalogMetadataSchema: Schema<TextGuidanceCatalogMetadata> = z.looseObject({
  schema_version: z._default(num, 1),
  revision: z._default(num, 1),
  updated_at: maybe(num),
});

/** Revision and editors of one profile or assignment. */
export interface GuidanceRecordMetadata {
  revision: number;
  created_at?: number | null | undefined;
  created_by?: string | null | undefined;
  updated_at?: number | null | undefined;
  updated_by?: string | null | undefined;
}
const recordMetadataSchema: Schema<GuidanceRecordMetadata> = z.looseObject({
  revision: z._default(num, 1),
  created_at: maybe(num),
  created_by: maybe(str),
  updated_at: maybe(num),
  updated_by: maybe(str),
});
const metadata = z._default(recordMetadataSchema, () => ({ revision: 1 }));
const list = z._default(strings, () => []);
const objects = <T>(schema: Schema<T>) => z._default(z.array(schema), () => []);

/** CommonMark prose for one audience (users or developers); raw HTML is refused upstream. */
export interface GuidanceAudienceContent {
  overview: string;
  use_cases: string[];
  tips: string[];
  caveats: string[];
}
const audienceSchema = z._default(
  z.looseObject({ overview: z._default(str, ''), use_cases: list, tips: list, caveats: list }),
  () => ({ overview: '', use_cases: [], tips: [], caveats: [] }),
) as Schema<GuidanceAudienceContent>;

/** An example conversation and the prompt it should serialise to. */
export interface PromptExample {
  title: string;
  description?: string | null | undefined;
  messages: { role: 'system' | 'user' | 'assistant' | 'tool' | (string & {}); content: string }[];
  rendered_prompt?: string | null | undefined;
}
const promptExampleSchema: Schema<PromptExample> = z.looseObject({
  title: str,
  description: maybe(str),
  messages: z.array(z.looseObject({ role: str, content: str })),
  rendered_prompt: maybe(str),
});

/** A raw template, stored and shown but never executed, tagged with its syntax. */
export interface RawPromptTemplate {
  template_id: string;
  name: string;
  /** `jinja2`, `handlebars`, `python_format`, `literal`, or `other` (then `syntax_name` says which). */
  syntax: string;
  syntax_name?: string | null | undefined;
  template: string;
  variables: { name: string; description: string; required: boolean }[];
}
const templateSchema: Schema<RawPromptTemplate> = z.looseObject({
  template_id: str,
  name: str,
  syntax: str,
  syntax_name: maybe(str),
  template: str,
  variables: objects(
    z.looseObject({ name: str, description: str, required: z._default(z.boolean(), true) }),
  ),
});

/** A request example for AI-Horde's text generation. */
export interface AIHordeRequestExample {
  title: string;
  prompt: string;
  parameters: SettingsMap;
  notes?: string | null | undefined;
}
const hordeExampleSchema: Schema<AIHordeRequestExample> = z.looseObject({
  title: str,
  prompt: str,
  parameters: z._default(settingsMapSchema, () => ({})),
  notes: maybe(str),
});

/**
 * A guidance profile. A prompt contract (`kind: 'prompt_contract'`) says how to serialise a prompt
 * (`interaction_modes`, `accepted_roles`, `role_markers`, `stop_sequences`, `templates`); a usage
 * recipe (`kind: 'usage_recipe'`) adds a scenario on top (`capability`, `scenario`). One open shape,
 * so a profile kind added later still reads; see {@link isPromptContract}.
 */
export interface TextUsageProfile {
  /** Lowercase and URL-safe. */
  profile_id: string;
  kind: GuidanceProfileKind;
  display_name: string;
  aliases: string[];
  summary: string;
  user: GuidanceAudienceContent;
  developer: GuidanceAudienceContent;
  examples: PromptExample[];
  recommended_settings: SettingsMap;
  ai_horde_examples: AIHordeRequestExample[];
  sources: GuidanceSource[];
  deprecated: boolean;
  metadata: GuidanceRecordMetadata;
  /** Prompt contracts: at least one. */
  interaction_modes?: TextInteractionMode[] | undefined;
  accepted_roles?: string[] | undefined;
  role_markers?: Record<string, string> | undefined;
  stop_sequences?: string[] | undefined;
  templates?: RawPromptTemplate[] | undefined;
  /** Usage recipes. */
  capability?: TextCapability | null | undefined;
  scenario?: string | null | undefined;
}
/** Schema of {@link TextUsageProfile}. */
export const textUsageProfileSchema: Schema<TextUsageProfile> = z.looseObject({
  profile_id: str,
  kind: str,
  display_name: str,
  aliases: list,
  summary: str,
  user: audienceSchema,
  developer: audienceSchema,
  examples: objects(promptExampleSchema),
  recommended_settings: z._default(settingsMapSchema, () => ({})),
  ai_horde_examples: objects(hordeExampleSchema),
  sources: objects(guidanceSourceSchema),
  deprecated: z._default(z.boolean(), false),
  metadata,
  interaction_modes: z.optional(strings),
  accepted_roles: z.optional(strings),
  role_markers: z.optional(dictionary(str)),
  stop_sequences: z.optional(strings),
  templates: z.optional(z.array(templateSchema)),
  capability: maybe(str),
  scenario: maybe(str),
});

/** Whether `profile` is a prompt contract (the kind an assignment's primary profile must be). */
export function isPromptContract(profile: Pick<TextUsageProfile, 'kind'>): boolean {
  return profile.kind === 'prompt_contract';
}

/** One row of the profile index. */
export interface TextUsageProfileSummary {
  profile_id: string;
  kind: GuidanceProfileKind;
  display_name: string;
  summary: string;
  aliases: string[];
  deprecated: boolean;
  /** Assignments naming the profile, as primary or supplemental. */
  assigned_model_count: number;
}

/** `GET .../guidance/profiles`. `total` counts the items returned. */
export interface TextUsageProfilePage {
  items: TextUsageProfileSummary[];
  total: number;
  metadata: TextGuidanceCatalogMetadata;
}
/** Schema of {@link TextUsageProfilePage}. */
export const profilePageSchema: Schema<TextUsageProfilePage> = z.looseObject({
  items: z.array(
    z.looseObject({
      profile_id: str,
      kind: str,
      display_name: str,
      summary: str,
      aliases: list,
      deprecated: z._default(z.boolean(), false),
      assigned_model_count: num,
    }),
  ),
  total: num,
  metadata: guidanceCatalogMetadataSchema,
});

/** Which profiles apply to one exact canonical text model. */
export interface TextGuidanceAssignment {
  model_name: string;
  /** An active prompt contract. */
  primary_profile_id: string;
  /** Active usage recipes, in order. */
  supplemental_profile_ids: string[];
  metadata: GuidanceRecordMetadata;
}
/** Schema of {@link TextGuidanceAssignment}. */
export const assignmentSchema: Schema<TextGuidanceAssignment> = z.looseObject({
  model_name: str,
  primary_profile_id: str,
  supplemental_profile_ids: list,
  metadata,
});

/** `GET .../guidance/assignments`. */
export interface TextGuidanceAssignmentPage {
  items: TextGuidanceAssignment[];
  total: number;
  metadata: TextGuidanceCatalogMetadata;
}
/** Schema of {@link TextGuidanceAssignmentPage}. */
export const assignmentPageSchema: Schema<TextGuidanceAssignmentPage> = z.looseObject({
  items: z.array(assignmentSchema),
  total: num,
  metadata: guidanceCatalogMetadataSchema,
});

/** `GET .../guidance/model?name=`: everything published for one exact model. */
export interface ResolvedTextGuidance {
  model_name: string;
  summary: TextGuidanceSummary;
  primary_profile?: TextUsageProfile | null | undefined;
  supplemental_profiles: TextUsageProfile[];
  legacy_instruct_format?: string | null | undefined;
  catalog_metadata: TextGuidanceCatalogMetadata;
}
/** Schema of {@link ResolvedTextGuidance}. */
export const resolvedGuidanceSchema: Schema<ResolvedTextGuidance> = z.looseObject({
  model_name: str,
  summary: textGuidanceSummarySchema,
  primary_profile: maybe(textUsageProfileSchema),
  supplemental_profiles: objects(textUsageProfileSchema),
  legacy_instruct_format: maybe(str),
  catalog_metadata: guidanceCatalogMetadataSchema,
});

/** `GET .../guidance/export`: the whole catalog. */
export interface TextGuidanceCatalog {
  metadata: TextGuidanceCatalogMetadata;
  profiles: Record<string, TextUsageProfile>;
  assignments: Record<string, TextGuidanceAssignment>;
}
/** Schema of {@link TextGuidanceCatalog}. */
export const guidanceCatalogSchema: Schema<TextGuidanceCatalog> = z.looseObject({
  metadata: guidanceCatalogMetadataSchema,
  profiles: z._default(dictionary(textUsageProfileSchema), () => ({})),
  assignments: z._default(dictionary(assignmentSchema), () => ({})),
});
