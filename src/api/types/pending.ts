import * as z from 'zod/mini';
import type { Category } from '../../categories.js';
import type { PendingResourceKind } from '../../records/pending-resources.js';
import { dictionary } from '../../schemas/dictionary.js';
import type { Schema } from '../../schemas/shared.js';
import { maybe, num, str } from './fields.js';

/** Where a queued change is in its life: pending → approved → applying → applied, or rejected. */
export type PendingChangeStatus =
  | 'pending'
  | 'approved'
  | 'applying'
  | 'applied'
  | 'rejected'
  | (string & {});

/**
 * A write waiting in (or done by) the PRIMARY's pending queue. Writes answer 202 with one. Null
 * fields are absent from 202 bodies and `null` in queue reads, so every optional is `?: T | null`.
 */
export interface PendingChangeRecord {
  change_id: number;
  /** What the change edits (8.x): absent on 7.6 servers, where every change is a model change. */
  resource_kind?: PendingResourceKind | null | undefined;
  /** The id of a non-model resource (8.x); `model_name` is then a label such as `guidance:<id>`. */
  resource_id?: string | null | undefined;
  category: Category | (string & {});
  model_name: string;
  operation: 'create' | 'update' | 'delete' | (string & {});
  payload?: Record<string, unknown> | null | undefined;
  requested_by: string;
  requested_username?: string | null | undefined;
  requested_at: number;
  status: PendingChangeStatus;
  notes?: string | null | undefined;
  batch_id?: number | null | undefined;
  batch_title?: string | null | undefined;
  approved_by?: string | null | undefined;
  approved_username?: string | null | undefined;
  approved_at?: number | null | undefined;
  rejected_by?: string | null | undefined;
  rejected_username?: string | null | undefined;
  rejected_at?: number | null | undefined;
  reject_reason?: string | null | undefined;
  applied_at?: number | null | undefined;
  applied_by?: string | null | undefined;
  applied_username?: string | null | undefined;
  applied_job_id?: string | null | undefined;
  updated_at: number;
  request_metadata?: Record<string, unknown> | null | undefined;
  related_models?: string[] | null | undefined;
}
/** Schema of {@link PendingChangeRecord}. */
export const pendingChangeSchema: Schema<PendingChangeRecord> = z.looseObject({
  change_id: num,
  resource_kind: maybe(str),
  resource_id: maybe(str),
  category: str,
  model_name: str,
  operation: str,
  payload: maybe(dictionary(z.unknown())),
  requested_by: z.pipe(z.union([str, num]), z.transform(String)),
  requested_username: maybe(str),
  requested_at: num,
  status: str,
  notes: maybe(str),
  batch_id: maybe(num),
  batch_title: maybe(str),
  approved_by: maybe(str),
  approved_username: maybe(str),
  approved_at: maybe(num),
  rejected_by: maybe(str),
  rejected_username: maybe(str),
  rejected_at: maybe(num),
  reject_reason: maybe(str),
  applied_at: maybe(num),
  applied_by: maybe(str),
  applied_username: maybe(str),
  applied_job_id: maybe(str),
  updated_at: num,
  request_metadata: maybe(dictionary(z.unknown())),
  related_models: maybe(z.array(str)),
});

/** A page of the queue. */
export interface PendingQueuePage {
  items: PendingChangeRecord[];
  total: number;
  offset: number;
  limit: number;
}
/** Schema of {@link PendingQueuePage}. */
export const pendingQueuePageSchema: Schema<PendingQueuePage> = z.looseObject({
  items: z.array(pendingChangeSchema),
  total: num,
  offset: num,
  limit: num,
});

/** One field a change would touch. */
export interface FieldDiff {
  field_path: string;
  old_value?: unknown;
  new_value?: unknown;
  change_type: 'added' | 'removed' | 'modified' | (string & {});
}

