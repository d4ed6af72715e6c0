import * as z from 'zod/mini';
import { baseRecordShape, type GenericModelRecord } from './generic-record.js';
import { integer } from './integer.js';
import {
  nullableString,
  type Schema,
  type SettingsMap,
  settingsMapSchema,
  tagListSchema,
} from './shared.js';
import {
  type SupportClaims,
  supportClaimsSchema,
  type TextCapability,
  type TextContextWindow,
  type TextGuidanceSummary,
  type TextInteractionMode,
  textContextWindowSchema,
  textGuidanceSummarySchema,
} from './text-capabilities.js';

/** Backends whose name prefixes (`aphrodite/`, `koboldcpp/`) appear in legacy text data. */
export const TEXT_BACKENDS = ['aphrodite', 'koboldcpp'] as const;

/** A text backend id. */
export type TextBackend = (typeof TEXT_BACKENDS)[number];

/** A text generation model (an LLM). Free-text fields are often `""` rather than null. */
export interface TextGenerationRecord extends GenericModelRecord<'text_generation'> {
  /** Base model, usually a Hugging Face repo id; free text. */
  baseline?: string | null | undefined;
  /**
   * Parameter count. The server spells it `parameters` in raw data and `parameters_count` in
   * parsed answers; both are accepted on input and this SDK always holds it here.
   */
  parameters: number;
  /** @default false */
  nsfw: boolean;
  /** Free text (`chat`, `Chat`, `roleplay`, ...), not an enum. */
  style?: string | null | undefined;
  display_name?: string | null | undefined;
  url?: string | null | undefined;
  tags?: string[] | null | undefined;
  /** Prompt format, free text (`ChatML`, `Mistral V7 Tekken`, ...). */
  instruct_format?: string | null | undefined;
  /** Recommended generation settings. */
  settings?: SettingsMap | null | undefined;
  /** The group of size/quant variants this model belongs to (its base name). */
  text_model_group?: string | null | undefined;
  /** Why this name does not follow its group's naming schema, when it does not. */
  name_schema_exception?: string | null | undefined;
  /** The publisher-advertised context window (8.x). */
  context_window?: TextContextWindow | null | undefined;
  /** Reviewed completion / instruction / chat support (8.x). */
  interaction_modes?: SupportClaims<TextInteractionMode> | null | undefined;
  /** Reviewed capabilities such as tool calling; a missing key means unknown (8.x). */
  capabilities?: SupportClaims<TextCapability> | null | undefined;
  /** Read-only guidance summary the service attaches to reads; never sent on writes (8.x). */
  guidance?: TextGuidanceSummary | null | undefined;
}

/** Moves `parameters_count` to `parameters`, copying the record only when needed. */
function normaliseParameterKey(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || !('parameters_count' in input)) return input;
  const { parameters_count, ...rest } = input as Record<string, unknown>;
  return 'parameters' in rest ? rest : { ...rest, parameters: parameters_count };
}

/** Schema of {@link TextGenerationRecord}. */
export const textGenerationRecordSchema: Schema<TextGenerationRecord> = z.pipe(
  z.transform(normaliseParameterKey),
  z.looseObject({
    ...baseRecordShape('text_generation'),
    baseline: z.optional(nullableString),
    parameters: integer(),
    nsfw: z._default(z.boolean(), false),
    style: z.optional(nullableString),
    display_name: z.optional(nullableString),
    url: z.optional(nullableString),
    tags: z.optional(tagListSchema),
    instruct_format: z.optional(nullableString),
    settings: z.optional(z.nullable(settingsMapSchema)),
    text_model_group: z.optional(nullableString),
    name_schema_exception: z.optional(nullableString),
    context_window: z.optional(z.nullable(textContextWindowSchema)),
    interaction_modes: z.optional(z.nullable(supportClaimsSchema)),
    capabilities: z.optional(z.nullable(supportClaimsSchema)),
    guidance: z.optional(z.nullable(textGuidanceSummarySchema)),
  }),
);
