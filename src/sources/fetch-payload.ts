import type { KyInstance } from 'ky';
import { contentHash } from '../util/hash.js';
import { SourceFailure, toSourceFailure } from './source-failure.js';

/** A response body, read whole, with where it came from. */
export interface Payload {
  readonly text: string;
  readonly url: string;
  /** {@link contentHash} of `text`: tells an unchanged body without keeping the old one. */
  readonly hash: string;
}

/**
 * GETs `url` and returns its body text, classifying every failure.
 *
 * An HTML page with a 200 (a captive portal, a proxy error page) is a failure, not data.
 *
 * @throws {SourceFailure} for any failed request; the caller's abort reason when aborted.
 */
export async function fetchText(
  http: KyInstance,
  url: string,
  signal?: AbortSignal,
): Promise<Payload> {
  try {
    const response = await http.get(url, signal ? { signal } : {});
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('text/html') || /^\s*<(!doctype|html)/i.test(text)) {
      throw new SourceFailure('malformed', url, 'answered with an HTML page instead of data');
    }
    return { text, url, hash: contentHash(text) };
  } catch (error) {
    throw toSourceFailure(error, url, signal);
  }
}

/**
 * Parses a JSON body, turning a syntax error (a truncated or non-JSON body) into a failure.
 *
 * @throws {SourceFailure} of kind `malformed`.
 */
export function parseJsonPayload({ text, url }: Payload): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SourceFailure(
      'malformed',
      url,
      `the body is not valid JSON (${(error as Error).message})`,
      {
        cause: error,
      },
    );
  }
}
