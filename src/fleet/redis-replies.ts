// Redis replies and pub/sub messages turned into fleet values. Everything from Redis is checked:
// whoever can reach the server can write its keys and publish on its channels.

import type { FleetEntry, FleetLease, FleetNotice, FleetVersions } from './fleet-backend.js';
import { type FleetTopic, isFleetTopic } from './fleet-topics.js';

/** `{holder, token, pttl}` → a lease; `null` for `{}` or anything else. */
export function leaseFrom(reply: unknown, startedAt: number): FleetLease | null {
  if (!Array.isArray(reply) || reply.length !== 3) return null;
  const [holderId, token, pttl] = reply as unknown[];
  const tokenNumber = Number(token);
  if (typeof holderId !== 'string' || !Number.isSafeInteger(tokenNumber)) return null;
  return { holderId, token: tokenNumber, expiresAt: startedAt + Math.max(0, Number(pttl) || 0) };
}

/** `{version, payload, token, publishedAt}` → an entry; `null` when absent or not numbers. */
export function entryFrom(category: FleetTopic, reply: unknown): FleetEntry | null {
  if (!Array.isArray(reply) || reply.length !== 4) return null;
  const [version, payload, token, publishedAt] = (reply as unknown[]).map((part, i) =>
    i === 1 ? part : Number(part),
  ) as [number, unknown, number, number];
  if (typeof payload !== 'string' || ![version, token, publishedAt].every(Number.isSafeInteger))
    return null;
  return { category, version, payload, token, publishedAt };
}

/** A flat `[category, version, ...]` → versions of the known categories only. */
export function versionsFrom(reply: unknown): FleetVersions {
  const versions: Partial<Record<FleetTopic, number>> = Object.create(null);
  if (!Array.isArray(reply)) return versions;
  for (let i = 0; i + 1 < reply.length; i += 2) {
    const category = reply[i];
    const version = Number(reply[i + 1]);
    if (isFleetTopic(category) && Number.isSafeInteger(version)) versions[category] = version;
  }
  return versions;
}

/** A notice from the channel (anyone who can reach Redis can publish there), or `null`. */
export function noticeFrom(message: string): FleetNotice | null {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const n = value as Record<string, unknown>;
  const count = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) > 0;
  const id = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= 128;
  if (n.type === 'published' && isFleetTopic(n.category) && count(n.version) && count(n.token))
    return { type: 'published', category: n.category, version: n.version, token: n.token };
  if (n.type === 'requested' && isFleetTopic(n.category) && id(n.requesterId))
    return { type: 'requested', category: n.category, requesterId: n.requesterId };
  if ((n.type === 'acquired' || n.type === 'released') && id(n.holderId) && count(n.token))
    return { type: n.type, holderId: n.holderId, token: n.token };
  return null;
}
