// Every page of a paged route, one request at a time, for `for await`. Bounded: a page count cap,
// and a server whose pages do not advance (the same offset or cursor again) is refused rather than
// read forever.
import { MalformedResponseError } from '../errors/malformed-response-error.js';
import type { ApiRoute } from '../http/routes.js';
import { checkInteger } from '../util/option-checks.js';

/** What the page iterators (`changePages`, `batchPages`, `searchPages`, ...) take beside a route's own options. */
export interface PageOptions {
  /**
   * Most pages read; the iteration ends after this many even if the server has more (compare with
   * the pages' `total` where there is one).
   * @default 1000
   */
  readonly maxPages?: number | undefined;
}

/** How to walk one paged route. */
export interface Pager<P, K> {
  /** The route, to name it when its pages do not advance. */
  readonly route: ApiRoute;
  /** Where the first page starts (an offset, or `undefined` for the first cursor). */
  readonly first: K;
  /** One page. */
  readonly page: (at: K) => Promise<P>;
  /** Where the page after `page` starts, or `null` when it was the last. */
  readonly next: (page: P, at: K) => K | null;
}

/**
 * Reads the pages of `pager` in order, lazily: a page is requested when the loop asks for it, so
 * breaking out of `for await` sends nothing more.
 *
 * @throws {InvalidOptionsError} for a `maxPages` outside 1 to 1,000,000, at once.
 * The iteration rejects with {@link MalformedResponseError} when a page points back at one already
 * read, and with what a page's call throws (the caller's abort reason when its signal aborts).
 */
export function readPages<P, K>(
  pager: Pager<P, K>,
  options: PageOptions | undefined,
): AsyncGenerator<P, void, undefined> {
  // Checked now, not at the first `next()` as a generator's body would.
  return walk(pager, checkInteger('maxPages', options?.maxPages, 1000, 1, 1_000_000));
}

async function* walk<P, K>(
  pager: Pager<P, K>,
  maxPages: number,
): AsyncGenerator<P, void, undefined> {
  const seen = new Set<K>();
  let at: K | null = pager.first;
  for (let n = 0; at !== null && n < maxPages; n++) {
    seen.add(at);
    const page: P = await pager.page(at);
    yield page;
    const next: K | null = pager.next(page, at);
    if (next !== null && seen.has(next))
      throw new MalformedResponseError({
        method: pager.route.method,
        url: pager.route.path,
        reason: `pages that do not advance (${String(next)} was read already)`,
      });
    at = next;
  }
}

/** Where the next page of an offset-paged route starts: after the items read, unless it was the last. */
export function nextOffset(offset: number, read: number, total: number | null): number | null {
  const next = offset + read;
  return read === 0 || (total !== null && next >= total) ? null : next;
}
