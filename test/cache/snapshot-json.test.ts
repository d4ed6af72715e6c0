// A stored snapshot's text is the same whether its records' JSON was computed now or shared with
// another manager holding the same frozen records (a fleet's followers in one process).
import { describe, expect, it } from 'vitest';
import { snapshotJson, toSnapshot } from '../../src/cache/snapshot.js';
import type { CategoryResult } from '../../src/records/category-result.js';
import { parseCategoryRecords } from '../../src/schemas/parse-records.js';
import { FIXTURE_V2 } from '../../src/testing.js';

function result(records: CategoryResult['records'], extra: Partial<CategoryResult> = {}) {
  return {
    category: 'image_generation',
    records,
    issues: [],
    origin: 'v2',
    url: 'https://primary.example/api/model_references/v2/image_generation',
    fetchedAt: 1_700_000_000_000,
    hash: 'abc',
    fetchedFrom: 'v2',
    sequence: 1,
    ...extra,
  } as CategoryResult;
}

describe('snapshotJson', () => {
  it('is exactly JSON.stringify(toSnapshot(result)), also when the records JSON is shared', () => {
    const { records } = parseCategoryRecords('image_generation', FIXTURE_V2.image_generation);
    Object.freeze(records);
    const first = result(records);
    expect(snapshotJson(first)).toBe(JSON.stringify(toSnapshot(first)));
    // Another manager's result with the same records and its own provenance.
    const second = result(records, {
      origin: 'snapshot',
      fetchedFrom: 'github',
      url: 'https://raw.example/"quoted"',
      fetchedAt: 5,
      hash: 'def',
      sequence: 9,
    });
    expect(snapshotJson(second)).toBe(JSON.stringify(toSnapshot(second)));
    expect(JSON.parse(snapshotJson(second))).toEqual(toSnapshot(second));
  });

  it('serialises records that are not frozen every time (they may have changed)', () => {
    const records = { a: { name: 'a' } } as unknown as CategoryResult['records'];
    const before = snapshotJson(result(records));
    (records as Record<string, unknown>).b = { name: 'b' };
    const after = snapshotJson(result(records));
    expect(after).not.toBe(before);
    expect(after).toBe(JSON.stringify(toSnapshot(result(records))));
  });
});
