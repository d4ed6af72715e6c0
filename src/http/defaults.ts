import { VERSION } from '../version.js';
import type { RetryPolicy } from './transport.js';

/** The PRIMARY's public address, with `/api`: the one default base URL of manager and client. */
export const DEFAULT_PRIMARY_URL = 'https://models.aihorde.net/api';

/** Default deadline of one request, headers and body, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Default `Client-Agent` header, in the AI-Horde `name:version:contact` convention. */
export const DEFAULT_CLIENT_AGENT: string = `horde-model-reference-js:${VERSION}:unknown`;

/** Default retry policy of one request. */
export const DEFAULT_RETRY: RetryPolicy = {
  limit: 2,
  maxRetryAfterMs: 3_000,
  backoffLimitMs: 2_000,
};

/**
 * Default largest decoded body, in bytes: 32 MiB, far above the largest category today (about
 * 1 MB) and far below what would hurt a worker.
 */
export const DEFAULT_MAX_RESPONSE_BYTES: number = 32 * 1024 * 1024;
