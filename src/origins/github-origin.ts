import { CATEGORY_DESCRIPTORS, type Category } from '../categories.js';
import type { Transport } from '../http/transport.js';
import { convertLegacy, httpOrigin } from './http-origin.js';
import type { OriginReader } from './origin-reader.js';

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
  return httpOrigin(
    {
      id: 'github',
      base: location.rawBaseUrl,
      unsupported: (category) =>
        CATEGORY_DESCRIPTORS[category].legacy ? null : `${category} has no legacy file on GitHub`,
      urlOf: (category) => githubFileUrl(category, location) ?? '',
      decode: (category, payload) =>
        convertLegacy(payload, (legacy) => legacy.convertLegacyFile(category, payload.text)),
    },
    transport,
    now,
  );
}
