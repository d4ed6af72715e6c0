import type { KyInstance } from 'ky';
import { CATEGORY_DESCRIPTORS, type Category } from '../categories.js';
import { isLegacyFormatError } from '../errors/legacy-format-error.js';
import { originOf } from '../http/http-client.js';
import { primaryUrls } from '../http/primary-urls.js';
import { convertLegacyJson } from '../legacy/convert.js';
import type { CategoryResult } from '../records/category-result.js';
import { fetchText, parseJsonPayload } from './fetch-payload.js';
import { toCategoryResult, unchangedResult } from './parse-payload.js';
import type { CategorySource } from './source.js';
import { SourceFailure } from './source-failure.js';

/**
 * The PRIMARY's v2 API: `GET {primaryUrl}/model_references/v2/{category}`, validated as is.
 */
export function v2Source(http: KyInstance, primaryUrl: string, now: () => number): CategorySource {
  const urls = primaryUrls(primaryUrl);
  return {
    id: 'v2',
    host: originOf(primaryUrl) ?? primaryUrl,
    unsupported: () => null,
    urlOf: (category) => urls.v2Category(category),
    async fetch<C extends Category>(
      category: C,
      signal: AbortSignal | undefined,
      known?: CategoryResult<C>,
    ): Promise<CategoryResult<C>> {
      const payload = await fetchText(http, urls.v2Category(category), signal);
      const same = unchangedResult('v2', payload, known, now());
      if (same) return same;
      return toCategoryResult(category, 'v2', payload, parseJsonPayload(payload), now());
    },
  };
}

/**
 * The PRIMARY's legacy v1 API: `GET {primaryUrl}/model_references/v1/{category}`, converted to
 * v2 locally. Categories without a legacy format are not asked for.
 */
export function v1Source(http: KyInstance, primaryUrl: string, now: () => number): CategorySource {
  const urls = primaryUrls(primaryUrl);
  return {
    id: 'v1',
    host: originOf(primaryUrl) ?? primaryUrl,
    unsupported: (category) =>
      CATEGORY_DESCRIPTORS[category].legacy ? null : `${category} has no legacy format`,
    urlOf: (category) => urls.v1Category(category),
    async fetch<C extends Category>(
      category: C,
      signal: AbortSignal | undefined,
      known?: CategoryResult<C>,
    ): Promise<CategoryResult<C>> {
      const payload = await fetchText(http, urls.v1Category(category), signal);
      const same = unchangedResult('v1', payload, known, now());
      if (same) return same;
      const converted = convertOrFail(
        () => convertLegacyJson(category, parseJsonPayload(payload)),
        payload.url,
      );
      return toCategoryResult(category, 'v1', payload, converted.records, now(), converted.issues);
    },
  };
}

/** Runs a legacy conversion, turning an unreadable legacy payload into a failed source. */
export function convertOrFail<T>(convert: () => T, url: string): T {
  try {
    return convert();
  } catch (error) {
    if (isLegacyFormatError(error))
      throw new SourceFailure('malformed', url, error.message, { cause: error });
    throw error;
  }
}
