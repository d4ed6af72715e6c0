import type { Category } from '../categories.js';
import { parseJsonBody } from '../http/json-body.js';
import type { RequestOptions } from '../http/request-options.js';
import type { CategoryChange } from '../records/diff-records.js';
import { issueMessagesReady } from '../schemas/lazy-issues.js';
import type { CategoryMetadata } from '../schemas/metadata.js';
import { parseRecord } from '../schemas/parse-records.js';
import type { RecordOf } from '../schemas/record-schemas.js';
import type { DetectorContext } from './change-detector.js';
import { tokenOf } from './change-tokens.js';

/**
 * Applies the one write the metadata names: what changed, or `false` when that cannot be done
 * safely (the caller downloads the category instead).
 */
export async function applyOneWrite(
  context: DetectorContext,
  category: Category,
  meta: CategoryMetadata,
  request: RequestOptions,
): Promise<CategoryChange | null | false> {
  const { cache, urls, now, transport } = context;
  const name = meta.last_operation_model;
  // Taken before asking: if a download that started later lands first, this older answer loses.
  const sequence = cache.begin();
  const entry = cache.entry(category);
  // The server's model route cannot address names containing `/` (they are path separators).
  if (!urls || !entry || typeof name !== 'string' || name.includes('/')) return false;
  const before = entry.result.records as Record<string, RecordOf<Category>>;
  const after: Record<string, RecordOf<Category>> = Object.assign(Object.create(null), before);
  if (meta.last_operation_type === 'delete') {
    if (!Object.hasOwn(before, name)) return false;
    delete after[name];
  } else if (meta.last_operation_type === 'create' || meta.last_operation_type === 'update') {
    let raw: unknown;
    try {
      const url = urls.v2Model(category, name);
      raw = parseJsonBody(await transport.request({ url, ...request }));
    } catch {
      request.signal?.throwIfAborted();
      return false;
    }
    const parsed = parseRecord(category, raw);
    if (!parsed.ok || parsed.record.name !== name) return false;
    after[name] = parsed.record;
  } else {
    return false;
  }
  const issues = entry.result.issues.filter((i) => i.key !== name && i.name !== name);
  // The records still invalid are reported again with the new result, once their messages can be
  // worded (a seed's, read without waiting: lazy-issues.ts).
  if (issues.length > 0) await issueMessagesReady();
  return cache.accept(
    {
      ...entry.result,
      records: after,
      issues,
      fetchedAt: now(),
      hash: `delta:${tokenOf(meta)}`,
      sequence,
    },
    'delta',
  );
}
