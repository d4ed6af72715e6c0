// What a leader publishes for one category, and how a member reads it back. The store is not
// trusted: a payload is checked as strictly as an answer from the network, and refused whole at
// the first thing that is wrong with it.
import { fromSnapshot, snapshotJson } from '../cache/snapshot.js';
import type { Category } from '../categories.js';
import { InvalidFleetEntryError } from '../errors/invalid-fleet-entry-error.js';
import { redactUrl } from '../http/url.js';
import type { CategoryResult } from '../records/category-result.js';
import type { CategoryChange, ChangedRecord } from '../records/diff-records.js';
import type { FleetEntry } from './fleet-backend.js';
import type { FleetTopic } from './fleet-topics.js';

/** The `format` of a published payload. */
export const FLEET_SNAPSHOT_FORMAT = 'horde-model-reference/fleet';

/** A published category, read back and checked. */
export interface FleetSnapshot {
  /** The records with the leader's provenance (origin, URL, fetch time, hash). */
  readonly result: CategoryResult;
  /** The hash of the records the leader's diff was computed against, or `null`. */
  readonly base: string | null;
  /** The change the leader announced, or `null` (a first load, or nothing changed). */
  readonly change: CategoryChange | null;
}

/**
 * The payload a leader publishes: the whole category with its provenance, the diff it computed
 * and what it was computed against. Records only: no API key, no headers, a URL without
 * credentials.
 */
export function encodeFleetSnapshot(
  result: CategoryResult,
  change: CategoryChange | null,
  base: string | null,
): string {
  const head = JSON.stringify({ format: FLEET_SNAPSHOT_FORMAT, version: 1, base, change });
  // `snapshot` last, from the records' JSON the cache computed already when it stored them (a
  // second serialisation of the whole category stood on the leader's path to publishing).
  const snapshot = snapshotJson({ ...result, url: redactUrl(result.url) });
  return `${head.slice(0, -1)},"snapshot":${snapshot}}`;
}

/**
 * The last payload of each category this process validated, and what it gave: managers sharing
 * a process (and reading the same entry each) validate it once. Only an identical payload (the
 * same text, compared in full) is served from here; the records are deep-frozen, so sharing them
 * is safe. At most one per category.
 */
const parsed = new Map<
  FleetTopic,
  { readonly payload: string; readonly snapshot: FleetSnapshot }
>();

/**
 * Reads a store entry back into validated records with the leader's provenance.
 *
 * @throws {InvalidFleetEntryError} when the payload is not JSON, not a fleet snapshot of
 * `entry.category`, has a record that fails validation, has no network origin or hash, or carries
 * a change that does not match its records.
 */
export function parseFleetSnapshot(entry: FleetEntry, now: number): FleetSnapshot {
  const known = parsed.get(entry.category);
  if (known?.payload === entry.payload) return known.snapshot;
  const snapshot = parseEntry(entry, now);
  parsed.set(entry.category, { payload: entry.payload, snapshot });
  return snapshot;
}

function parseEntry(entry: FleetEntry, now: number): FleetSnapshot {
  const { category, version } = entry;
  const refuse = (reason: string) => new InvalidFleetEntryError(category, version, reason);
  let value: unknown;
  try {
    value = JSON.parse(entry.payload);
  } catch {
    throw refuse('the payload is not JSON');
  }
  if (!isObject(value) || value.format !== FLEET_SNAPSHOT_FORMAT || value.version !== 1)
    throw refuse(`the payload is not a ${FLEET_SNAPSHOT_FORMAT} version 1 snapshot`);
  const read = fromSnapshot(value.snapshot, now);
  if (!read || read.category !== category)
    throw refuse(`the payload is not a snapshot of ${category}`);
  if (read.issues.length > 0) throw refuse(`${read.issues.length} of its records fail validation`);
  if (!read.fetchedFrom || !read.hash)
    throw refuse('the snapshot does not say which origin it came from, or its hash');
  const base = value.base;
  if (base !== null && typeof base !== 'string') throw refuse('its base is not a hash');
  const change = value.change === null ? null : checkChange(value.change, read, refuse);
  const result: CategoryResult = { ...read, origin: read.fetchedFrom, url: redactUrl(read.url) };
  return { result, base, change };
}

/** The change of a payload, checked against its records. */
function checkChange(
  value: unknown,
  result: CategoryResult,
  refuse: (reason: string) => Error,
): CategoryChange {
  const has = (name: unknown) => typeof name === 'string' && Object.hasOwn(result.records, name);
  if (
    !isObject(value) ||
    value.category !== result.category ||
    (value.via !== 'delta' && value.via !== 'download') ||
    !isList(value.added, has) ||
    !isList(value.removed, (name) => typeof name === 'string' && !has(name)) ||
    !isList(value.changed, (item) => isObject(item) && has(item.name) && isList(item.fields))
  )
    throw refuse('its change does not match its records');
  return {
    category: result.category as Category,
    via: value.via,
    added: [...value.added] as string[],
    removed: [...value.removed] as string[],
    changed: (value.changed as ChangedRecord[]).map(({ name, fields }) => ({
      name,
      fields: [...fields],
    })),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isList(
  value: unknown,
  item: (each: unknown) => boolean = (each) => typeof each === 'string',
): value is unknown[] {
  return Array.isArray(value) && value.length <= 1_000_000 && value.every(item);
}
