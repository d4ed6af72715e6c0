// Node/undici error codes in plain words, loaded by network-failure.ts the first time a failed
// request has a code (only Node, Bun and Deno give one; browsers never load this chunk).

/** Node/undici error codes, in plain words. `{host}` is filled in by the caller. */
export const NODE_ERROR_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused by {host}',
  ECONNRESET: 'connection reset by {host}',
  EPIPE: 'connection closed by {host} while sending',
  ENOTFOUND: 'DNS lookup of {host} failed (no such host)',
  EAI_AGAIN: 'DNS lookup of {host} failed (temporary failure; try again)',
  EHOSTUNREACH: '{host} is unreachable (no route to host)',
  ENETUNREACH: 'the network is unreachable (while connecting to {host})',
  ETIMEDOUT: 'connecting to {host} timed out',
  UND_ERR_SOCKET: 'connection to {host} closed unexpectedly',
  UND_ERR_CONNECT_TIMEOUT: 'connecting to {host} timed out',
  UND_ERR_HEADERS_OVERFLOW: '{host} sent headers that are too large',
  CERT_HAS_EXPIRED: 'the TLS certificate of {host} has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the TLS certificate of {host} is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'the TLS certificate chain of {host} is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the TLS certificate of {host} cannot be verified',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the TLS certificate does not match {host}',
};
