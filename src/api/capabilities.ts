// What a deployment serves: a 7.6 server has none of the 8.x routes and answers them 404 Not
// Found; features degrade to "unavailable" with a typed error instead of failing at random.
import { isApiError } from '../errors/api-error.js';
import {
  FeatureUnavailableError,
  isFeatureUnavailableError,
  type ServerFeature,
} from '../errors/feature-unavailable-error.js';
import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import type { RequestOptions } from '../http/request-options.js';
import type { ApiClient } from './client.js';
import type { BackendInfo } from './types/service.js';

/** Every feature a probe knows how to look for. */
export const SERVER_FEATURES: readonly ServerFeature[] = [
  'licensing',
  'text_guidance',
  'image_baselines',
];

/** What a deployment serves. */
export interface ServerCapabilities {
  /** `GET /replicate_mode`: PRIMARY or REPLICA, canonical format, writable. */
  readonly backend: BackendInfo;
  /** Per feature: whether its routes exist on this deployment. */
  readonly features: Readonly<Record<ServerFeature, boolean>>;
}

/** Memoised questions about one deployment; see {@link createCapabilityProbe}. */
export interface CapabilityProbe {
  /** `GET /replicate_mode`, read once (a failed read is not remembered). */
  backend(options?: RequestOptions): Promise<BackendInfo>;
  /**
   * Whether the deployment serves `feature`, found out once with one small read.
   * @throws {InvalidOptionsError} for a feature not in {@link SERVER_FEATURES}.
   */
  has(feature: ServerFeature, options?: RequestOptions): Promise<boolean>;
  /** @throws {FeatureUnavailableError} when the deployment does not serve `feature`. */
  require(feature: ServerFeature, options?: RequestOptions): Promise<void>;
  /** The backend and every feature, probed concurrently. */
  capabilities(options?: RequestOptions): Promise<ServerCapabilities>;
}

// The cheapest read of each feature. A 404 naming a missing item still proves the route exists.
const PROBES: Readonly<Record<ServerFeature, (api: ApiClient, o?: RequestOptions) => unknown>> = {
  licensing: (api, o) => api.licensing.licenses({ limit: 1 }, o),
  text_guidance: (api, o) => api.textGuidance.profiles({}, o),
  image_baselines: (api, o) => api.baselines.baseline('infer', o),
};

/**
 * A capability probe over an API client: reads `/replicate_mode` once, and finds out per feature
 * whether its routes exist with one small read each, remembered for the probe's life. A route that
 * answers 404 `Not Found` means "not on this server"; any other failure (timeout, 5xx) is thrown
 * and asked again next time. Against a 7.6 server nothing crashes: `has` answers `false` and
 * `require` throws a `FeatureUnavailableError` that says what is missing.
 *
 * @example
 * ```ts
 * const probe = createCapabilityProbe(createApiClient());
 * if (await probe.has('image_baselines')) catalog = await api.baselines.catalog();
 * else catalog = BUNDLED_BASELINE_CATALOG;
 * ```
 */
export function createCapabilityProbe(api: ApiClient): CapabilityProbe {
  let backend: Promise<BackendInfo> | undefined;
  const features = new Map<ServerFeature, Promise<boolean>>();
  // Why a feature is missing: the error its probe got (with the URL that found no route).
  const missing = new Map<ServerFeature, FeatureUnavailableError>();
  const remembered = <T>(promise: Promise<T>, forget: () => void): Promise<T> =>
    promise.catch((error: unknown) => {
      forget();
      throw error;
    });
  const has = (feature: ServerFeature, options?: RequestOptions): Promise<boolean> => {
    if (!Object.hasOwn(PROBES, feature))
      return Promise.reject(
        new InvalidOptionsError(
          'feature',
          `unknown feature ${feature}; known: ${SERVER_FEATURES.join(', ')}`,
        ),
      );
    let known = features.get(feature);
    if (!known) {
      const probe = Promise.resolve()
        .then(() => PROBES[feature](api, options))
        .then(
          () => true,
          (error: unknown) => {
            if (isFeatureUnavailableError(error)) {
              missing.set(feature, error);
              return false;
            }
            if (isApiError(error) && error.status === 404) return true;
            throw error;
          },
        );
      known = remembered(probe, () => features.delete(feature));
      features.set(feature, known);
    }
    return known;
  };
  return {
    backend(options) {
      backend ??= remembered(api.replicateMode(options), () => {
        backend = undefined;
      });
      return backend;
    },
    has,
    async require(feature, options) {
      if (await has(feature, options)) return;
      throw (
        missing.get(feature) ??
        new FeatureUnavailableError({ feature, method: 'GET', url: api.baseUrl })
      );
    },
    async capabilities(options) {
      const [info, ...flags] = await Promise.all([
        this.backend(options),
        ...SERVER_FEATURES.map((feature) => has(feature, options)),
      ]);
      return {
        backend: info,
        features: Object.fromEntries(
          SERVER_FEATURES.map((feature, i) => [feature, flags[i] === true]),
        ) as Record<ServerFeature, boolean>,
      };
    },
  };
}

/**
 * Probes a deployment once: its backend and which 8.x features it serves.
 *
 * @example
 * ```ts
 * const { backend, features } = await probeCapabilities(createApiClient());
 * features.licensing; // false against a 7.6 server
 * ```
 */
export function probeCapabilities(
  api: ApiClient,
  options?: RequestOptions,
): Promise<ServerCapabilities> {
  return createCapabilityProbe(api).capabilities(options);
}
