import type { RequestOptions } from '../http/request-options.js';
import type { HttpResponse, Transport } from '../http/transport.js';
import { contentHash } from './content-hash.js';

/** A complete answer with the hash of its body. */
export interface Payload extends HttpResponse {
  /** {@link contentHash} of `text`: tells an unchanged body without keeping the old one. */
  readonly hash: string;
}

/**
 * GETs `url` through the transport (with `headers`, such as validators) and hashes the body.
 *
 * @throws what {@link Transport.request} throws.
 */
export async function fetchPayload(
  transport: Transport,
  url: string,
  request: RequestOptions,
  headers?: Record<string, string>,
): Promise<Payload> {
  const response = await transport.request({ url, ...request, headers });
  return { ...response, hash: contentHash(response.text) };
}
