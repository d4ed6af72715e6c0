// The wording of validation messages is a chunk the manager loads on the first invalid record
// (src/schemas/lazy-issues.ts). If it cannot load (a browser that went offline), reads go on as
// ever: valid records served, invalid ones reported, with zod's terse message and issue code.
import { describe, expect, it, vi } from 'vitest';

vi.doMock('../../src/schemas/issue-message.js', () => {
  throw new Error('chunk issue-message failed to load');
});

const { ModelReferenceManager, memoryStorage } = await import('../../src/index.js');

const SNAPSHOT = {
  category: 'clip',
  origin: 'v2',
  url: '',
  fetchedAt: Date.now(),
  hash: 'stored',
  records: { good: { name: 'good' }, numbered: { name: 42 }, listed: { name: 'l', version: [1] } },
};

describe('a wording chunk that cannot load', () => {
  it('leaves reads as they are; issues are reported with zod’s terse message', async () => {
    const storage = memoryStorage();
    await storage.set('horde-model-reference:clip', JSON.stringify(SNAPSHOT));
    const refs = new ModelReferenceManager({
      primaryUrl: null,
      github: false,
      storage,
      suspectAnswers: false,
    });
    const invalid: unknown[] = [];
    refs.on('invalid-record', (issue) => void invalid.push(issue));
    expect(Object.keys(await refs.getCategory('clip'))).toEqual(['good']);
    expect(invalid).toEqual([
      {
        category: 'clip',
        key: 'numbered',
        issues: [{ path: 'name', message: 'Invalid input (invalid_type)' }],
      },
      {
        category: 'clip',
        key: 'listed',
        name: 'l',
        issues: [{ path: 'version', message: 'Invalid input (invalid_type)' }],
      },
    ]);
    expect(refs.status().categories.clip).toMatchObject({ records: 1, invalidRecords: 2 });
    await refs.close();
  });
});
