import { CATEGORY_DESCRIPTORS } from '../categories.js';
import { V1_CATEGORY_ROUTE, V2_CATEGORY_ROUTE } from '../http/category-routes.js';
import { parseJsonBody } from '../http/json-body.js';
import { routeUrl } from '../http/route-url.js';
import type { Transport } from '../http/transport.js';
import { convertLegacy, httpOrigin } from './http-origin.js';
import type { OriginReader } from './origin-reader.js';

/** The PRIMARY's v2 API: `GET {primaryUrl}/model_references/v2/{category}`, validated as is. */
export function v2Origin(
  transport: Transport,
  primaryUrl: string,
  now: () => number,
): OriginReader {
  return httpOrigin(
    {
      id: 'v2',
      base: primaryUrl,
      unsupported: () => null,
      urlOf: (category) => routeUrl(primaryUrl, V2_CATEGORY_ROUTE, { category }),
      decode: (_, payload) => ({ records: parseJsonBody(payload), issues: [] }),
    },
    transport,
    now,
  );
}

/**
 * The PRIMARY's legacy v1 API: `GET {primaryUrl}/model_references/v1/{category}`, converted to
 * v2 locally. Categories without a legacy format are not asked for.
 */
export function v1Origin(
  transport: Transport,
  primaryUrl: string,
  now: () => number,
): OriginReader {
  return httpOrigin(
    {
      id: 'v1',
      base: primaryUrl,
      unsupported: (category) =>
        CATEGORY_DESCRIPTORS[category].legacy ? null : `${category} has no legacy format`,
      urlOf: (category) => routeUrl(primaryUrl, V1_CATEGORY_ROUTE, { category }),
      decode: (category, payload) =>
        convertLegacy(payload, (legacy) =>
          legacy.convertLegacyJson(category, parseJsonBody(payload)),
        ),
    },
    transport,
    now,
  );
}
