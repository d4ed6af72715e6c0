// The pending queue carries more than models since 8.x (upstream `pending_queue/models.py` at
// 24886069): guidance and baseline change sets are queue entries too, but never beta models.

/** The resources the shared review queue carries. */
export const PENDING_RESOURCE_KINDS = [
  'model_reference',
  'text_guidance',
  'image_baseline',
] as const;

/** A known queue resource kind, or any newer string. Records without one are model changes. */
export type PendingResourceKind = (typeof PENDING_RESOURCE_KINDS)[number] | (string & {});

// The compatibility label a non-model change carries as its model_name: `guidance:<uuid>`.
const NON_MODEL_LABEL = /^(?:guidance|baseline):[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

/**
 * Whether an entry of a pending (beta) overlay is a model: not keyed by a non-model label such as
 * `guidance:<uuid>`, and not carrying a `resource_kind` other than `model_reference`. The 8.x
 * service already leaves such entries out; this guards against a server that does not.
 */
export function isModelPendingEntry(key: string, value: unknown): boolean {
  if (NON_MODEL_LABEL.test(key)) return false;
  const kind = (value as { resource_kind?: unknown } | null)?.resource_kind;
  return kind === undefined || kind === null || kind === 'model_reference';
}

/**
 * A pending overlay payload without its non-model entries (a new null-prototype object); any other
 * payload (an array, a string, ...) is returned unchanged for the caller's own validation.
 */
export function dropNonModelPendingEntries(payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return payload;
  const kept: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries(payload))
    if (isModelPendingEntry(key, value)) kept[key] = value;
  return kept;
}
