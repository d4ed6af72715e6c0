import type { Category } from '../categories.js';
import { MalformedResponseError } from '../errors/malformed-response-error.js';
import type { Transport } from '../http/transport.js';
import { urlOrigin } from '../http/url.js';
import type { CategoryResult, NetworkOrigin } from '../records/category-result.js';
import { issueMessagesReady } from '../schemas/lazy-issues.js';
import type { RecordIssue } from '../schemas/record-validation.js';
import { fetchPayload, type Payload } from './fetch-payload.js';
import type { OriginReader, OriginRequest } from './origin-reader.js';
import { toCategoryResult, unchangedResult } from './parse-payload.js';

/** What sets one HTTP origin apart: where a category lives, and how its body becomes v2 records. */
export interface HttpOriginSpec {
  readonly id: NetworkOrigin;
  /** A URL on the origin's host (its scheme, host and port key the host's circuit). */
  readonly base: string;
  /** Why the origin cannot serve `category` at all, or `null`. */
  unsupported(category: Category): string | null;
  urlOf(category: Category): string;
  /**
   * The raw v2 records of a body (validated afterwards) and the problems met converting it.
   *
   * @throws {ModelReferenceError} when the body cannot be read at all.
   */
  decode(
    category: Category,
    payload: Payload,
  ):
    | { records: unknown; issues: readonly RecordIssue[] }
    | Promise<{ records: unknown; issues: readonly RecordIssue[] }>;
}

/**
 * An origin read over HTTP: fetch the category's URL, keep what is cached when the body has not
 * changed, otherwise decode and validate it record by record.
 *
 * Conditional requests: the `ETag` and `Last-Modified` of the last body are kept per URL (one per
 * category, so memory stays bounded) and sent as `If-None-Match` / `If-Modified-Since` when the
 * data held is that body; a 304 is an unchanged answer, with nothing downloaded, decoded or
 * validated.
 */
export function httpOrigin(
  spec: HttpOriginSpec,
  transport: Transport,
  now: () => number,
): OriginReader {
  /** Per category (one URL each): the hash of the last body, and the validators to send for it. */
  const validators = new Map<Category, readonly [string, Record<string, string>]>();
  return {
    id: spec.id,
    host: urlOrigin(spec.base) ?? spec.base,
    unsupported: (category) => spec.unsupported(category),
    urlOf: (category) => spec.urlOf(category),
    async fetch<C extends Category>(
      category: C,
      request: OriginRequest,
      known?: CategoryResult<C>,
    ): Promise<CategoryResult<C>> {
      const held = validators.get(category);
      const asked = known?.origin === spec.id && known.hash === held?.[0];
      const payload = await fetchPayload(
        transport,
        spec.urlOf(category),
        request,
        asked ? held?.[1] : undefined,
      );
      // A 304 nobody asked for has no body: it fails to decode like an empty answer.
      if (payload.status === 304 && asked) return { ...known, url: payload.url, fetchedAt: now() };
      const etag = payload.headers.get('etag');
      const modified = payload.headers.get('last-modified');
      validators.set(category, [
        payload.hash,
        {
          ...(etag && { 'if-none-match': etag }),
          ...(modified && { 'if-modified-since': modified }),
        },
      ]);
      const same = unchangedResult(spec.id, payload, known, now());
      if (same) return same;
      const { records, issues } = await spec.decode(category, payload);
      const result = toCategoryResult(category, spec.id, payload, records, now(), issues);
      // Invalid records are reported once their messages can be worded (lazy-issues.ts).
      if (result.issues.length > 0) await issueMessagesReady();
      return result;
    },
  };
}

/** The legacy converters (src/legacy/convert.ts). */
export type LegacyConverters = typeof import('../legacy/convert.js');

/**
 * Runs a legacy conversion with the converters, loaded the first time an origin needs them (they
 * are only used when the PRIMARY's v2 API cannot answer, so a bundle keeps them in a chunk of their
 * own), turning an unreadable legacy payload into an unusable answer. The error guard comes with
 * them, so the legacy error class stays in their chunk too.
 */
export async function convertLegacy<T>(
  payload: Payload,
  convert: (converters: LegacyConverters) => T,
): Promise<T> {
  const converters = await import('../legacy/convert.js');
  try {
    return await convert(converters);
  } catch (error) {
    if (!converters.isLegacyFormatError(error)) throw error;
    const { method, url } = payload;
    throw new MalformedResponseError({ method, url, reason: error.message }, { cause: error });
  }
}
