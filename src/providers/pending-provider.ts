import type { Category } from '../categories.js';
import { CATEGORIES } from '../categories.js';
import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import { V2_PENDING_ROUTE } from '../http/category-routes.js';
import {
  DEFAULT_CLIENT_AGENT,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUT_MS,
} from '../http/defaults.js';
import { parseJsonBody } from '../http/json-body.js';
import { routeUrl } from '../http/route-url.js';
import { createTransport, type Transport } from '../http/transport.js';
import { checkHeaderValue, checkKeys, checkObject } from '../util/option-checks.js';
import type { ModelProvider, ProviderFetchOptions } from './model-provider.js';

/** Options of {@link pendingProvider}. */
export interface PendingProviderOptions {
  /** An AI-Horde API key with the pending queue's reader role; sent to the PRIMARY origin only. */
  readonly apiKey: string;
  /** @default 'pending' */
  readonly id?: string | undefined;
  /** @default every category */
  readonly categories?: readonly Category[] | undefined;
  /** @default the manager's `ttlMs` */
  readonly ttlMs?: number | undefined;
  /** @default the manager's `timeoutMs` */
  readonly timeoutMs?: number | undefined;
}

/**
 * The PRIMARY's beta channel: records of creates and updates waiting in (or approved by) the
 * pending queue, from `GET /model_references/v2/{category}/pending`. Deletes are not shown there.
 * Use `source: ['pending', 'horde']` to let beta records override canonical ones.
 *
 * @example
 * ```ts
 * refs.registerProvider(pendingProvider({ apiKey: process.env.HORDE_API_KEY! }));
 * const beta = await refs.getCategory('image_generation', { source: ['pending', 'horde'] });
 * ```
 * @throws {InvalidOptionsError} without an API key (the route needs one), or with one that is not
 * a plain header value (the message never shows it).
 */
export function pendingProvider(options: PendingProviderOptions): ModelProvider {
  const given = checkObject('options', options);
  checkKeys('options', given, ['apiKey', 'id', 'categories', 'ttlMs', 'timeoutMs']);
  if (given.apiKey === undefined)
    throw new InvalidOptionsError(
      'apiKey',
      'the pending route needs an API key with the reader role',
    );
  const apiKey = checkHeaderValue('apiKey', given.apiKey, true);
  const transports = new Map<string, Transport>();
  const transportFor = (primaryUrl: string, given: ProviderFetchOptions) => {
    let transport = transports.get(primaryUrl);
    if (!transport) {
      // Its own transport: the key is this provider's, and goes to the PRIMARY only. The deadline
      // is the registry's signal (the provider's timeoutMs); this one only backs it up.
      transport = createTransport({
        primaryUrl,
        apiKey,
        fetch: given.fetch ?? ((input, init) => globalThis.fetch(input, init)),
        timeoutMs: DEFAULT_TIMEOUT_MS,
        retry: { ...DEFAULT_RETRY, limit: 1 },
        clientAgent: DEFAULT_CLIENT_AGENT,
        maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
        ...given.observe,
      });
      transports.set(primaryUrl, transport);
    }
    return transport;
  };
  const id = options.id ?? 'pending';
  return {
    id,
    categories: options.categories ?? CATEGORIES,
    ttlMs: options.ttlMs,
    timeoutMs: options.timeoutMs,
    async fetchCategory(category, given) {
      const { signal, primaryUrl } = given;
      if (primaryUrl === null) throw new Error('the pending channel needs a PRIMARY (primaryUrl)');
      // The PRIMARY's base without a trailing slash (the server redirects such URLs).
      const url = routeUrl(primaryUrl.replace(/\/+$/, ''), V2_PENDING_ROUTE, { category });
      const transport = transportFor(primaryUrl, given);
      const payload = parseJsonBody(await transport.request({ url, signal, origin: id }));
      // Guidance and baseline change sets are not models. Loaded with the first answer (a chunk
      // of its own, importing nothing); failing to load fails this fetch like any other failure.
      const { dropNonModelPendingEntries } = await import('../records/pending-resources.js');
      return dropNonModelPendingEntries(payload);
    },
  };
}
