// The manager's reads word validation messages on demand: the wording is a chunk loaded when the
// first invalid record is met (src/schemas/lazy-issues.ts). Whichever path meets the record
// first, what an `invalid-record` listener or the logger reads is word for word what the public
// parseCategoryRecords says. Each test starts from fresh modules, so the chunk is not loaded yet.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Root from '../../src/index.js';
import { parseCategoryRecords } from '../../src/schemas.js';

/** A clip payload with one valid record and invalid ones of several kinds. */
const PAYLOAD = {
  good: { name: 'good' },
  numbered: { name: 42 },
  listed: { name: 'listed', description: ['yes'] },
  flagged: { name: 'flagged', version: true, size_on_disk_bytes: 'big' },
};
/** The RecordIssues the public function gives, messages worded at once. */
const EXPECTED = parseCategoryRecords('clip', PAYLOAD).issues;

const SNAPSHOT = {
  category: 'clip',
  origin: 'v2',
  url: 'https://primary.test/api/model_references/v2/clip',
  fetchedAt: Date.now(),
  hash: 'stored',
  records: PAYLOAD,
};

let root: typeof Root;
let managers: Root.ModelReferenceManager[] = [];

beforeEach(async () => {
  vi.resetModules();
  vi.doUnmock('../../src/schemas/issue-message.js');
  root = await import('../../src/index.js');
});
afterEach(async () => {
  await Promise.all(managers.map((refs) => refs.close()));
  managers = [];
});

/**
 * A manager with no network at all unless `options` give it one, taking answers with mostly
 * invalid records (the payload's three of four would otherwise be refused as suspect).
 */
function manager(options: Root.ModelReferenceManagerOptions = {}) {
  const refs = new root.ModelReferenceManager({
    primaryUrl: null,
    github: false,
    suspectAnswers: false,
    ...options,
  });
  managers.push(refs);
  const invalid: Root.RecordIssue[] = [];
  refs.on('invalid-record', (issue) => void invalid.push(issue));
  return { refs, invalid };
}

describe('validation messages worded on demand read as the public ones', () => {
  it('expects three invalid records with messages worded at once', () => {
    expect(EXPECTED.map((issue) => issue.key)).toEqual(['numbered', 'listed', 'flagged']);
    expect(EXPECTED[2]?.issues.map((issue) => issue.path)).toEqual([
      'version',
      'size_on_disk_bytes',
    ]);
  });

  it('from the network', async () => {
    const { refs, invalid } = manager({
      primaryUrl: 'https://primary.test/api',
      chain: ['v2'],
      fetch: async () =>
        new Response(JSON.stringify(PAYLOAD), { headers: { 'content-type': 'application/json' } }),
    });
    expect(Object.keys(await refs.getCategory('clip'))).toEqual(['good']);
    expect(JSON.parse(JSON.stringify(invalid))).toEqual(EXPECTED);
  });

  it('from storage, at a warm start', async () => {
    const storage = root.memoryStorage();
    await storage.set('horde-model-reference:clip', JSON.stringify(SNAPSHOT));
    const { refs, invalid } = manager({ storage });
    expect(Object.keys(await refs.getCategory('clip'))).toEqual(['good']);
    expect(invalid).toEqual(EXPECTED);
  });

  it('from a provider', async () => {
    const { refs, invalid } = manager();
    refs.registerProvider(root.staticProvider('mixed', { clip: PAYLOAD }));
    expect(Object.keys(await refs.getCategory('clip', { source: 'mixed' }))).toEqual(['good']);
    expect(invalid).toEqual(EXPECTED);
  });

  it('from a seed, in the logger, however late the wording loads', async () => {
    // The wording arrives after the logger's own chunk: each line waits for it.
    vi.resetModules();
    vi.doMock('../../src/schemas/issue-message.js', async (importOriginal) => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return importOriginal();
    });
    root = await import('../../src/index.js');
    const lines: string[] = [];
    const logger = { warn: (line: string) => void lines.push(line) };
    manager({
      logger,
      snapshot: {
        format: 'horde-model-reference/snapshot',
        version: 1,
        createdAt: 0,
        categories: [SNAPSHOT],
      },
    } as Root.ModelReferenceManagerOptions);
    await vi.waitFor(() => expect(lines).toHaveLength(3));
    expect(lines).toEqual(
      EXPECTED.map(
        ({ key, issues }) =>
          `[horde-model-reference] clip record ${JSON.stringify(key)} skipped: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      ),
    );
  });
});
