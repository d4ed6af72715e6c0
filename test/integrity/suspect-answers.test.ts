// Promise: good data is never thrown away because a server answered with nothing usable.
import { describe, expect, it } from 'vitest';
import {
  isSourceUnavailableError,
  isSuspectAnswerError,
  type ManagerEvents,
  memoryStorage,
  type SourceUnavailableError,
  staticProvider,
} from '../../src/index.js';
import { FIXTURE_V2 } from '../../src/testing.js';
import { setup } from '../helpers/manager.js';

const IMAGES = Object.keys(FIXTURE_V2.image_generation).length;

async function refreshFailure(promise: Promise<unknown>): Promise<SourceUnavailableError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isSourceUnavailableError(error)).toBe(true);
  return error as SourceUnavailableError;
}

describe('an answer with nothing usable never replaces last-known-good data', () => {
  it.each([
    ['200 {} (what the server answers for a category without data)', 'empty', /remove 8 of the 8/],
    ['200 {"detail":"Internal Server Error"}', 'error-body', /1 of its 1 records fail validation/],
    [
      '200 with every record invalid (a type change on the server)',
      'all-invalid',
      /8 of its 8 records fail/,
    ],
  ] as const)('%s', async (_label, fault, reason) => {
    const storage = memoryStorage();
    const { refs, standIn } = setup({ storage });
    const before = await refs.getCategory('image_generation');
    expect(Object.keys(before)).toHaveLength(IMAGES);
    const changes: ManagerEvents['change'][] = [];
    const stale: ManagerEvents['stale'][] = [];
    refs.on('change', (change) => changes.push(change));
    refs.on('stale', (event) => stale.push(event));
    standIn.setFault('v2', fault);

    const error = await refreshFailure(refs.refresh('image_generation'));
    const v2 = error.attempts.find((a) => a.origin === 'v2');
    expect(isSuspectAnswerError(v2?.cause)).toBe(true);
    expect(v2?.reason).toMatch(reason);
    // Nothing changed for the reader, on disk, or in the events; the data is marked stale, why said.
    expect(await refs.getCategory('image_generation')).toBe(before);
    expect(changes).toEqual([]);
    expect(stale).toHaveLength(1);
    expect(refs.status().categories.image_generation).toMatchObject({
      stale: true,
      records: IMAGES,
    });
    expect(refs.status().categories.image_generation?.lastError).toMatch(reason);
    await refs.close();
    const stored = JSON.parse((await storage.get('horde-model-reference:image_generation')) ?? '');
    expect(Object.keys(stored.records)).toHaveLength(IMAGES);
  });

  it('the chain goes on past a suspect answer: an older origin with the records is taken', async () => {
    // Once the data held is old (past maxStalenessMs), a lower origin may replace it.
    const { refs, standIn } = setup({ maxStalenessMs: 0 });
    await refs.getCategory('image_generation');
    standIn.setFault('v2', 'empty');
    const records = await refs.refresh('image_generation');
    expect(Object.keys(records)).toHaveLength(IMAGES);
    expect(refs.status().categories.image_generation?.origin).toBe('v1');
  });

  it('a cold read refuses an answer that is mostly invalid and goes on down the chain', async () => {
    const { refs, standIn } = setup();
    standIn.setFault('v2', 'all-invalid');
    const records = await refs.getCategory('image_generation');
    expect(Object.keys(records)).toHaveLength(IMAGES);
    expect(refs.status().categories.image_generation?.origin).toBe('v1');
  });

  it('deletions the PRIMARY’s metadata confirms are taken by change detection', async () => {
    const { refs, standIn } = setup();
    await refs.getCategory('image_generation');
    await refs.checkForUpdates(); // learns the category's change token
    for (const name of Object.keys(FIXTURE_V2.image_generation).slice(0, 6))
      standIn.data.delete('image_generation', name);
    const changes = await refs.checkForUpdates();
    expect(changes[0]?.removed).toHaveLength(6);
    expect(Object.keys(await refs.getCategory('image_generation'))).toHaveLength(IMAGES - 6);
    expect(refs.status().categories.image_generation?.stale).toBe(false);
  });

  it('refresh({ acceptSuspect: true }) takes the answer, and says what went', async () => {
    const { refs, standIn } = setup();
    await refs.getCategory('image_generation');
    const changes: ManagerEvents['change'][] = [];
    refs.on('change', (change) => changes.push(change));
    standIn.setFault('v2', 'empty');
    expect(await refs.refresh('image_generation', { acceptSuspect: true })).toEqual({});
    expect(changes[0]?.removed).toHaveLength(IMAGES);
  });

  it('thresholds are options: suspectAnswers: false takes every answer', async () => {
    const { refs, standIn } = setup({ suspectAnswers: false });
    await refs.getCategory('gfpgan');
    standIn.setFault('v2', 'empty');
    expect(await refs.refresh('gfpgan')).toEqual({});
  });

  it('a removal under the threshold is an ordinary change', async () => {
    const { refs, standIn } = setup({ suspectAnswers: { maxRemovedShare: 0.9 } });
    await refs.getCategory('image_generation');
    for (const name of Object.keys(FIXTURE_V2.image_generation).slice(0, 5))
      standIn.data.delete('image_generation', name);
    expect(Object.keys(await refs.refresh('image_generation'))).toHaveLength(IMAGES - 5);
  });

  it('providers follow the same rule: an empty answer keeps their last records', async () => {
    const { refs } = setup();
    let records: Record<string, unknown> = {
      'Mine A': { name: 'Mine A' },
      'Mine B': { name: 'Mine B' },
    };
    refs.registerProvider({
      ...staticProvider('mine', { clip: {} }),
      ttlMs: 0,
      fetchCategory: async () => records,
    });
    const errors: ManagerEvents['error'][] = [];
    refs.on('error', (event) => errors.push(event));
    expect(Object.keys(await refs.getCategory('clip', { source: 'mine' }))).toEqual([
      'Mine A',
      'Mine B',
    ]);
    records = {};
    const query = await refs.query('clip', { source: 'mine' });
    expect(query.toArray().map((r) => r.name)).toEqual(['Mine A', 'Mine B']);
    expect(query.sourceStatus()[0]).toMatchObject({ source: 'mine', state: 'error' });
    expect(isSuspectAnswerError(errors[0]?.error)).toBe(true);
  });
});
