import type { CategoryCache } from '../cache/category-cache.js';
import type { Category } from '../categories.js';
import { parseJsonBody } from '../http/json-body.js';
import { type PrimaryUrls, primaryUrls } from '../http/primary-urls.js';
import type { RequestOptions } from '../http/request-options.js';
import type { Transport } from '../http/transport.js';
import type { ChainRequest } from '../origins/fallback-chain.js';
import type { CategoryChange } from '../records/diff-records.js';
import {
  allMetadataSchema,
  type CategoryMetadata,
  lastUpdatedSchema,
} from '../schemas/metadata.js';
import type { Schema } from '../schemas/shared.js';
import { applyOneWrite } from './apply-one-write.js';
import { type ChangeCheckpoint, type ChangeToken, tokenOf } from './change-tokens.js';

/** What the detector needs from its manager. */
export interface DetectorContext {
  readonly transport: Transport;
  readonly urls: PrimaryUrls | null;
  readonly cache: CategoryCache;
  readonly now: () => number;
  /** The manager's lifetime: a check in progress stops when it closes. */
  readonly closed: AbortSignal;
}

/**
 * The context of a detector for a manager whose PRIMARY is `primaryUrl` (`null`: none). The URLs
 * are built here, in the detector's chunk: the core's first load carries only the routes it reads
 * at start (http/category-routes.ts).
 */
export function detectorContext(
  parts: Omit<DetectorContext, 'urls'>,
  primaryUrl: string | null,
): DetectorContext {
  return { ...parts, urls: primaryUrl ? primaryUrls(primaryUrl) : null };
}

/** The change token of a category: the counters catch two writes within one second. */
type Token = ChangeToken;

const sameToken = (a: Token, b: Token) => a.every((value, i) => value === b[i]);
const writesBetween = (a: Token, b: Token) => b[1] - a[1] + (b[2] - a[2]) + (b[3] - a[3]);

// `last_updated` has a resolution of one second, so a write later in the same second leaves it
// where it was. A stamp is only trusted once this long has passed after it (one second of
// resolution plus one of clock skew between us and the server).
const STAMP_WINDOW_MS = 2_000;
const settledAfter = (stampSeconds: number, at: number) =>
  at >= stampSeconds * 1000 + STAMP_WINDOW_MS;

/**
 * How far behind ours the PRIMARY's clock is at least (ms, never above 0), from the `Date` of one
 * of its answers: the server's time when we read the answer was `date` or later. Stamps are the
 * server's, our times are ours: a machine whose clock runs ahead would take data fetched before a
 * write for data fetched after it, and never see that write. A server clock ahead of ours only
 * costs a download, and is not corrected (a wrong `Date` must not make us trust more).
 */
const behindBy = (date: string | null, receivedAt: number): number =>
  Math.min(0, Date.parse(date ?? '') - receivedAt || 0);

/**
 * Finds out cheaply what changed on the PRIMARY and applies it.
 *
 * Steady state: one `GET .../metadata/last_updated` (a few dozen bytes) per check. When it moves,
 * one `GET .../metadata/metadata` tells which categories changed; a category with exactly one
 * write since the last check is patched by fetching that one model (or removing it), anything
 * else is downloaded. Without usable metadata (a REPLICA answers 503; data from v1 or GitHub),
 * categories are downloaded and compared by content hash. The cache announces each swap as
 * `change` and hands the same change back here, whichever way it arrived.
 */
export class ChangeDetector {
  readonly #context: DetectorContext;
  readonly #tokens = new Map<Category, Token>();
  /** The hash of the records each token was learned with (what it vouches for). */
  readonly #bound = new Map<Category, string>();
  /** What the last completed check established, for members of a fleet to carry on from. */
  #checkpoint: ChangeCheckpoint | null = null;
  /** The aggregate stamp seen with the last full metadata, and when that metadata was read. */
  #confirmed: { stamp: number; at: number } | null = null;
  /** See {@link behindBy}: 0 until an answer with a `Date` header (browsers hide it cross-origin). */
  #behindMs = 0;
  #running: Promise<CategoryChange[]> | null = null;
  /** The metadata routes of the PRIMARY's canonical format, read once from `/replicate_mode`. */
  #version: 'v1' | 'v2' | undefined;

