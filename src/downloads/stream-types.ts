import type { Hash } from 'node:crypto';
import type { DownloadFailureReason } from '../errors/download-failed-error.js';
import type { DownloadFileSystem } from './file-system.js';
import type { HostLimiter } from './host-limiter.js';

/** What the single-stream engine needs from the run. */
export interface StreamContext {
  readonly fetch: typeof fetch;
  readonly fileSystem: DownloadFileSystem;
  readonly signal: AbortSignal;
  readonly hosts: HostLimiter;
  readonly retryDelayMs: { readonly base: number; readonly max: number };
  readonly idleTimeoutMs: number;
  readonly durable: boolean;
}

/** The file being fetched. */
export interface StreamTarget {
  readonly partPath: string;
  readonly metaPath: string;
  readonly sha256: string | null;
  /** Size the reference gives, when it does. */
  readonly declaredBytes: number | null;
  /** Reports the bytes on disk and the expected total while the body streams. */
  readonly onBytes: (bytes: number, total: number | null) => void;
}

/** How one URL ended. */
export type UrlOutcome =
  | {
      readonly kind: 'done';
      readonly sha256: string;
      readonly sizeBytes: number;
      /** Bytes of a `.part` found on disk that the final file is built on. */
      readonly resumedFromBytes: number;
      readonly transferred: number;
    }
  | {
      /** This URL will not give the file: try the next one. */
      readonly kind: 'failed';
      readonly reason: DownloadFailureReason;
      readonly status?: number | undefined;
      readonly outcome: string;
      readonly transferred: number;
    }
  | {
      /** The disk failed: no other URL will do better. */
      readonly kind: 'fatal';
      readonly reason: 'disk-full' | 'file-system';
      readonly outcome: string;
      readonly cause: unknown;
      readonly transferred: number;
    }
  | { readonly kind: 'aborted'; readonly transferred: number };

/** What is hashed in memory and in the `.part` on disk: a retry continues from it. */
export interface Carried {
  readonly hash: Hash;
  readonly offset: number;
  readonly ifRange: string | null;
  readonly resumed: number;
}
