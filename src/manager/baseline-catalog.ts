import type { SnapshotStorage } from '../cache/storage.js';
import { bounded } from '../cache/storage-calls.js';
import { isApiError } from '../errors/api-error.js';
import { isModelReferenceError } from '../errors/model-reference-error.js';
import type { FleetBaselineHolder, FleetBaselines, FleetLink } from '../fleet/fleet-link.js';
import { parseJsonBody } from '../http/json-body.js';
import type { RequestOptions } from '../http/request-options.js';
import { routeUrl } from '../http/route-url.js';
import { BASELINE_ROUTES } from '../http/routes-8x.js';
import type { Transport } from '../http/transport.js';
import {
  BUNDLED_BASELINE_CATALOG,
  BUNDLED_BASELINES_COMMIT,
} from '../records/bundled-baselines.js';
import {
  type ImageBaselineCatalog,
  imageBaselineCatalogSchema,
} from '../schemas/baseline-catalog.js';

/** The image baseline catalog a manager serves, and where it came from. */
export interface BaselineCatalogRead {
  readonly catalog: ImageBaselineCatalog;
  /**
   * `v2`: the PRIMARY's catalog (fresh or last known); `snapshot`: read back from storage;
   * `bundled`: the copy shipped with this release (a PRIMARY before 8.x, or nothing better yet).
   */
  readonly origin: 'v2' | 'snapshot' | 'bundled';
  /** Epoch ms when it was fetched (the release's build for the bundled copy: `null`). */
  readonly fetchedAt: number | null;
  /** Why the PRIMARY's catalog is not what is served, when it is not. */
  readonly reason: string | null;
}

/** What the catalog cache needs from its manager. */
export interface BaselineCatalogContext {
  readonly transport: Transport;
  readonly storage: SnapshotStorage;
  readonly storageTimeoutMs: number;
  readonly ttlMs: number;
  readonly now: () => number;
  /** The manager's fleet: a follower takes the leader's catalog, a leader publishes its own. */
  readonly fleet?: FleetLink | undefined;
}

const KEY = 'horde-model-reference:image-baselines';

interface Held {
  readonly read: BaselineCatalogRead;
  readonly etag: string | null;
}

const bundled = (reason: string | null): Held => ({
  read: { catalog: BUNDLED_BASELINE_CATALOG, origin: 'bundled', fetchedAt: null, reason },
  etag: null,
});

/**
 * The served image baseline catalog, kept like a category: fresh for the TTL, refreshed with
 * `If-None-Match`, persisted to storage, and the bundled copy when the PRIMARY has none (a 7.6
 * server answers 404: the feature is simply not there) or cannot be reached. Never throws for
 * the network: what it serves says where it came from and why.
 */
export class BaselineCatalogCache implements FleetBaselineHolder {
  readonly #context: BaselineCatalogContext;
  #held: Held | null = null;
  /** What the PRIMARY last answered (a catalog or that it has none), as a fleet shares it. */
  #shared: FleetBaselines | null = null;
  #freshUntil = 0;
  #loading: Promise<BaselineCatalogRead> | null = null;

