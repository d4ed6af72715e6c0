// `client.baselines`: the served image baseline catalog (upstream
// `service/v2/routers/image_baselines.py` at 24886069; docs/upstream-8x.md).

import type { RequestOptions } from '../../http/request-options.js';
import { BASELINE_ROUTES } from '../../http/routes-8x.js';
import {
  type ImageBaselineCatalog,
  type ImageBaselineRecord,
  imageBaselineCatalogSchema,
  imageBaselineRecordSchema,
} from '../../schemas/baseline-catalog.js';
import type { Call } from '../call.js';
import {
  type ConditionalRead,
  changeSetCall,
  conditionalRead,
  featureCall,
} from '../feature-call.js';
import { baselinePageSchema, type ImageBaselinePage } from '../types/baselines.js';
import { checkBaselineChangeSet, type ImageBaselineChangeSet } from '../types/change-sets.js';
import { type PendingChangeRecord, pendingChangeSchema } from '../types/pending.js';

const routes = BASELINE_ROUTES;

/** The service's entity tag of a baseline catalog revision. */
export const baselinesEtag = (revision: number): string => `W/"image-baselines-${revision}"`;

type O = RequestOptions | undefined;

/**
 * `client.baselines` (8.x servers): which image baselines exist, their native resolution,
 * alternative names and capabilities, and change sets through the pending queue (requestor role,
 * PRIMARY). Against a server without these routes every method throws `FeatureUnavailableError`;
 * `BUNDLED_BASELINE_CATALOG` is the fallback.
 */
export interface BaselinesArea {
  /** Every baseline, in name order, with the catalog's revision. */
  list(options?: O): Promise<ImageBaselinePage>;
  /** The whole catalog (`baselines` keyed by name, null prototype). */
  catalog(options?: O): Promise<ImageBaselineCatalog>;
  /**
   * The whole catalog unless it is still the revision `etag` names (`W/"image-baselines-<rev>"`,
   * as returned by an earlier call): then `{ modified: false }`. `If-None-Match` is sent, so a
   * cache in front of the service can answer 304; the service itself always answers 200.
   *
   * @example
   * ```ts
   * let held = await api.baselines.catalogIfChanged();
   * const next = await api.baselines.catalogIfChanged(held.etag);
   * if (next.modified) held = next;
   * ```
   */
  catalogIfChanged(etag?: string, options?: O): Promise<ConditionalRead<ImageBaselineCatalog>>;
  /** One baseline by its exact name. @throws {ApiError} 404 for an unknown baseline. */
  baseline(name: string, options?: O): Promise<ImageBaselineRecord>;
  /**
   * Queues a change set (202). @throws {InvalidOptionsError} for an empty set or an upsert whose
   * record is not named like the change, before any request. @throws {ChangeSetConflictError}
   * 409: a baseline changed after review. @throws {ApiError} 422 for a delete of a baseline a
   * model still names.
   */
  submitChangeSet(changeSet: ImageBaselineChangeSet, options?: O): Promise<PendingChangeRecord>;
}

/** Builds `client.baselines`. */
export function baselinesArea(rawCall: Call): BaselinesArea {
  const call = featureCall(rawCall, 'image_baselines');
  const submit = changeSetCall(call, 'image_baseline');
  return {
    list: (o) => call(routes.list, { schema: baselinePageSchema, options: o }),
    catalog: (o) => call(routes.catalog, { schema: imageBaselineCatalogSchema, options: o }),
    catalogIfChanged: (etag, o) =>
      conditionalRead(
        call,
        routes.catalogIfChanged,
        { schema: imageBaselineCatalogSchema, options: o },
        (catalog) => baselinesEtag(catalog.metadata.revision),
        etag,
      ),
    baseline: (name, o) =>
      call(routes.baseline, {
        params: { name },
        schema: imageBaselineRecordSchema,
        options: o,
      }),
    async submitChangeSet(changeSet, o) {
      checkBaselineChangeSet(changeSet);
      return submit(routes.submitChangeSet, {
        body: { title: changeSet.title, changes: changeSet.changes },
        schema: pendingChangeSchema,
        options: o,
      });
    },
  };
}
