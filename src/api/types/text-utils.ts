import * as z from 'zod/mini';
import { dictionary } from '../../schemas/dictionary.js';
import type { Schema } from '../../schemas/shared.js';
import { maybe, num, objects, str, strings } from './fields.js';

/** `GET .../text_generation/parse_name`. */
export interface ParsedNameResponse {
  original_name: string;
  base_name: string;
  size?: string | null | undefined;
  variant?: string | null | undefined;
  quant?: string | null | undefined;
  version?: string | null | undefined;
  suggested_group: string;
  extras: { value: string; position: number; inferred_type: string }[];
}
/** Schema of {@link ParsedNameResponse}. */
export const parsedNameSchema: Schema<ParsedNameResponse> = z.looseObject({
  original_name: str,
  base_name: str,
  size: maybe(str),
  variant: maybe(str),
  quant: maybe(str),
  version: maybe(str),
  suggested_group: str,
  extras: z._default(
    z.array(z.looseObject({ value: str, position: num, inferred_type: str })),
    () => [],
  ),
});

/** Body of `POST .../text_generation/compose_name`. */
export interface ComposeNameRequest {
  base_name: string;
  size: string;
  author?: string;
  variant?: string;
  version?: string;
  quant?: string;
  /** @default '-' */
  separator?: string;
  part_order?: string[];
}

/** `POST .../text_generation/compose_name`. */
export interface ComposeNameResponse {
  composed_name: string;
  already_exists: boolean;
  suggested_group: string;
}
/** Schema of {@link ComposeNameResponse}. */
export const composeNameSchema: Schema<ComposeNameResponse> = z.looseObject({
  composed_name: str,
  already_exists: z.boolean(),
  suggested_group: str,
});

/** `GET .../text_generation/group`: a group's members and what they share. */
export interface GroupMembersResponse {
  group_name: string;
  members: Record<string, unknown>[];
  common_fields: Record<string, unknown>;
  available_sizes: string[];
  canonical_count: number;
  backend_duplicate_count: number;
  name_schema_is_custom: boolean;
  /** Members per guidance status (8.x, 76fc074e); each member then carries its `guidance`. */
  guidance_coverage?: Record<string, number> | undefined;
  [field: string]: unknown;
}
/** Schema of {@link GroupMembersResponse}. */
export const groupMembersSchema: Schema<GroupMembersResponse> = z.looseObject({
  group_name: str,
  members: objects,
  common_fields: dictionary(z.unknown()),
  available_sizes: strings,
  canonical_count: num,
  backend_duplicate_count: num,
  name_schema_is_custom: z.boolean(),
  guidance_coverage: z.optional(dictionary(num)),
});

/** `GET .../text_generation/groups/summary`. */
export interface GroupsSummaryResponse {
  groups: Record<string, unknown>[];
  total_groups: number;
  total_models: number;
  groups_with_families: number;
  groups_with_aliases: number;
  groups_with_issues: number;
}
/** Schema of {@link GroupsSummaryResponse}. */
export const groupsSummarySchema: Schema<GroupsSummaryResponse> = z.looseObject({
  groups: objects,
  total_groups: num,
  total_models: num,
  groups_with_families: num,
  groups_with_aliases: num,
  groups_with_issues: num,
});

/** `GET .../text_generation/groups/health`. */
export interface GroupHealthResponse {
  issues: { group_name: string; issue_type: string; message: string; severity: string }[];
  total_groups_checked: number;
  groups_with_issues: number;
  issue_counts_by_type: Record<string, number>;
}
/** Schema of {@link GroupHealthResponse}. */
export const groupHealthSchema: Schema<GroupHealthResponse> = z.looseObject({
  issues: z.array(z.looseObject({ group_name: str, issue_type: str, message: str, severity: str })),
  total_groups_checked: num,
  groups_with_issues: num,
  issue_counts_by_type: dictionary(num),
});

/** How a group's model names are composed. */
export interface TextModelGroupNameSchema {
  separator: string;
  part_order: string[];
  author_included: boolean;
  common_author?: string | null | undefined;
  template?: string | null | undefined;
  extra_parts?: unknown;
}

/** `GET`/`PUT .../text_generation/group/name_schema`. */
export interface GroupNameSchemaResponse {
  group_name: string;
  name_schema: TextModelGroupNameSchema;
  is_custom: boolean;
}
/** Schema of {@link GroupNameSchemaResponse}. */
export const groupNameSchemaSchema: Schema<GroupNameSchemaResponse> = z.looseObject({
  group_name: str,
  name_schema: z.looseObject({
    separator: str,
    part_order: strings,
    author_included: z.boolean(),
    common_author: maybe(str),
    template: maybe(str),
    extra_parts: z.optional(z.unknown()),
  }),
  is_custom: z.boolean(),
});

/** `PUT .../text_generation/group/common_fields` (202). */
export interface BatchUpdateResponse {
  updated_count: number;
  /** A UUID kept in `request_metadata`, not the queue's numeric batch id. */
  batch_id: string;
  pending_change_ids: number[];
}
/** Schema of {@link BatchUpdateResponse}. */
export const batchUpdateSchema: Schema<BatchUpdateResponse> = z.looseObject({
  updated_count: num,
  batch_id: str,
  pending_change_ids: z.array(num),
});

/** A group's aliases. */
export interface GroupAliasResponse {
  canonical: string;
  aliases: string[];
}
/** Schema of {@link GroupAliasResponse}. */
export const aliasSchema: Schema<GroupAliasResponse> = z.looseObject({
  canonical: str,
  aliases: strings,
});

/** A family of groups. */
export interface GroupFamilyResponse {
  family_name: string;
  members: string[];
}
/** Schema of {@link GroupFamilyResponse}. */
export const familySchema: Schema<GroupFamilyResponse> = z.looseObject({
  family_name: str,
  members: strings,
});

/** `GET .../text_generation/families/detect` (suggestions only; nothing is saved). */
export interface DetectFamiliesResponse {
  suggestions: Record<string, unknown>[];
  total_groups_analyzed: number;
  groups_in_families: number;
  standalone_groups: number;
}
/** Schema of {@link DetectFamiliesResponse}. */
export const detectFamiliesSchema: Schema<DetectFamiliesResponse> = z.looseObject({
  suggestions: objects,
  total_groups_analyzed: num,
  groups_in_families: num,
  standalone_groups: num,
});

/** `{ baselines }`, `{ groups }`, `{ entries }`, `{ families }` list answers. */
export function listOf<K extends string, T>(key: K, item: Schema<T>): Schema<Record<K, T[]>> {
  const shape: Record<string, Schema<T[]>> = { [key]: z.array(item) };
  return z.looseObject(shape) as unknown as Schema<Record<K, T[]>>;
}
