// The mutable stores of an 8.x stand-in: license definitions and assets, the guidance and baseline
// catalogs, and the change sets queued against them, which behave as docs/upstream-8x.md says.
import { CATEGORIES, type Category } from '../categories.js';
import {
  FIXTURE_8X_CHANGES,
  FIXTURE_ASSETS,
  FIXTURE_BASELINE_CATALOG,
  FIXTURE_GUIDANCE_CATALOG,
  FIXTURE_LICENSES,
} from './fixtures/upstream-8x.js';
import { FIXTURE_V2, type FixtureCategory } from './fixtures.js';

type Json = Record<string, unknown>;

const clone = <T>(value: T): T => structuredClone(value);
// Stores keyed by names from requests: a null prototype, so `__proto__` is just a key.
const dict = (value: unknown): Json => Object.assign(Object.create(null), clone(value));

/** Key-order independent JSON, to compare an `expected_before` with the live record. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Json)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Json)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

/**
 * The fixture dataset as an 8.x PRIMARY stores it: {@link FIXTURE_V2} with the changes of
 * `FIXTURE_8X_CHANGES` (licensing on some records, text guidance fields, a legacy `karras` flag, a
 * model on a newly catalogued baseline).
 */
export const FIXTURE_V2_8X: Readonly<Record<Category, FixtureCategory>> = Object.freeze(
  Object.fromEntries(
    CATEGORIES.map((category) => {
      const records = clone(FIXTURE_V2[category]) as Record<string, Json>;
      for (const [name, change] of Object.entries(FIXTURE_8X_CHANGES[category] ?? {}))
        records[name] = { ...(records[name] ?? {}), ...clone(change) };
      return [category, records];
    }),
  ) as Record<Category, FixtureCategory>,
);

/** One queued change, in the service's `PendingChangeRecord` shape. */
export type QueuedChange = Json & { change_id: number; resource_kind: string; payload: Json };

/** Why a change set was refused: the status and detail the service answers. */
export interface Refusal {
  readonly status: number;
  readonly detail: string;
}

/** The 8.x stores of a stand-in; `applyChange` approves and applies a queued change set. */
export class StandIn8xState {
  readonly licenses: Map<string, Json> = new Map(Object.entries(clone(FIXTURE_LICENSES)));
  readonly assets: Map<string, Json> = new Map(Object.entries(clone(FIXTURE_ASSETS)));
  readonly guidance: { metadata: Json; profiles: Json; assignments: Json } = {
    metadata: clone(FIXTURE_GUIDANCE_CATALOG.metadata) as Json,
    profiles: dict(FIXTURE_GUIDANCE_CATALOG.profiles),
    assignments: dict(FIXTURE_GUIDANCE_CATALOG.assignments),
  };
  readonly baselines: { metadata: Json & { revision: number }; baselines: Json } = {
    metadata: clone(FIXTURE_BASELINE_CATALOG.metadata) as Json & { revision: number },
    baselines: dict(FIXTURE_BASELINE_CATALOG.baselines),
  };
  readonly queue: QueuedChange[] = [];
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  #seconds(): number {
    return Math.floor(this.#now() / 1000);
  }

  /** Checks a baseline change set against the live catalog; `null` when it can be queued. */
  refuseBaselineChanges(changeSet: Json, referenced: ReadonlySet<string>): Refusal | null {
    const changes = changeSet.changes as Json[];
    for (const change of changes) {
      const name = String(change.name);
      const current = Object.hasOwn(this.baselines.baselines, name)
        ? this.baselines.baselines[name]
        : null;
      if (stableJson(current) !== stableJson(change.expected_before ?? null))
        return { status: 409, detail: `Baseline '${name}' changed after review.` };
      if (change.operation === 'delete' && referenced.has(name))
        return {
          status: 422,
          detail: `Baseline '${name}' is still named by a canonical image model.`,
        };
      if (change.operation === 'delete' && current === null)
        return { status: 422, detail: `Cannot delete missing baseline '${name}'.` };
    }
    return null;
  }

