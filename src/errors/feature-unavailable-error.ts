import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/** The features a deployment may or may not serve (routes added after the service's 7.6). */
export type ServerFeature = 'licensing' | 'text_guidance' | 'image_baselines';

/**
 * The deployment does not serve this feature: its route answered 404 `Not Found`, the answer of a
 * path no route matches (a 7.6 server, or one that disabled the feature), as opposed to a 404 for
 * a missing license, profile or baseline, which is an `ApiError`. Nothing is retried.
 */
export class FeatureUnavailableError extends ModelReferenceError {
  override readonly name = 'FeatureUnavailableError' as const;
  /** The feature that is missing. */
  readonly feature: ServerFeature;
  readonly method: string;
  /** The request that found no route (never contains the API key). */
  readonly url: string;

  constructor(init: { feature: ServerFeature; method: string; url: string; cause?: unknown }) {
    super(
      'FEATURE_UNAVAILABLE',
      `${init.method} ${init.url}: this server does not serve ${init.feature.replace('_', ' ')} (no such route: 404 Not Found). It needs a horde-model-reference service 8.x; a 7.6 server has only the model reference routes. Check replicateMode() and the server version, or use another PRIMARY.`,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.feature = init.feature;
    this.method = init.method;
    this.url = init.url;
  }
}

/** Cross-realm guard for {@link FeatureUnavailableError}. */
export const isFeatureUnavailableError: (error: unknown) => error is FeatureUnavailableError =
  /* @__PURE__ */ errorGuard(FeatureUnavailableError, 'FeatureUnavailableError');
