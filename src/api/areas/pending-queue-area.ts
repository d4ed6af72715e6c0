import type { Category } from '../../categories.js';
import { InvalidOptionsError } from '../../errors/invalid-options-error.js';
import { PENDING_QUEUE_ROUTES } from '../../http/routes.js';
import type { PendingResourceKind } from '../../records/pending-resources.js';
import { checkObject } from '../../util/option-checks.js';
import type { Call, VersionedCallOptions } from '../call.js';
import { nextOffset, type PageOptions, readPages } from '../pages.js';
import { applyFailure } from '../status-hints.js';
import {
  type ApplyPendingChangesResponse,
  type ApplySingleChangeResponse,
  applyManySchema,
  applySingleSchema,
  batchResultSchema,
  type PendingBatchResult,
  type PendingChangeDiff,
  type PendingChangeDiffPage,
  type PendingChangeRecord,
  type PendingChangeStatus,
  type PendingQueuePage,
  type PurgePendingChangesResponse,
  pendingChangeSchema,
  pendingDiffPageSchema,
  pendingDiffSchema,
  pendingQueuePageSchema,
  purgeSchema,
} from '../types/pending.js';

const routes = PENDING_QUEUE_ROUTES;

const rethrowApplyFailure = (error: unknown): never => {
  throw applyFailure(error);
};

/** Filters of `pendingQueue.changes`. */
export interface PendingQueueFilter {
  readonly statuses?: readonly PendingChangeStatus[];
  readonly categories?: readonly Category[];
  readonly batchId?: number;
  /** Case-insensitive substring, 1–200 characters. */
  readonly modelName?: string;
  /** User ids. */
  readonly requestedBy?: readonly string[];
  /** What the changes edit: models, guidance or baselines (8.x; a 7.6 server ignores it). */
  readonly resourceKinds?: readonly PendingResourceKind[];
  /** @default 0 */
  readonly offset?: number;
  /** 1–500. @default 50 */
  readonly limit?: number;
}

/**
 * Filters of `pendingQueue.myChanges`: the only ones its route takes (it is scoped to the caller,
 * and has no batch, name, requester or resource-kind filter; `changes` has).
 */
export type MyChangesFilter = Pick<
  PendingQueueFilter,
  'statuses' | 'categories' | 'offset' | 'limit'
>;

const MY_CHANGES_FILTERS = ['statuses', 'categories', 'offset', 'limit'];

/** Body of `pendingQueue.batch`: approve and/or reject pending changes under one title. */
export interface PendingBatchRequest {
  /** 1–120 characters. */
  readonly batch_title: string;
  readonly approved_ids?: readonly number[];
  readonly rejected_ids?: readonly number[];
  /** Required when rejecting; up to 500 characters. */
  readonly reject_reason?: string;
}

/** Body of `pendingQueue.purge`: a filter, or `purge_all`. */
export interface PurgeRequest {
  readonly statuses?: readonly PendingChangeStatus[];
  readonly categories?: readonly Category[];
  readonly model_name?: string;
  readonly requested_by?: readonly string[];
  readonly purge_all?: boolean;
  readonly dry_run?: boolean;
}

type O = VersionedCallOptions | undefined;

/**
 * `client.pendingQueue`: the review queue every write goes through. Reading needs the reader
 * role, `myChanges` requestor, and every change to the queue approver.
 */
export interface PendingQueueArea {
  /** Queued changes matching the filter, oldest first. */
  changes(filter?: PendingQueueFilter, options?: O): Promise<PendingQueuePage>;
  /**
   * The caller's own changes (requestor role), filtered by status and category only: the route
   * takes nothing else.
   * @throws {InvalidOptionsError} for another filter (`batchId`, `modelName`, `requestedBy`,
   * `resourceKinds`), which the server would silently ignore; `changes` takes them.
   */
  myChanges(filter?: MyChangesFilter, options?: O): Promise<PendingQueuePage>;
  /**
   * Every page of {@link changes}, from `filter.offset`, in pages of `filter.limit` (default 500,
   * the most the server gives), requested one at a time as the loop asks.
   *
   * @example
   * ```ts
   * for await (const page of api.pendingQueue.changePages({ statuses: ['PENDING'] }))
   *   for (const change of page.items) console.log(change.change_id, change.model_name);
   * ```
   * @throws {InvalidOptionsError} for a `maxPages` outside 1 to 1,000,000.
   */
  changePages(
    filter?: PendingQueueFilter,
    options?: VersionedCallOptions & PageOptions,
  ): AsyncGenerator<PendingQueuePage, void, undefined>;
  /** Every page of {@link myChanges}, as {@link changePages} reads them. */
  myChangePages(
    filter?: MyChangesFilter,
    options?: VersionedCallOptions & PageOptions,
  ): AsyncGenerator<PendingQueuePage, void, undefined>;
  /** One change. @throws {ApiError} 404 for an unknown id. */
  change(id: number, options?: O): Promise<PendingChangeRecord>;
  /** What applying one change would do to the stored record. */
  diff(id: number, options?: O): Promise<PendingChangeDiff>;
  /** 1–100 ids. */
  diffs(ids: readonly number[], options?: O): Promise<PendingChangeDiffPage>;
  /** Approves and/or rejects pending changes as one batch (approver role). */
  batch(request: PendingBatchRequest, options?: O): Promise<PendingBatchResult>;
  /** Removes changes by filter, or all of them; `dry_run` reports without removing. */
  purge(request: PurgeRequest, options?: O): Promise<PurgePendingChangesResponse>;
  /** Applies one approved change now. */
  applyChange(
    id: number,
    params?: { jobId?: string },
    options?: O,
  ): Promise<ApplySingleChangeResponse>;
  /**
   * Applies approved changes in order, stopping at the first failure. The server then answers
   * that failure's status with this same body: it is in the thrown `ApiError.body`, and the
   * error's message says which change failed and what the server said (`failed_error`).
   * @throws {ApiError} for the failing change (503 when the server's storage failed).
   */
  apply(
    request: { changeIds: readonly number[]; jobId?: string; allowMixedBatch?: boolean },
    options?: O,
  ): Promise<ApplyPendingChangesResponse>;
  /** Applies every approved change of a batch, stopping at the first failure. */
  applyBatch(
    batchId: number,
    params?: { jobId?: string },
    options?: O,
  ): Promise<ApplyPendingChangesResponse>;
}

