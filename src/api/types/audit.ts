import * as z from 'zod/mini';
import type { Schema } from '../../schemas/shared.js';
import { maybe, num, objects, str } from './fields.js';

/** A queued change as the audit log replays it, with its events. */
export interface PendingQueueAuditChange {
  change_id: number;
  status: string;
  operation?: string | null | undefined;
  category?: string | null | undefined;
  model_name?: string | null | undefined;
  batch_id?: number | null | undefined;
  events: Record<string, unknown>[];
  [field: string]: unknown;
}
const auditChangeSchema: Schema<PendingQueueAuditChange> = z.looseObject({
  change_id: num,
  status: str,
  operation: maybe(str),
  category: maybe(str),
  model_name: maybe(str),
  batch_id: maybe(num),
  events: z._default(objects, () => []),
});

/** `GET .../audit/current`: pending changes, newest first. */
export interface AuditCurrentResponse {
  domain: string;
  pending_changes: PendingQueueAuditChange[];
  total_pending: number;
  generated_at: number;
}
/** Schema of {@link AuditCurrentResponse}. */
export const auditCurrentSchema: Schema<AuditCurrentResponse> = z.looseObject({
  domain: str,
  pending_changes: z.array(auditChangeSchema),
  total_pending: num,
  generated_at: num,
});

/** `GET .../audit/batches`: newest first; pass `next_cursor` as `cursor` for the next page. */
export interface AuditBatchPage {
  domain: string;
  batches: Record<string, unknown>[];
  next_cursor: number | null;
}
/** Schema of {@link AuditBatchPage}. */
export const auditBatchPageSchema: Schema<AuditBatchPage> = z.looseObject({
  domain: str,
  batches: objects,
  next_cursor: z.nullable(num),
});

/** `GET .../audit/batches/{id}`: the batch summary with its changes. */
export interface AuditBatchDetail {
  batch_id: number;
  changes: PendingQueueAuditChange[];
  [field: string]: unknown;
}
/** Schema of {@link AuditBatchDetail}. */
export const auditBatchDetailSchema: Schema<AuditBatchDetail> = z.looseObject({
  batch_id: num,
  changes: z.array(auditChangeSchema),
});

/** `GET .../audit/batches/{id}/net_changes`: what a batch did, per model. */
export interface BatchNetChangeResponse {
  batch_id: number;
  batch_title?: string | null | undefined;
  domain: string;
  model_changes: Record<string, unknown>[];
  models_added: number;
  models_modified: number;
  models_deleted: number;
  models_unchanged: number;
  total_field_changes: number;
  has_critical_changes: boolean;
  generated_at: number;
}
/** Schema of {@link BatchNetChangeResponse}. */
export const netChangesSchema: Schema<BatchNetChangeResponse> = z.looseObject({
  batch_id: num,
  batch_title: maybe(str),
  domain: str,
  model_changes: objects,
  models_added: num,
  models_modified: num,
  models_deleted: num,
  models_unchanged: num,
  total_field_changes: num,
  has_critical_changes: z.boolean(),
  generated_at: num,
});
