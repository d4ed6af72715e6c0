import { AUDIT_ROUTES } from '../../http/routes.js';
import type { Call, VersionedCallOptions } from '../call.js';
import {
  type AuditBatchDetail,
  type AuditBatchPage,
  type AuditCurrentResponse,
  auditBatchDetailSchema,
  auditBatchPageSchema,
  auditCurrentSchema,
  type BatchNetChangeResponse,
  netChangesSchema,
} from '../types/audit.js';

const routes = AUDIT_ROUTES;

/** Options of the audit routes. */
export interface AuditOptions extends VersionedCallOptions {
  /** Which log to replay. @default the deployment's canonical format */
  readonly domain?: 'legacy' | 'v2' | undefined;
}

/** `client.audit`: the queue's history, replayed from its append-only log (503 if disabled). */
export interface AuditArea {
  /** Pending changes as the audit log replays them, newest first. */
  current(options?: AuditOptions): Promise<AuditCurrentResponse>;
  /** Newest first; pass the page's `next_cursor` as `cursor`. `limit` 1–50. */
  batches(
    params?: { cursor?: number; limit?: number },
    options?: AuditOptions,
  ): Promise<AuditBatchPage>;
  /** One batch with its changes. @throws {ApiError} 404 for an unknown batch. */
  batch(id: number, options?: AuditOptions): Promise<AuditBatchDetail>;
  /** Cached by the server for 5 minutes. */
  netChanges(id: number, options?: AuditOptions): Promise<BatchNetChangeResponse>;
}

/** Builds `client.audit`. */
export function auditArea(call: Call): AuditArea {
  const at = (options: AuditOptions | undefined, params: Record<string, number> = {}) => ({
    params: { version: options?.version ?? 'v2', ...params },
    options,
  });
  const domain = (options: AuditOptions | undefined) => ({ domain_override: options?.domain });
  return {
    current: (o) =>
      call(routes.current, { ...at(o), query: domain(o), schema: auditCurrentSchema }),
    batches: (params = {}, o) =>
      call(routes.batches, {
        ...at(o),
        query: { ...domain(o), cursor: params.cursor, limit: params.limit },
        schema: auditBatchPageSchema,
      }),
    batch: (id, o) =>
      call(routes.batch, { ...at(o, { id }), query: domain(o), schema: auditBatchDetailSchema }),
    netChanges: (id, o) =>
      call(routes.netChanges, { ...at(o, { id }), query: domain(o), schema: netChangesSchema }),
  };
}