/** Builds `client.pendingQueue`. */
export function pendingQueueArea(call: Call): PendingQueueArea {
  const at = (options: O, params: Record<string, string | number> = {}) => ({
    params: { version: options?.version ?? 'v2', ...params },
    options,
  });
  const filterQuery = (filter: PendingQueueFilter) => ({
    statuses: filter.statuses,
    categories: filter.categories,
    batch_id: filter.batchId,
    model_name: filter.modelName,
    requested_by: filter.requestedBy,
    resource_kinds: filter.resourceKinds,
    offset: filter.offset,
    limit: filter.limit,
  });
  const changes = (filter: PendingQueueFilter = {}, o?: O) =>
    call(routes.changes, { ...at(o), query: filterQuery(filter), schema: pendingQueuePageSchema });
  const myChanges = async (filter: MyChangesFilter = {}, o?: O) => {
    for (const [key, value] of Object.entries(checkObject('filter', filter)))
      if (value !== undefined && !MY_CHANGES_FILTERS.includes(key))
        throw new InvalidOptionsError(
          `filter.${key}`,
          `myChanges cannot filter by it: its route takes ${MY_CHANGES_FILTERS.join(', ')} only (the server would ignore it); changes() takes it`,
        );
    const { statuses, categories, offset, limit } = filter;
    return call(routes.myChanges, {
      ...at(o),
      query: { statuses, categories, offset, limit },
      schema: pendingQueuePageSchema,
    });
  };
  const pages =
    <F extends MyChangesFilter>(
      route: typeof routes.changes,
      read: (filter: F, o?: O) => Promise<PendingQueuePage>,
    ) =>
    (filter: F = {} as F, o?: VersionedCallOptions & PageOptions) =>
      readPages(
        {
          route,
          first: filter.offset ?? 0,
          page: (offset) => read({ ...filter, offset, limit: filter.limit ?? 500 }, o),
          next: (page, offset) => nextOffset(offset, page.items.length, page.total),
        },
        o,
      );
  return {
    changes,
    myChanges,
    changePages: pages(routes.changes, changes),
    myChangePages: pages(routes.myChanges, myChanges),
    change: (id, o) => call(routes.change, { ...at(o, { id }), schema: pendingChangeSchema }),
    diff: (id, o) => call(routes.diff, { ...at(o, { id }), schema: pendingDiffSchema }),
    diffs: (ids, o) =>
      call(routes.diffs, { ...at(o), query: { change_ids: ids }, schema: pendingDiffPageSchema }),
    batch: (request, o) =>
      call(routes.batch, { ...at(o), body: request, schema: batchResultSchema }),
    purge: (request, o) => call(routes.purge, { ...at(o), body: request, schema: purgeSchema }),
    // The server requires a JSON body here, even an empty one.
    applyChange: (id, params = {}, o) =>
      call(routes.applyChange, {
        ...at(o, { id }),
        body: params.jobId ? { job_id: params.jobId } : {},
        schema: applySingleSchema,
      }),
    apply: (request, o) =>
      call(routes.apply, {
        ...at(o),
        body: {
          change_ids: request.changeIds,
          ...(request.jobId ? { job_id: request.jobId } : {}),
          allow_mixed_batch: request.allowMixedBatch ?? false,
        },
        schema: applyManySchema,
      }).catch(rethrowApplyFailure),
    applyBatch: (batchId, params = {}, o) =>
      call(routes.applyBatch, {
        ...at(o, { id: batchId }),
        query: { job_id: params.jobId },
        schema: applyManySchema,
      }).catch(rethrowApplyFailure),
  };
}
