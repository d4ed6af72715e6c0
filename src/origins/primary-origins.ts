import { CATEGORY_DESCRIPTORS, type Category } from '../categories.js';
import { isLegacyFormatError } from '../errors/legacy-format-error.js';
import { MalformedResponseError } from '../errors/malformed-response-error.js';
import { parseJsonBody } from '../http/json-body.js';
import { primaryUrls } from '../http/primary-urls.js';
import type { Transport } from '../http/transport.js';
import { urlOrigin } from '../http/url.js';
import { convertLegacyJson } from '../legacy/convert.js';
import type { CategoryResult } from '../records/category-result.js';
import { fetchPayload, type Payload } from './fetch-payload.js';
import type { OriginReader, OriginRequest } from './origin-reader.js';
import { toCategoryResult, unchangedResult } from './parse-payload.js';

/**
 * The PRIMARY's v2 API: `GET {primaryUrl}/model_references/v2/{category}`, validated as is.
 */
export function v2Origin(
  transport: Transport,
  primaryUrl: string,
  now: () => number,
): OriginReader {
  const urls = primaryUrls(primaryUrl);
  return {
    id: 'v2',
    host: urlOrigin(primaryUrl) ?? primaryUrl,
    unsupported: () => null,
    urlOf: (category) => urls.v2Category(category),
    async fetch<C extends Category>(
      category: C,
      request: OriginRequest,
      known?: CategoryResult<C>,
    ): Promise<CategoryResult<C>> {
      const payload = await fetchPayload(transport, urls.v2Category(category), request);
      const same = unchangedResult('v2', payload, known, now());
      if (same) return same;
      return toCategoryResult(category, 'v2', payload, parseJsonBody(payload), now());
    },
  };
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
  const urls = primaryUrls(primaryUrl);
  return {
    id: 'v1',
    host: urlOrigin(primaryUrl) ?? primaryUrl,
    unsupported: (category) =>
      CATEGORY_DESCRIPTORS[category].legacy ? null : `${category} has no legacy format`,
    urlOf: (category) => urls.v1Category(category),
    async fetch<C extends Category>(
      category: C,
      request: OriginRequest,
      known?: CategoryResult<C>,
    ): Promise<CategoryResult<C>> {
      const payload = await fetchPayload(transport, urls.v1Category(category), request);
      const same = unchangedResult('v1', payload, known, now());
      if (same) return same;
      const converted = convertOrFail(
        () => convertLegacyJson(category, parseJsonBody(payload)),
        payload,
      );
      return toCategoryResult(category, 'v1', payload, converted.records, now(), converted.issues);
    },
  };
}

/** Runs a legacy conversion, turning an unreadable legacy payload into an unusable answer. */
export function convertOrFail<T>(convert: () => T, payload: Payload): T {
  try {
    return convert();
  } catch (error) {
    if (!isLegacyFormatError(error)) throw error;
    const { method, url } = payload;
    throw new MalformedResponseError({ method, url, reason: error.message }, { cause: error });
  }
}