  constructor(context: BaselineCatalogContext, seed?: unknown) {
    this.#context = context;
    const parsed = seed === undefined ? null : imageBaselineCatalogSchema.safeParse(seed);
    if (parsed?.success)
      this.#held = {
        read: { catalog: parsed.data, origin: 'snapshot', fetchedAt: null, reason: null },
        etag: null,
      };
  }

  /** The catalog held, if one was loaded or seeded (for a snapshot). */
  held(): ImageBaselineCatalog | null {
    return this.#held && this.#held.read.origin !== 'bundled' ? this.#held.read.catalog : null;
  }

  /** The catalog now: from memory within the TTL, else asked for (one request at a time). */
  get(request: RequestOptions): Promise<BaselineCatalogRead> {
    if (this.#held && this.#context.now() < this.#freshUntil)
      return Promise.resolve(this.#held.read);
    this.#loading ??= this.#load(request).finally(() => {
      this.#loading = null;
    });
    return this.#loading;
  }

  /** What the PRIMARY last answered, for the fleet; `null` before any answer. */
  shared(): FleetBaselines | null {
    return this.#shared;
  }

  /** A follower serves the catalog the leader published, fresh for the TTL. */
  apply(baselines: FleetBaselines): void {
    const { now, ttlMs } = this.#context;
    this.#shared = baselines;
    this.#freshUntil = now() + ttlMs;
    const { catalog, fetchedAt, etag, reason } = baselines;
    if (catalog === null) {
      this.#keep(reason ?? 'the PRIMARY does not serve the baseline catalog');
      return;
    }
    this.#held = { read: { catalog, origin: 'v2', fetchedAt, reason: null }, etag };
    this.#persist();
  }

  async #load(request: RequestOptions): Promise<BaselineCatalogRead> {
    const { transport, ttlMs, now, fleet } = this.#context;
    this.#held ??= (await this.#stored()) ?? bundled(null);
    // A follower takes what the leader published; only without an answer does it ask itself.
    const published = await fleet?.baselines(request);
    if (published) {
      this.apply(published);
      return this.#held.read;
    }
    if (transport.primaryUrl === null) return this.#held.read;
    const url = routeUrl(transport.primaryUrl, BASELINE_ROUTES.catalog);
    try {
      const etag = this.#held.etag;
      const response = await transport.request({
        url,
        ...request,
        ...(etag ? { headers: { 'if-none-match': etag } } : {}),
      });
      this.#freshUntil = now() + ttlMs;
      if (response.status === 304 && this.#held.read.origin !== 'bundled') {
        // Still the revision held: confirmed by the PRIMARY (or a cache in front of it).
        this.#held = {
          ...this.#held,
          read: { ...this.#held.read, origin: 'v2', fetchedAt: now(), reason: null },
        };
        this.#answered(this.#held.read.catalog, this.#held.etag, null);
        return this.#held.read;
      }
      const parsed = imageBaselineCatalogSchema.safeParse(parseJsonBody(response));
      if (!parsed.success)
        return this.#keep('the PRIMARY answered with a catalog that does not validate');
      this.#held = {
        read: { catalog: parsed.data, origin: 'v2', fetchedAt: now(), reason: null },
        etag: response.headers.get('etag'),
      };
      this.#persist();
      this.#answered(parsed.data, this.#held.etag, null);
      return this.#held.read;
    } catch (error) {
      request.signal?.throwIfAborted();
      if (isApiError(error) && error.status === 404) {
        // Not on this server (a PRIMARY before 8.x): ask again only after the TTL.
        this.#freshUntil = now() + ttlMs;
        const reason = `the PRIMARY does not serve the baseline catalog (404: a server before 8.x); bundled copy of ${BUNDLED_BASELINES_COMMIT.slice(0, 8)}`;
        this.#answered(null, null, reason);
        return this.#keep(reason);
      }
      if (!isModelReferenceError(error)) throw error;
      return this.#keep(error.message);
    }
  }

  /** The PRIMARY answered: remembered for the fleet, which the leader publishes to. */
  #answered(
    catalog: ImageBaselineCatalog | null,
    etag: string | null,
    reason: string | null,
  ): void {
    // The time the held read says (the same for every member), or now for "none served".
    const fetchedAt = (catalog && this.#held?.read.fetchedAt) || this.#context.now();
    this.#shared = { catalog, fetchedAt, etag, reason };
    this.#context.fleet?.acceptedBaselines(this.#shared);
  }

  #persist(): void {
    void bounded(
      this.#context.storage,
      'set',
      KEY,
      this.#context.storageTimeoutMs,
      JSON.stringify(this.#held),
    ).catch(() => {});
  }

  /** The catalog held (or the bundled one), saying why it is not a fresh answer. */
  #keep(reason: string): BaselineCatalogRead {
    const held = this.#held ?? bundled(reason);
    this.#held = { ...held, read: { ...held.read, reason } };
    return this.#held.read;
  }

  async #stored(): Promise<Held | null> {
    try {
      const text = await bounded(this.#context.storage, 'get', KEY, this.#context.storageTimeoutMs);
      if (!text) return null;
      const value = JSON.parse(text) as {
        read?: { catalog?: unknown; fetchedAt?: unknown };
        etag?: unknown;
      };
      const parsed = imageBaselineCatalogSchema.safeParse(value.read?.catalog);
      if (!parsed.success) return null;
      const fetchedAt =
        typeof value.read?.fetchedAt === 'number'
          ? Math.min(value.read.fetchedAt, this.#context.now())
          : null;
      return {
        read: { catalog: parsed.data, origin: 'snapshot', fetchedAt, reason: null },
        etag: typeof value.etag === 'string' ? value.etag : null,
      };
    } catch {
      // An unreadable stored catalog is replaced by the next answer; the bundled copy stands in.
      return null;
    }
  }
}
