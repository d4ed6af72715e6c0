import type { ManifestFile } from '../worker/download-manifest.js';
import { checkOptionKeys } from './option-keys.js';

/** One URL to fetch a file from (a mirror's or the record's), with the headers for its host and its retries. */
export interface DownloadUrl {
  readonly url: string;
  /**
   * Headers for this URL's host only (a token, an API key): a redirect to any other host
   * carries none of them.
   */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /**
   * Retries of transient failures (5xx, 408, 429, resets, timeouts) before the next URL.
   * @default 1 for every URL but the last (a mirror yields promptly), the `retries` option for the last
   */
  readonly retries?: number | undefined;
}

/** What a {@link ResolveUrls} hook is told about a file. */
export interface FileToResolve {
  readonly model: string;
  readonly category: string;
  readonly file: ManifestFile;
}

/**
 * Where to fetch a file from, in order: mirrors first (a content-addressed mirror needs only the
 * sha256), then the record's URL. Strings are URLs without headers. Return `undefined` to use the
 * record's own URL.
 */
export type ResolveUrls = (
  file: FileToResolve,
) => readonly (DownloadUrl | string)[] | undefined | null;

/** A mirror for {@link mirrorsFirst}: files under `<url>/by-hash/<sha256>`. */
export interface MirrorOption {
  readonly url: string;
  /** Sent to the mirror's host only (e.g. `{ apikey }` for the AI-Horde gateway). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/** Options of {@link mirrorsFirst}. */
export interface MirrorsFirstOptions {
  /** Content-addressed mirrors, tried in order before the record's URL for files with a known sha256. */
  readonly mirrors?: readonly (string | MirrorOption)[] | undefined;
  /** Headers per exact host (`host:port` or host name), for the record's URL only (e.g. `{ 'civitai.com': { Authorization: 'Bearer …' } }`). */
  readonly hostHeaders?: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether credentials may travel to `url`: HTTPS, or plain HTTP to this machine only. */
export function acceptsCredentials(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' || (protocol === 'http:' && LOOPBACK.has(hostname));
  } catch {
    return false;
  }
}

/**
 * A {@link ResolveUrls} hook: each content-addressed mirror (`<mirror>/by-hash/<sha256>`, the
 * reference library's gateway layout) for files with a known sha256, then the record's URL with
 * the headers of its host. A mirror given headers is skipped unless it is HTTPS (or loopback),
 * so a key never travels in clear text.
 *
 * @example
 * ```ts
 * await downloadModels(plan, {
 *   root: '/models',
 *   resolveUrls: mirrorsFirst({
 *     mirrors: [{ url: 'https://models-mirror.example', headers: { apikey: process.env.HORDE_API_KEY ?? '' } }],
 *     hostHeaders: { 'civitai.com': { Authorization: `Bearer ${process.env.CIVITAI_TOKEN}` } },
 *   }),
 * });
 * ```
 * @throws {InvalidOptionsError} for options that are not an object or hold an unknown key.
 */
export function mirrorsFirst(options: MirrorsFirstOptions): ResolveUrls {
  checkOptionKeys(options, { mirrors: true, hostHeaders: true });
  const mirrors = (options.mirrors ?? []).map((m) => (typeof m === 'string' ? { url: m } : m));
  const hostHeaders = options.hostHeaders ?? {};
  return ({ file }) => {
    const urls: DownloadUrl[] = [];
    if (file.sha256 !== null)
      for (const mirror of mirrors) {
        const headers = mirror.headers;
        if (headers && Object.keys(headers).length > 0 && !acceptsCredentials(mirror.url)) continue;
        urls.push({ url: `${mirror.url.replace(/\/+$/, '')}/by-hash/${file.sha256}`, headers });
      }
    if (file.url !== null) {
      let host = '';
      let hostname = '';
      try {
        ({ host, hostname } = new URL(file.url));
      } catch {}
      // `host:port` first, then the bare host name.
      const key = Object.hasOwn(hostHeaders, host) ? host : hostname;
      const headers = Object.hasOwn(hostHeaders, key) ? hostHeaders[key] : undefined;
      urls.push({ url: file.url, headers });
    }
    return urls;
  };
}
