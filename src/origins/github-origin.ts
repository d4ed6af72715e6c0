import { CATEGORY_DESCRIPTORS, type Category } from '../categories.js';
import type { Transport } from '../http/transport.js';
import { urlOrigin } from '../http/url.js';
import { convertLegacyFile } from '../legacy/convert.js';
import type { CategoryResult } from '../records/category-result.js';
import { fetchPayload } from './fetch-payload.js';
import type { OriginReader, OriginRequest } from './origin-reader.js';
import { toCategoryResult, unchangedResult } from './parse-payload.js';
import { convertOrFail } from './primary-origins.js';

/** Where the raw legacy files live. Point `rawBaseUrl` at a mirror or proxy to use one. */
export interface GithubOptions {
  /** @default 'https://raw.githubusercontent.com' */
  readonly rawBaseUrl?: string | undefined;
  /** @default 'Haidra-Org' */
  readonly owner?: string | undefined;
  /** @default 'main' */
  readonly branch?: string | undefined;
}

/** {@link GithubOptions}, resolved. */
export type GithubLocation = Required<{ [K in keyof GithubOptions]: string }>;

/** Where the legacy files live by default. */
export const DEFAULT_GITHUB: GithubLocation = {
  rawBaseUrl: 'https://raw.githubusercontent.com',
  owner: 'Haidra-Org',
  branch: 'main',
};

/**
 * The URL of a category's legacy file:
 * `{rawBaseUrl}/{owner}/{repository}/refs/heads/{branch}/{file}`, or `null` when it has none.
 */
export function githubFileUrl(category: Category, location: GithubLocation): string | null {
  const legacy = CATEGORY_DESCRIPTORS[category].legacy;
  if (!legacy) return null;
  const { rawBaseUrl, owner, branch } = location;
  return `${rawBaseUrl}/${owner}/${legacy.repository}/refs/heads/${branch}/${legacy.file}`;
}

/**
 * The raw GitHub legacy files (`stable_diffusion.json`, `models.csv`, ...), converted to v2
 * locally exactly as the reference library converts them.
 */
export function githubOrigin(
  transport: Transport,
  location: GithubLocation,
  now: () => number,
): OriginReader {
  const base = location.rawBaseUrl;
  return {
    id: 'github',
    host: urlOrigin(base) ?? base,
    unsupported: (category) =>
      CATEGORY_DESCRIPTORS[category].legacy ? null : `${category} has no legacy file on GitHub`,
    urlOf: (category) => githubFileUrl(category, location) ?? '',
    async fetch<C extends Category>(
      category: C,
      request: OriginRequest,
      known?: CategoryResult<C>,
    ): Promise<CategoryResult<C>> {
      const payload = await fetchPayload(
        transport,
        githubFileUrl(category, location) ?? '',
        request,
      );
      const same = unchangedResult('github', payload, known, now());
      if (same) return same;
      const converted = convertOrFail(() => convertLegacyFile(category, payload.text), payload);
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