  /** Checks a guidance change set against the live catalog; `null` when it can be queued. */
  refuseGuidanceChanges(changeSet: Json, textModels: ReadonlySet<string>): Refusal | null {
    for (const change of (changeSet.profile_changes as Json[] | undefined) ?? []) {
      const id = String(change.profile_id);
      const current = Object.hasOwn(this.guidance.profiles, id) ? this.guidance.profiles[id] : null;
      if (stableJson(current) !== stableJson(change.expected_before ?? null))
        return { status: 409, detail: `Guidance profile '${id}' changed after review.` };
    }
    for (const change of (changeSet.assignment_changes as Json[] | undefined) ?? []) {
      const name = String(change.model_name);
      const current = Object.hasOwn(this.guidance.assignments, name)
        ? this.guidance.assignments[name]
        : null;
      if (stableJson(current) !== stableJson(change.expected_before ?? null))
        return { status: 409, detail: `Guidance assignment for '${name}' changed after review.` };
      if (!textModels.has(name))
        return { status: 422, detail: `Unknown canonical text model: ${name}` };
    }
    return null;
  }

  /** Queues a change set as the service does: a UUID resource id and a `<kind>:<uuid>` label. */
  enqueue(
    resourceKind: 'text_guidance' | 'image_baseline',
    payload: Json,
    user: { user_id: string; username: string },
  ): QueuedChange {
    const id = crypto.randomUUID();
    const now = this.#seconds();
    const guidance = resourceKind === 'text_guidance';
    const related = guidance
      ? ((payload.assignment_changes as Json[] | undefined) ?? []).map((c) => String(c.model_name))
      : (payload.changes as Json[]).map((c) => String(c.name));
    const change: QueuedChange = {
      change_id: this.queue.length + 1,
      resource_kind: resourceKind,
      resource_id: id,
      category: guidance ? 'text_generation' : 'image_generation',
      model_name: `${guidance ? 'guidance' : 'baseline'}:${id}`,
      operation: 'update',
      payload: clone(payload),
      requested_by: user.user_id,
      requested_username: user.username,
      requested_at: now,
      status: 'pending',
      notes: String(payload.title),
      updated_at: now,
      request_metadata: {
        route: guidance ? 'submit_text_guidance_change_set' : 'submit_image_baseline_change_set',
        title: payload.title,
      },
      related_models: related,
    };
    this.queue.push(change);
    return clone(change);
  }

  /**
   * Approves and applies a queued change set, as an approver would: the catalog changes and its
   * revision (hence its ETag) moves.
   *
   * @throws {Error} for an unknown or already applied change.
   */
  applyChange(changeId: number): void {
    const change = this.queue.find((c) => c.change_id === changeId);
    if (!change || change.status === 'applied')
      throw new Error(`change ${changeId} is not pending in the stand-in's queue`);
    const now = this.#seconds();
    if (change.resource_kind === 'image_baseline') {
      for (const c of change.payload.changes as Json[]) {
        const name = String(c.name);
        if (c.operation === 'delete') delete this.baselines.baselines[name];
        else this.baselines.baselines[name] = clone(c.record);
      }
      this.baselines.metadata = {
        ...this.baselines.metadata,
        revision: this.baselines.metadata.revision + 1,
        updated_at: now,
      };
    } else {
      for (const c of (change.payload.profile_changes as Json[] | undefined) ?? []) {
        const id = String(c.profile_id);
        if (c.operation === 'deprecate')
          this.guidance.profiles[id] = {
            ...(this.guidance.profiles[id] as Json),
            deprecated: true,
          };
        else this.guidance.profiles[id] = clone(c.profile);
      }
      for (const c of (change.payload.assignment_changes as Json[] | undefined) ?? []) {
        const name = String(c.model_name);
        if (c.assignment === null || c.assignment === undefined)
          delete this.guidance.assignments[name];
        else this.guidance.assignments[name] = clone(c.assignment);
      }
      const revision = Number(this.guidance.metadata.revision ?? 1);
      this.guidance.metadata = {
        ...this.guidance.metadata,
        revision: revision + 1,
        updated_at: now,
      };
    }
    Object.assign(change, { status: 'applied', applied_at: now, updated_at: now });
  }
}
