import { AUDIT_ROUTES } from '../../http/routes.js';
import type { Call, VersionedCallOptions } from '../call.js';
import { type PageOptions, readPages } from '../pages.js';
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
  /**
   * Every page of {@link batches}, newest first, following `next_cursor` from `params.cursor`
   * (pages of `params.limit`, default 50, the most the server gives), one request at a time.
   *
   * @example
   * ```ts
   * for await (const page of api.audit.batchPages()) for (const batch of page.batches) console.log(batch);
   * ```
   * @throws {InvalidOptionsError} for a `maxPages` outside 1 to 1,000,000.
   */
  batchPages(
    params?: { cursor?: number; limit?: number },
    options?: AuditOptions & PageOptions,
  ): AsyncGenerator<AuditBatchPage, void, undefined>;
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
  const batches = (params: { cursor?: number; limit?: number } = {}, o?: AuditOptions) =>
    call(routes.batches, {
      ...at(o),
      query: { ...domain(o), cursor: params.cursor, limit: params.limit },
      schema: auditBatchPageSchema,
    });
  return {
    current: (o) =>
      call(routes.current, { ...at(o), query: domain(o), schema: auditCurrentSchema }),
    batches,
    batchPages: (params = {}, o) =>
      readPages<AuditBatchPage, number | undefined>(
        {
          route: routes.batches,
          first: params.cursor,
          page: (cursor) =>
            batches({ ...(cursor === undefined ? {} : { cursor }), limit: params.limit ?? 50 }, o),
          // An empty page ends it whatever cursor it names.
          next: (page) => (page.batches.length === 0 ? null : page.next_cursor),
        },
        o,
      ),
    batch: (id, o) =>
      call(routes.batch, { ...at(o, { id }), query: domain(o), schema: auditBatchDetailSchema }),
    netChanges: (id, o) =>
      call(routes.netChanges, { ...at(o, { id }), query: domain(o), schema: netChangesSchema }),
  };
}
