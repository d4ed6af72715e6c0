import * as z from 'zod/mini';
import type { RequestOptions } from '../../http/request-options.js';
import { TEXT_UTILS_ROUTES } from '../../http/routes.js';
import type { Call } from '../call.js';
import { type PendingChangeIdResponse, pendingChangeIdSchema } from '../types/pending.js';
import {
  aliasSchema,
  type BatchUpdateResponse,
  batchUpdateSchema,
  type ComposeNameRequest,
  type ComposeNameResponse,
  composeNameSchema,
  type DetectFamiliesResponse,
  detectFamiliesSchema,
  familySchema,
  type GroupAliasResponse,
  type GroupFamilyResponse,
  type GroupHealthResponse,
  type GroupMembersResponse,
  type GroupNameSchemaResponse,
  type GroupsSummaryResponse,
  groupHealthSchema,
  groupMembersSchema,
  groupNameSchemaSchema,
  groupsSummarySchema,
  listOf,
  type ParsedNameResponse,
  parsedNameSchema,
  type TextModelGroupNameSchema,
} from '../types/text-utils.js';

const routes = TEXT_UTILS_ROUTES;

/** Fields `updateGroupCommonFields` can set on every member of a group. */
export interface GroupCommonFields {
  readonly baseline?: string;
  readonly description?: string;
  readonly url?: string;
  readonly nsfw?: boolean;
  readonly tags?: readonly string[];
  readonly style?: string;
  readonly instruct_format?: string;
}

type O = RequestOptions | undefined;

/** `client.textUtils`: text model names, groups, aliases and families. Writes need requestor. */
export interface TextUtilsArea {
  /** Splits a text model name into base name, size, variant, quantisation and version. */
  parseName(name: string, options?: O): Promise<ParsedNameResponse>;
  /** Builds a model name from its parts, saying whether it exists already. */
  composeName(request: ComposeNameRequest, options?: O): Promise<ComposeNameResponse>;
  /** Every baseline the text models use, sorted. */
  distinctBaselines(options?: O): Promise<string[]>;
  /** Every text model group name, sorted. */
  groups(options?: O): Promise<string[]>;
  /** Every group with its members, aliases, family and health issues. */
  groupsSummary(options?: O): Promise<GroupsSummaryResponse>;
  /** Groups with inconsistent or missing data. */
  groupsHealth(options?: O): Promise<GroupHealthResponse>;
  /** @throws {ApiError} 404 for a group without members. */
  group(name: string, options?: O): Promise<GroupMembersResponse>;
  /** Queues one update per member (202). */
  updateGroupCommonFields(
    name: string,
    fields: GroupCommonFields,
    options?: O,
  ): Promise<BatchUpdateResponse>;
  /** How a group's names are composed (custom, or inferred from its members). */
  groupNameSchema(name: string, options?: O): Promise<GroupNameSchemaResponse>;
  /** Changes parts of a group's name schema. */
  updateGroupNameSchema(
    name: string,
    schema: Partial<TextModelGroupNameSchema>,
    options?: O,
  ): Promise<GroupNameSchemaResponse>;
  /** Removes a group's custom name schema (the inferred one applies again). */
  deleteGroupNameSchema(name: string, options?: O): Promise<void>;
  /** The one write route that takes names with `/`. `null` clears the exception. */
  setNameException(
    model: string,
    reason: string | null,
    options?: O,
  ): Promise<PendingChangeIdResponse>;
  /** Every group with its aliases. */
  aliases(options?: O): Promise<GroupAliasResponse[]>;
  /** One group's aliases. @throws {ApiError} 404. */
  alias(canonical: string, options?: O): Promise<GroupAliasResponse>;
  /** Replaces a group's aliases. @throws {ApiError} 409 when an alias belongs to another group. */
  setAlias(canonical: string, aliases: readonly string[], options?: O): Promise<GroupAliasResponse>;
  /** Removes every alias of a group. */
  deleteAlias(canonical: string, options?: O): Promise<void>;
  /** Adds one alias to a group. */
  addAlias(canonical: string, alias: string, options?: O): Promise<GroupAliasResponse>;
  /** Removes one alias from a group. */
  removeAlias(canonical: string, alias: string, options?: O): Promise<GroupAliasResponse>;
  /** Every family of groups. */
  families(options?: O): Promise<GroupFamilyResponse[]>;
  /** Suggests families from shared name prefixes (nothing is saved). */
  detectFamilies(
    params?: { minPrefixLength?: number; minFamilySize?: number },
    options?: O,
  ): Promise<DetectFamiliesResponse>;
  /** One family. @throws {ApiError} 404. */
  family(name: string, options?: O): Promise<GroupFamilyResponse>;
  /** Replaces a family's members. */
  setFamily(name: string, members: readonly string[], options?: O): Promise<GroupFamilyResponse>;
  /** Removes a family. */
  deleteFamily(name: string, options?: O): Promise<void>;
  /** Adds a group to a family. */
  addToFamily(name: string, group: string, options?: O): Promise<GroupFamilyResponse>;
  /** Removing the last member deletes the family. */
  removeFromFamily(name: string, group: string, options?: O): Promise<GroupFamilyResponse>;
}

