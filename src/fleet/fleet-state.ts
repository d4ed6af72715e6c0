// The whole state of a fleet store as one value, and its transitions as pure functions. The
// memory and file coordinators apply them (the file one as compare-and-swap steps of a log);
// Redis does the same in Lua. Notices are derived by comparing two states, so a missed step
// never loses a published version or a pending request.

import type { FleetLease, FleetNotice, FleetVersions } from './fleet-backend.js';
import { FLEET_TOPICS, type FleetTopic, isFleetTopic } from './fleet-topics.js';

/** Where one category's current payload is kept, and which version it is. */
export interface FleetStateEntry {
  readonly version: number;
  readonly token: number;
  readonly publishedAt: number;
  /** The payload's key in the store (a file name, a map key). */
  readonly ref: string;
}

/** A pending request from a follower for a category nobody has published yet. */
export interface FleetStateRequest {
  readonly requesterId: string;
  readonly at: number;
}

/** Everything a store holds, apart from the payloads themselves. */
export interface FleetState {
  /** The last fencing token issued (0: none yet). */
  readonly fence: number;
  readonly lease: FleetLease | null;
  readonly entries: Readonly<Partial<Record<FleetTopic, FleetStateEntry>>>;
  readonly requests: Readonly<Partial<Record<FleetTopic, FleetStateRequest>>>;
}

/** The state of a store nobody has written to. */
export const EMPTY_FLEET_STATE: FleetState = Object.freeze({
  fence: 0,
  lease: null,
  entries: Object.freeze(Object.create(null)),
  requests: Object.freeze(Object.create(null)),
});

/** The lease if it has not run out at `now`. */
export function liveLease(state: FleetState, now: number): FleetLease | null {
  return state.lease && state.lease.expiresAt > now ? state.lease : null;
}

/** Whether `lease` is the live lease of `state` (same holder and token, not expired). */
export function holdsLease(state: FleetState, lease: FleetLease, now: number): boolean {
  const live = liveLease(state, now);
  return live !== null && live.holderId === lease.holderId && live.token === lease.token;
}

/**
 * The next counter value after `previous`. A store with no counter yet (new, or wiped) starts
 * from its clock so tokens and versions never go back across a wipe.
 */
export function nextCounter(previous: number | undefined, now: number): number {
  return previous && previous > 0 ? previous + 1 : Math.max(1, Math.floor(now));
}

/** Takes the lease when nobody holds a live one; `null` when unchanged. */
export function acquireStep(
  state: FleetState,
  holderId: string,
  ttlMs: number,
  now: number,
): FleetState | null {
  if (liveLease(state, now)) return null;
  const token = nextCounter(state.fence, now);
  return { ...state, fence: token, lease: { holderId, token, expiresAt: now + ttlMs } };
}

/** Extends the holder's lease; `null` when `lease` is not the live lease. */
export function renewStep(
  state: FleetState,
  lease: FleetLease,
  ttlMs: number,
  now: number,
): FleetState | null {
  if (!holdsLease(state, lease, now)) return null;
  return { ...state, lease: { ...lease, expiresAt: now + ttlMs } };
}

/** Drops the holder's lease; `null` when `lease` is not the live lease. */
export function releaseStep(state: FleetState, lease: FleetLease, now: number): FleetState | null {
  if (!holdsLease(state, lease, now)) return null;
  return { ...state, lease: null };
}

/** Records a new version of `category` kept at `ref`; `null` when `lease` is fenced out. */
export function publishStep(
  state: FleetState,
  category: FleetTopic,
  lease: FleetLease,
  ref: string,
  now: number,
): FleetState | null {
  if (!holdsLease(state, lease, now)) return null;
  const version = nextCounter(state.entries[category]?.version, now);
  const entries = {
    ...state.entries,
    [category]: { version, token: lease.token, publishedAt: now, ref },
  };
  const requests: Partial<Record<FleetTopic, FleetStateRequest>> = { ...state.requests };
  delete requests[category];
  return { ...state, entries: nullPrototype(entries), requests: nullPrototype(requests) };
}

/** Records a follower's request for `category`. */
export function requestStep(
  state: FleetState,
  category: FleetTopic,
  requesterId: string,
  now: number,
): FleetState {
  const requests = { ...state.requests, [category]: { requesterId, at: now } };
  return { ...state, requests: nullPrototype(requests) };
}

/** The version of every published category. */
export function versionsOf(state: FleetState): FleetVersions {
  const versions: Partial<Record<FleetTopic, number>> = Object.create(null);
  for (const category of FLEET_TOPICS) {
    const entry = state.entries[category];
    if (entry) versions[category] = entry.version;
  }
  return versions;
}

/** The notices that explain how `before` became `after`, in a stable order. */
export function noticesBetween(before: FleetState, after: FleetState): FleetNotice[] {
  const notices: FleetNotice[] = [];
  const was = before.lease;
  const is = after.lease;
  if (is && (!was || was.token !== is.token))
    notices.push({ type: 'acquired', holderId: is.holderId, token: is.token });
  else if (was && !is) notices.push({ type: 'released', holderId: was.holderId, token: was.token });
  for (const category of FLEET_TOPICS) {
    const entry = after.entries[category];
    if (entry && entry.version !== before.entries[category]?.version)
      notices.push({ type: 'published', category, version: entry.version, token: entry.token });
    const request = after.requests[category];
    const previous = before.requests[category];
    if (request && (request.at !== previous?.at || request.requesterId !== previous.requesterId))
      notices.push({ type: 'requested', category, requesterId: request.requesterId });
  }
  return notices;
}

/**
 * Reads a state from untrusted JSON (a file another process wrote), or `null` when it is not
 * one. Topic names are checked (the 15 categories and the baseline catalog) and kept in null-prototype objects.
 */
export function parseFleetState(value: unknown): FleetState | null {
  if (!isObject(value)) return null;
  const { fence, lease, entries, requests } = value;
  if (!isCount(fence) || !isObject(entries) || !isObject(requests)) return null;
  let parsedLease: FleetLease | null = null;
  if (lease !== null) {
    if (!isObject(lease) || typeof lease.holderId !== 'string') return null;
    if (!isCount(lease.token) || !isCount(lease.expiresAt)) return null;
    parsedLease = { holderId: lease.holderId, token: lease.token, expiresAt: lease.expiresAt };
  }
  const parsedEntries: Partial<Record<FleetTopic, FleetStateEntry>> = Object.create(null);
  for (const [category, entry] of Object.entries(entries)) {
    if (!isFleetTopic(category) || !isObject(entry)) return null;
    const { version, token, publishedAt, ref } = entry;
    if (!isCount(version) || !isCount(token) || !isCount(publishedAt) || typeof ref !== 'string')
      return null;
    parsedEntries[category] = { version, token, publishedAt, ref };
  }
  const parsedRequests: Partial<Record<FleetTopic, FleetStateRequest>> = Object.create(null);
  for (const [category, request] of Object.entries(requests)) {
    if (!isFleetTopic(category) || !isObject(request)) return null;
    if (typeof request.requesterId !== 'string' || !isCount(request.at)) return null;
    parsedRequests[category] = { requesterId: request.requesterId, at: request.at };
  }
  return { fence, lease: parsedLease, entries: parsedEntries, requests: parsedRequests };
}

function nullPrototype<T extends object>(value: T): T {
  return Object.assign(Object.create(null), value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