  constructor(context: DetectorContext) {
    this.#context = context;
  }

  /**
   * Checks every loaded category. Concurrent calls share one check; a caller's abort ends its own
   * wait, never the check the others are waiting on.
   */
  check(request: RequestOptions = {}): Promise<CategoryChange[]> {
    const { signal } = request;
    // Before anything starts: a check nobody waits for would reject unobserved.
    signal?.throwIfAborted();
    const shared = { signal: this.#context.closed, timeoutMs: request.timeoutMs };
    this.#running ??= this.#check(shared).finally(() => {
      this.#running = null;
    });
    const running = this.#running;
    if (!signal) return running;
    return new Promise((resolve, reject) => {
      const abort = () => reject(signal.reason);
      signal.addEventListener('abort', abort, { once: true });
      running.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
    });
  }

  async #check(request: RequestOptions): Promise<CategoryChange[]> {
    const { cache } = this.#context;
    const loaded = cache.loaded();
    if (loaded.length === 0) return [];
    const metadata = await this.#metadata(loaded, request);
    if (metadata === 'unchanged') {
      for (const category of loaded) {
        cache.renew(category);
        const token = this.#tokens.get(category);
        if (token) this.#learn(category, token);
      }
      this.#record(loaded, loaded);
      return [];
    }
    const changes: CategoryChange[] = [];
    for (const category of loaded) {
      const meta = metadata?.[category];
      const change = meta
        ? await this.#apply(category, meta, request)
        : await this.#download(category, request);
      if (change) changes.push(change);
    }
    if (metadata) {
      const verified = loaded.filter((category) => {
        const [meta, token] = [metadata[category], this.#tokens.get(category)];
        return meta !== undefined && token !== undefined && sameToken(token, tokenOf(meta));
      });
      this.#record(loaded, verified);
    }
    return changes;
  }

  /**
   * What the last completed check established (the tokens it verified, each with the records it
   * vouches for), or `null` before one completed with the PRIMARY's metadata.
   */
  checkpoint(): ChangeCheckpoint | null {
    return this.#checkpoint;
  }

  /**
   * Carries on from another manager's {@link checkpoint} (a fleet's leader): a token is taken for
   * a category whose records held are the very records it vouches for, so the next check costs
   * one metadata request instead of a download; the aggregate stamp only when that holds for
   * every category held. What this detector learned itself about the same records stands.
   */
  adopt(checkpoint: ChangeCheckpoint): void {
    const { cache } = this.#context;
    const loaded = cache.loaded();
    let every = loaded.length > 0;
    for (const category of loaded) {
      const entry = cache.entry(category);
      const vouched = checkpoint.tokens[category];
      if (!entry || entry.staleSince !== null || vouched?.hash !== entry.result.hash) {
        every = false;
        continue;
      }
      if (this.#tokens.has(category) && this.#bound.get(category) === vouched.hash) continue;
      this.#tokens.set(category, vouched.token);
      this.#bound.set(category, vouched.hash);
    }
    // The PRIMARY's canonical format, as the leader read it: not asked again.
    this.#version ??= checkpoint.routes ?? undefined;
    const [own, given] = [this.#confirmed, checkpoint.confirmed];
    if (every && given && (!own || own.stamp < given.stamp)) this.#confirmed = { ...given };
  }

  /** Keeps what a completed check verified: `verified` among `loaded`, vouching for what is held. */
  #record(loaded: readonly Category[], verified: readonly Category[]): void {
    const tokens: Partial<Record<Category, { token: Token; hash: string }>> = Object.create(null);
    let count = 0;
    for (const category of verified) {
      const token = this.#tokens.get(category);
      const hash = this.#context.cache.entry(category)?.result.hash;
      if (!token || !hash || !this.#tracks(category) || this.#bound.get(category) !== hash)
        continue;
      tokens[category] = { token, hash };
      count++;
    }
    const confirmed = count === loaded.length ? this.#confirmed : null;
    this.#checkpoint = {
      routes: this.#version ?? null,
      confirmed: confirmed ? { ...confirmed } : null,
      tokens,
    };
  }

  /** Learns `token` for the records of `category` held now. */
  #learn(category: Category, token: Token): void {
    this.#tokens.set(category, token);
    const hash = this.#context.cache.entry(category)?.result.hash;
    if (hash === undefined) this.#bound.delete(category);
    else this.#bound.set(category, hash);
  }

  /** `'unchanged'`, every category's metadata, or `null` when the PRIMARY has none to give. */
  async #metadata(
    loaded: readonly Category[],
    request: RequestOptions,
  ): Promise<Record<string, CategoryMetadata> | 'unchanged' | null> {
    const { urls, now } = this.#context;
    if (!urls) return null;
    try {
      // A PRIMARY whose canonical format is legacy keeps its metadata under v1 (v2 answers 503).
      this.#version ??= /^legacy$/i.test(
        String(
          (
            parseJsonBody(
              await this.#context.transport.request({ url: urls.replicateMode(), ...request }),
            ) as { canonical_format?: unknown } | null
          )?.canonical_format,
        ),
      )
        ? 'v1'
        : 'v2';
      const version = this.#version;
      const { last_updated: stamp } = await this.#get(
        urls.metadataLastUpdated(version),
        lastUpdatedSchema,
        request,
      );
      const confirmed = this.#confirmed;
      if (
        stamp !== null &&
        confirmed?.stamp === stamp &&
        settledAfter(stamp, confirmed.at) &&
        loaded.every((category) => this.#tracks(category))
      )
        return 'unchanged';
      const at = now() + this.#behindMs;
      const all = await this.#get(urls.metadataAll(version), allMetadataSchema, request);
      this.#confirmed = stamp === null ? null : { stamp, at };
      return all;
    } catch (error) {
      request.signal?.throwIfAborted();
      void error; // REPLICA (503), canonical-format mismatch or a PRIMARY that is down.
      this.#confirmed = null;
      return null;
    }
  }

  /** Whether the category's data is the PRIMARY's v2 data and its token is known. */
  #tracks(category: Category): boolean {
    const entry = this.#context.cache.entry(category);
    return this.#tokens.has(category) && entry?.result.origin === 'v2' && entry.staleSince === null;
  }

  async #get<T>(url: string, schema: Schema<T>, request: RequestOptions): Promise<T> {
    const response = await this.#context.transport.request({ url, ...request });
    const date = response.headers.get('date');
    if (date) this.#behindMs = behindBy(date, this.#context.now());
    return schema.parse(parseJsonBody(response));
  }

  async #apply(
    category: Category,
    meta: CategoryMetadata,
    request: RequestOptions,
  ): Promise<CategoryChange | null> {
    const { cache } = this.#context;
    const token = tokenOf(meta);
    const previous = this.#tokens.get(category);
    const entry = cache.entry(category);
    const canonical = entry?.result.origin === 'v2' && entry.staleSince === null;
    if (previous && canonical && sameToken(previous, token)) {
      // No write since: the records held (refreshed or not) are what the token counts.
      this.#learn(category, token);
      cache.renew(category);
      return null;
    }
    // First sight of this category's token: data fetched well after the last write is current.
    if (
      !previous &&
      canonical &&
      entry &&
      settledAfter(meta.last_updated, entry.result.fetchedAt + this.#behindMs)
    ) {
      this.#learn(category, token);
      cache.renew(category);
      return null;
    }
    const delta =
      previous && canonical && writesBetween(previous, token) === 1
        ? await applyOneWrite(this.#context, category, meta, request)
        : false;
    // Deletions the PRIMARY counted since the data held: an answer removing that many is expected.
    const confirmedRemovals = previous ? Math.max(0, token[3] - previous[3]) : 0;
    const outcome =
      delta === false ? await this.#download(category, { ...request, confirmedRemovals }) : delta;
    if (outcome !== false) this.#learn(category, token);
    return outcome || null;
  }

  /**
   * Downloads the category through the fallback chain: what changed, or `false` when no origin
   * answered (the cache kept the last-known-good records and emitted `stale`).
   */
  async #download(
    category: Category,
    request: ChainRequest,
  ): Promise<CategoryChange | null | false> {
    try {
      return (await this.#context.cache.refresh(category, request)).change;
    } catch {
      request.signal?.throwIfAborted();
      return false;
    }
  }
}
