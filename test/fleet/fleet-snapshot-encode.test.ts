// What a leader publishes is the whole category as one JSON document, built from the records'
// JSON the cache already computed: exactly what serialising the document at once would give,
// with no credentials in its URL, and read back whole by a follower.
import { describe, expect, it } from 'vitest';
import { toSnapshot } from '../../src/cache/snapshot.js';
import {
  encodeFleetSnapshot,
  FLEET_SNAPSHOT_FORMAT,
  parseFleetSnapshot,
} from '../../src/fleet/fleet-snapshot.js';
import { redactUrl } from '../../src/http/url.js';
import type { CategoryResult } from '../../src/records/category-result.js';
import { parseCategoryRecords } from '../../src/schemas/parse-records.js';
import { FIXTURE_V2 } from '../../src/testing.js';

describe('encodeFleetSnapshot', () => {
  it('is the JSON of the whole document, without URL credentials, and reads back', () => {
    const { records } = parseCategoryRecords('image_generation', FIXTURE_V2.image_generation);
    Object.freeze(records);
    const name = Object.keys(records)[0] as string;
    const result = {
      category: 'image_generation',
      records,
      issues: [],
      origin: 'v2',
      url: 'https://user:secret@primary.example/api/model_references/v2/image_generation',
      fetchedAt: 1_700_000_000_000,
      hash: 'h2',
      fetchedFrom: 'v2',
      sequence: 3,
    } as CategoryResult;
    const change = {
      category: 'image_generation' as const,
      via: 'download' as const,
      added: [],
      removed: [],
      changed: [{ name, fields: ['description'] }],
    };
    const payload = encodeFleetSnapshot(result, change, 'h1');
    expect(payload).toBe(
      JSON.stringify({
        format: FLEET_SNAPSHOT_FORMAT,
        version: 1,
        base: 'h1',
        change,
        snapshot: { ...toSnapshot(result), url: redactUrl(result.url) },
      }),
    );
    expect(payload).not.toContain('secret');
    const read = parseFleetSnapshot(
      { category: 'image_generation', version: 7, payload, token: 1, publishedAt: 1 },
      Date.now(),
    );
    expect(read.base).toBe('h1');
    expect(read.change).toEqual(change);
    expect(Object.keys(read.result.records)).toEqual(Object.keys(records));
    expect(read.result.hash).toBe('h2');
  });
});
