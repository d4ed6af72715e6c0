// Change sets: how guidance and baselines are edited, through the pending queue, each change
// carrying `expected_before`, the value it was reviewed against (docs/upstream-8x.md).
import * as z from 'zod/mini';
import { InvalidOptionsError } from '../../errors/invalid-options-error.js';
import type { ImageBaselineRecord } from '../../schemas/baseline-catalog.js';
import { dictionary } from '../../schemas/dictionary.js';
import type { Schema } from '../../schemas/shared.js';
import { num } from './fields.js';
import type { TextGuidanceAssignment, TextUsageProfile } from './text-guidance.js';

/**
 * One profile edit. `expected_before` is the profile as reviewed (`null`: it did not exist); the
 * server refuses the whole set with 409 when the live profile differs.
 */
export interface GuidanceProfileChange {
  operation: 'create' | 'update' | 'deprecate';
  profile_id: string;
  profile?: TextUsageProfile | Record<string, unknown> | null;
  expected_before?: TextUsageProfile | Record<string, unknown> | null;
}

/** One assignment edit: the new assignment, or `null` to remove it. */
export interface GuidanceAssignmentChange {
  model_name: string;
  assignment?: TextGuidanceAssignment | Record<string, unknown> | null;
  expected_before?: TextGuidanceAssignment | Record<string, unknown> | null;
}

/** Body of `POST .../text_generation/guidance/change-sets`. */
export interface TextGuidanceChangeSet {
  /** 1–160 characters. */
  title: string;
  profile_changes?: GuidanceProfileChange[];
  assignment_changes?: GuidanceAssignmentChange[];
}

/** `POST .../guidance/migration/preview`: a draft built from legacy `instruct_format` labels. */
export interface GuidanceMigrationPreview {
  /** Edit it, then submit it; `null` when nothing needs migrating. */
  change_set: TextGuidanceChangeSet | null;
  source_model_count: number;
  format_count: number;
}
/** Schema of {@link GuidanceMigrationPreview}. */
export const migrationPreviewSchema: Schema<GuidanceMigrationPreview> = z.looseObject({
  change_set: z.nullable(
    z.looseObject({
      title: z.string(),
      profile_changes: z._default(z.array(dictionary(z.unknown())), () => []),
      assignment_changes: z._default(z.array(dictionary(z.unknown())), () => []),
    }),
  ) as Schema<TextGuidanceChangeSet | null>,
  source_model_count: num,
  format_count: num,
});

/** One baseline edit: `upsert` with the full `record`, or `delete`. */
export interface ImageBaselineChange {
  operation: 'upsert' | 'delete';
  name: string;
  record?: ImageBaselineRecord | Record<string, unknown> | null;
  /** The baseline as reviewed (`null`: it did not exist); a mismatch is refused with 409. */
  expected_before?: ImageBaselineRecord | Record<string, unknown> | null;
}

/** Body of `POST .../image_generation/baselines/change-sets`. */
export interface ImageBaselineChangeSet {
  /** 1–160 characters. */
  title: string;
  /** At least one. */
  changes: ImageBaselineChange[];
}

function checkTitle(title: unknown): void {
  if (typeof title !== 'string' || title.length < 1 || title.length > 160)
    throw new InvalidOptionsError('changeSet.title', 'expected a title of 1 to 160 characters');
}

/**
 * Checks a guidance change set as the server would before any request: a title, at least one
 * change, known operations, and a profile for every create or update.
 *
 * @throws {InvalidOptionsError} naming the first problem.
 */
export function checkGuidanceChangeSet(changeSet: TextGuidanceChangeSet): void {
  checkTitle(changeSet.title);
  const profiles = changeSet.profile_changes ?? [];
  const assignments = changeSet.assignment_changes ?? [];
  if (profiles.length + assignments.length === 0)
    throw new InvalidOptionsError(
      'changeSet',
      'a guidance change set needs at least one profile or assignment change',
    );
  profiles.forEach((change, i) => {
    if (!['create', 'update', 'deprecate'].includes(change.operation))
      throw new InvalidOptionsError(
        `changeSet.profile_changes.${i}.operation`,
        `"${change.operation}" is not one of create, update, deprecate`,
      );
    if (change.operation !== 'deprecate' && !change.profile)
      throw new InvalidOptionsError(
        `changeSet.profile_changes.${i}.profile`,
        `a ${change.operation} needs the profile`,
      );
  });
}

/**
 * Checks a baseline change set as the server would before any request: a title, at least one
 * change, and for an upsert a record whose `name` is the change's name.
 *
 * @throws {InvalidOptionsError} naming the first problem.
 */
export function checkBaselineChangeSet(changeSet: ImageBaselineChangeSet): void {
  checkTitle(changeSet.title);
  if (!Array.isArray(changeSet.changes) || changeSet.changes.length === 0)
    throw new InvalidOptionsError('changeSet.changes', 'a baseline change set needs a change');
  changeSet.changes.forEach((change, i) => {
    if (change.operation !== 'upsert' && change.operation !== 'delete')
      throw new InvalidOptionsError(
        `changeSet.changes.${i}.operation`,
        `"${change.operation}" is not upsert or delete`,
      );
    if (
      change.operation === 'upsert' &&
      (change.record as { name?: unknown } | null | undefined)?.name !== change.name
    )
      throw new InvalidOptionsError(
        `changeSet.changes.${i}.record`,
        `an upsert of "${change.name}" needs a record with that name`,
      );
  });
}
