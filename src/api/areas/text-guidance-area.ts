// `client.textGuidance`: reusable prompting guidance for text models (upstream
// `service/v2/routers/text_guidance.py` at 360038b2; docs/upstream-8x.md).

import type { RequestOptions } from '../../http/request-options.js';
import { TEXT_GUIDANCE_ROUTES } from '../../http/routes-8x.js';
import type { Call } from '../call.js';
import {
  type ConditionalRead,
  changeSetCall,
  conditionalRead,
  featureCall,
} from '../feature-call.js';
import {
  checkGuidanceChangeSet,
  type GuidanceMigrationPreview,
  migrationPreviewSchema,
  type TextGuidanceChangeSet,
} from '../types/change-sets.js';
import { type PendingChangeRecord, pendingChangeSchema } from '../types/pending.js';
import {
  assignmentPageSchema,
  guidanceCatalogSchema,
  profilePageSchema,
  type ResolvedTextGuidance,
  resolvedGuidanceSchema,
  type TextGuidanceAssignmentPage,
  type TextGuidanceCatalog,
  type TextUsageProfile,
  type TextUsageProfilePage,
  textUsageProfileSchema,
} from '../types/text-guidance.js';

const routes = TEXT_GUIDANCE_ROUTES;

/** The service's entity tag of a guidance catalog revision. */
export const guidanceEtag = (revision: number): string => `W/"text-guidance-${revision}"`;

type O = RequestOptions | undefined;

/**
 * `client.textGuidance` (8.x servers): prompt contracts and usage recipes, which models they apply
 * to, and change sets through the pending queue (requestor role, PRIMARY). Against a server
 * without these routes every method throws `FeatureUnavailableError`.
 */
export interface TextGuidanceArea {
  /** The profile index. @default includeDeprecated false */
  profiles(params?: { includeDeprecated?: boolean }, options?: O): Promise<TextUsageProfilePage>;
  /** One profile (deprecated ones too). @throws {ApiError} 404 for an unknown id. */
  profile(profileId: string, options?: O): Promise<TextUsageProfile>;
  /** Exact-model assignments, optionally for one model or one profile. */
  assignments(
    filter?: { modelName?: string; profileId?: string },
    options?: O,
  ): Promise<TextGuidanceAssignmentPage>;
  /**
   * Everything published for one exact canonical text model.
   * @throws {ApiError} 404 for a name that is not a canonical text model (backend-prefixed too).
   */
  model(name: string, options?: O): Promise<ResolvedTextGuidance>;
  /** The whole catalog. */
  catalog(options?: O): Promise<TextGuidanceCatalog>;
  /**
   * The whole catalog unless it is still the revision `etag` names (`W/"text-guidance-<rev>"`, as
   * returned by an earlier call): then `{ modified: false }`, and nothing to re-process.
   */
  catalogIfChanged(etag?: string, options?: O): Promise<ConditionalRead<TextGuidanceCatalog>>;
  /** A draft change set built from legacy `instruct_format` labels; nothing is stored. */
  previewMigration(options?: O): Promise<GuidanceMigrationPreview>;
  /**
   * Queues a change set (202). @throws {InvalidOptionsError} for an empty or malformed set, before
   * any request. @throws {ChangeSetConflictError} 409: a record changed after review.
   */
  submitChangeSet(changeSet: TextGuidanceChangeSet, options?: O): Promise<PendingChangeRecord>;
}

/** Builds `client.textGuidance`. */
export function textGuidanceArea(rawCall: Call): TextGuidanceArea {
  const call = featureCall(rawCall, 'text_guidance');
  const submit = changeSetCall(call, 'text_guidance');
  return {
    profiles: (params = {}, o) =>
      call(routes.profiles, {
        query: { include_deprecated: params.includeDeprecated },
        schema: profilePageSchema,
        options: o,
      }),
    profile: (id, o) =>
      call(routes.profile, { params: { id }, schema: textUsageProfileSchema, options: o }),
    assignments: (filter = {}, o) =>
      call(routes.assignments, {
        query: { model_name: filter.modelName, profile_id: filter.profileId },
        schema: assignmentPageSchema,
        options: o,
      }),
    model: (name, o) =>
      call(routes.model, { query: { name }, schema: resolvedGuidanceSchema, options: o }),
    catalog: (o) => call(routes.catalog, { schema: guidanceCatalogSchema, options: o }),
    catalogIfChanged: (etag, o) =>
      conditionalRead(
        call,
        routes.catalogIfChanged,
        { schema: guidanceCatalogSchema, options: o },
        (catalog) => guidanceEtag(catalog.metadata.revision),
        etag,
      ),
    previewMigration: (o) =>
      call(routes.previewMigration, {
        body: {},
        schema: migrationPreviewSchema,
        options: o,
      }),
    async submitChangeSet(changeSet, o) {
      checkGuidanceChangeSet(changeSet);
      return submit(routes.submitChangeSet, {
        body: {
          title: changeSet.title,
          profile_changes: changeSet.profile_changes ?? [],
          assignment_changes: changeSet.assignment_changes ?? [],
        },
        schema: pendingChangeSchema,
        options: o,
      });
    },
  };
}