/** Builds `client.textUtils`. */
export function textUtilsArea(call: Call): TextUtilsArea {
  const byName = (name: string) => ({ name });
  return {
    parseName: (name, o) =>
      call(routes.parseName, { query: byName(name), schema: parsedNameSchema, options: o }),
    composeName: (request, o) =>
      call(routes.composeName, { body: request, schema: composeNameSchema, options: o }),
    distinctBaselines: async (o) =>
      (
        await call(routes.distinctBaselines, {
          schema: listOf('baselines', z.string()),
          options: o,
        })
      ).baselines,
    groups: async (o) =>
      (await call(routes.groups, { schema: listOf('groups', z.string()), options: o })).groups,
    groupsSummary: (o) => call(routes.groupsSummary, { schema: groupsSummarySchema, options: o }),
    groupsHealth: (o) => call(routes.groupsHealth, { schema: groupHealthSchema, options: o }),
    group: (name, o) =>
      call(routes.group, { query: byName(name), schema: groupMembersSchema, options: o }),
    updateGroupCommonFields: (name, fields, o) =>
      call(routes.updateGroupCommonFields, {
        query: byName(name),
        body: fields,
        schema: batchUpdateSchema,
        options: o,
      }),
    groupNameSchema: (name, o) =>
      call(routes.groupNameSchema, {
        query: byName(name),
        schema: groupNameSchemaSchema,
        options: o,
      }),
    updateGroupNameSchema: (name, schema, o) =>
      call(routes.updateGroupNameSchema, {
        query: byName(name),
        body: schema,
        schema: groupNameSchemaSchema,
        options: o,
      }),
    deleteGroupNameSchema: (name, o) =>
      call(routes.deleteGroupNameSchema, { query: byName(name), schema: null, options: o }),
    setNameException: (model, reason, o) =>
      call(routes.setNameException, {
        params: { name: model },
        body: { reason },
        schema: pendingChangeIdSchema,
        options: o,
      }),
    aliases: async (o) =>
      (await call(routes.aliases, { schema: listOf('entries', aliasSchema), options: o })).entries,
    alias: (canonical, o) =>
      call(routes.alias, { params: { canonical }, schema: aliasSchema, options: o }),
    setAlias: (canonical, aliases, o) =>
      call(routes.setAlias, {
        params: { canonical },
        body: { aliases },
        schema: aliasSchema,
        options: o,
      }),
    deleteAlias: (canonical, o) =>
      call(routes.deleteAlias, { params: { canonical }, schema: null, options: o }),
    addAlias: (canonical, alias, o) =>
      call(routes.addAlias, {
        params: { canonical },
        body: { alias },
        schema: aliasSchema,
        options: o,
      }),
    removeAlias: (canonical, alias, o) =>
      call(routes.removeAlias, {
        params: { canonical },
        body: { alias },
        schema: aliasSchema,
        options: o,
      }),
    families: async (o) =>
      (await call(routes.families, { schema: listOf('families', familySchema), options: o }))
        .families,
    detectFamilies: (params = {}, o) =>
      call(routes.detectFamilies, {
        query: { min_prefix_length: params.minPrefixLength, min_family_size: params.minFamilySize },
        schema: detectFamiliesSchema,
        options: o,
      }),
    family: (name, o) =>
      call(routes.family, { params: { family: name }, schema: familySchema, options: o }),
    setFamily: (name, members, o) =>
      call(routes.setFamily, {
        params: { family: name },
        body: { members },
        schema: familySchema,
        options: o,
      }),
    deleteFamily: (name, o) =>
      call(routes.deleteFamily, { params: { family: name }, schema: null, options: o }),
    addToFamily: (name, group, o) =>
      call(routes.addToFamily, {
        params: { family: name },
        body: { group_name: group },
        schema: familySchema,
        options: o,
      }),
    removeFromFamily: (name, group, o) =>
      call(routes.removeFromFamily, {
        params: { family: name },
        body: { group_name: group },
        schema: familySchema,
        options: o,
      }),
  };
}
