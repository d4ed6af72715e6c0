import type { KyInstance } from 'ky';
import { CATEGORY_DESCRIPTORS, type Category } from '../categories.js';
import { originOf } from '../http/http-client.js';
import { convertLegacyFile } from '../legacy/convert.js';
import type { CategoryResult } from '../records/category-result.js';
import { fetchText } from './fetch-payload.js';
import { toCategoryResult, unchangedResult } from './parse-payload.js';
import { convertOrFail } from './primary-sources.js';
import type { CategorySource } from './source.js';

/** Where the raw legacy files live. Point `rawBaseUrl` at a mirror or proxy to use one. */
export interface GithubOptions {
  /** @default 'https://raw.githubusercontent.com' */
  readonly rawBaseUrl?: string | undefined;
  /** @default 'Haidra-Org' */
  readonly owner?: string | undefined;
  /** @default 'main' */
  readonly branch?: string | undefined;
}

/** Default base of raw GitHub file URLs. */
export const DEFAULT_GITHUB_RAW_URL = 'https://raw.githubusercontent.com';

/**
 * The URL of a category's legacy file:
 * `{rawBaseUrl}/{owner}/{repository}/refs/heads/{branch}/{file}`, or `null` when it has none.
 */
export function githubFileUrl(category: Category, options: GithubOptions = {}): string | null {
  const legacy = CATEGORY_DESCRIPTORS[category].legacy;
  if (!legacy) return null;
  const base = (options.rawBaseUrl ?? DEFAULT_GITHUB_RAW_URL).replace(/\/+$/, '');
  return `${base}/${options.owner ?? 'Haidra-Org'}/${legacy.repository}/refs/heads/${options.branch ?? 'main'}/${legacy.file}`;
}

/**
 * The raw GitHub legacy files (`stable_diffusion.json`, `models.csv`, ...), converted to v2
 * locally exactly as the reference library converts them.
 */
export function githubSource(
  http: KyInstance,
  options: GithubOptions,
  now: () => number,
): CategorySource {
  const base = options.rawBaseUrl ?? DEFAULT_GITHUB_RAW_URL;
  return {
    id: 'github',
    host: originOf(base) ?? base,
    unsupported: (category) =>
      CATEGORY_DESCRIPTORS[category].legacy ? null : `${category} has no legacy file on GitHub`,
    urlOf: (category) => githubFileUrl(category, options) ?? '',
    async fetch<C extends Category>(
      category: C,
      signal: AbortSignal | undefined,
      known?: CategoryResult<C>,
    ): Promise<CategoryResult<C>> {
      const payload = await fetchText(http, githubFileUrl(category, options) ?? '', signal);
      const same = unchangedResult('github', payload, known, now());
      if (same) return same;
      const converted = convertOrFail(() => convertLegacyFile(category, payload.text), payload.url);
      return toCategoryResult(
        category,
        'github',
        payload,
        converted.records,
        now(),
        converted.issues,
      );
    },
  };
}