/** What applying a change would do to the stored record. */
export interface PendingChangeDiff {
  change_id: number;
  category: string;
  model_name: string;
  operation: string;
  current_state?: Record<string, unknown> | null | undefined;
  proposed_state?: Record<string, unknown> | null | undefined;
  net_operation: 'added' | 'modified' | 'deleted' | 'unchanged' | (string & {});
  field_diffs: FieldDiff[];
  is_critical: boolean;
  fields_added: string[];
  fields_removed: string[];
  fields_modified: string[];
}
const fieldDiffSchema: Schema<FieldDiff> = z.looseObject({
  field_path: str,
  old_value: z.optional(z.unknown()),
  new_value: z.optional(z.unknown()),
  change_type: str,
});
/** Schema of {@link PendingChangeDiff}. */
export const pendingDiffSchema: Schema<PendingChangeDiff> = z.looseObject({
  change_id: num,
  category: str,
  model_name: str,
  operation: str,
  current_state: maybe(dictionary(z.unknown())),
  proposed_state: maybe(dictionary(z.unknown())),
  net_operation: str,
  field_diffs: z.array(fieldDiffSchema),
  is_critical: z.boolean(),
  fields_added: z.array(str),
  fields_removed: z.array(str),
  fields_modified: z.array(str),
});

/** `GET .../pending_queue/diffs`. */
export interface PendingChangeDiffPage {
  diffs: PendingChangeDiff[];
  total: number;
  errors: { change_id: number; error: string }[];
}
/** Schema of {@link PendingChangeDiffPage}. */
export const pendingDiffPageSchema: Schema<PendingChangeDiffPage> = z.looseObject({
  diffs: z.array(pendingDiffSchema),
  total: num,
  errors: z.array(z.looseObject({ change_id: num, error: str })),
});

/** `POST .../pending_queue/batches`. */
export interface PendingBatchResult {
  batch_id: number | null;
  batch_title: string;
  approved: PendingChangeRecord[];
  rejected: PendingChangeRecord[];
}
/** Schema of {@link PendingBatchResult}. */
export const batchResultSchema: Schema<PendingBatchResult> = z.looseObject({
  batch_id: z.nullable(num),
  batch_title: str,
  approved: z.array(pendingChangeSchema),
  rejected: z.array(pendingChangeSchema),
});

/** `POST .../pending_queue/purge`. */
export interface PurgePendingChangesResponse {
  removed_count: number;
  removed_change_ids: number[];
  dry_run: boolean;
}
/** Schema of {@link PurgePendingChangesResponse}. */
export const purgeSchema: Schema<PurgePendingChangesResponse> = z.looseObject({
  removed_count: num,
  removed_change_ids: z.array(num),
  dry_run: z.boolean(),
});

/** Batch-split fields, present only when applying split a batch. */
interface BatchSplit {
  batch_split_occurred: boolean;
  batch_split_original_batch_id?: number | null | undefined;
  batch_split_new_batch_id?: number | null | undefined;
  batch_split_reassigned_count?: number | null | undefined;
}
const batchSplit = {
  batch_split_occurred: z._default(z.boolean(), false),
  batch_split_original_batch_id: maybe(num),
  batch_split_new_batch_id: maybe(num),
  batch_split_reassigned_count: maybe(num),
};

/** `POST .../pending_queue/changes/{id}/apply`. */
export interface ApplySingleChangeResponse extends BatchSplit {
  record: PendingChangeRecord;
}
/** Schema of {@link ApplySingleChangeResponse}. */
export const applySingleSchema: Schema<ApplySingleChangeResponse> = z.looseObject({
  record: pendingChangeSchema,
  ...batchSplit,
});

/**
 * `POST .../pending_queue/apply` and `apply_batch/{id}`. The run stops at the first failure; the
 * server then answers that failure's status with this same body (see `ApiError.body`).
 */
export interface ApplyPendingChangesResponse extends BatchSplit {
  applied: PendingChangeRecord[];
  failed_change_id?: number | null | undefined;
  failed_error?: string | null | undefined;
  /** The server's exception class, e.g. `PendingChangeBackendError`. */
  failed_error_type?: string | null | undefined;
}
/** Schema of {@link ApplyPendingChangesResponse}. */
export const applyManySchema: Schema<ApplyPendingChangesResponse> = z.looseObject({
  applied: z.array(pendingChangeSchema),
  failed_change_id: maybe(num),
  failed_error: maybe(str),
  failed_error_type: maybe(str),
  ...batchSplit,
});

/** `{ pending_change_id }` (name exceptions). */
export interface PendingChangeIdResponse {
  pending_change_id: number;
}
/** Schema of {@link PendingChangeIdResponse}. */
export const pendingChangeIdSchema: Schema<PendingChangeIdResponse> = z.looseObject({
  pending_change_id: num,
});
