// When the only sources a read asked for are providers and they all fail, the read fails with why
// (a refused key must not look like an empty queue); a mixed read keeps serving.
import { describe, expect, it } from 'vitest';
import {
  isApiError,
  isSourceUnavailableError,
  type ModelProvider,
  pendingProvider,
  SourceUnavailableError,
  sourceOf,
  staticProvider,
} from '../../src/index.js';
import { setup } from '../helpers/manager.js';

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

/** A manager with a pending provider whose key the stand-in refuses (401). */
function refusedKey() {
  const context = setup();
  context.standIn.setFault('pending', 'client-error', { status: 401 });
  context.refs.registerProvider(pendingProvider({ apiKey: 'refused-key' }));
  return context;
}

describe('a read of failed providers only', () => {
  it('rejects with SourceUnavailableError naming the provider, with the typed cause', async () => {
    const { refs } = refusedKey();
    const error = await caught(refs.getCategory('image_generation', { source: 'pending' }));
    expect(error).toBeInstanceOf(SourceUnavailableError);
    const failure = error as SourceUnavailableError;
    expect(failure.source).toBe('pending');
    expect(failure.category).toBe('image_generation');
    expect(failure.message).toMatch(
      /^Source "pending" could not provide category image_generation/,
    );
    expect(failure.message).toContain('401');
    expect(failure.message).not.toContain('refused-key');
    expect(failure.attempts).toHaveLength(1);
    const [attempt] = failure.attempts;
    expect(attempt?.origin).toBe('pending');
    expect(attempt?.outcome).toBe('failed');
    expect(attempt?.url).toMatch(/\/model_references\/v2\/image_generation\/pending$/);
    expect(isApiError(attempt?.cause)).toBe(true);
    expect((attempt?.cause as { status?: number } | undefined)?.status).toBe(401);
  });

  it('fails search, searchAll, query, getModel and statistics the same way', async () => {
    const { refs } = refusedKey();
    const reads = [
      refs.search('image_generation', { source: 'pending' }),
      refs.searchAll({ source: 'pending' }),
      refs.query('image_generation', { source: 'pending' }),
      refs.findModel('image_generation', 'x', { source: 'pending' }),
      refs.statistics('clip', { source: 'pending' }),
    ];
    for (const read of reads) {
      const error = await caught(read);
      expect(isSourceUnavailableError(error)).toBe(true);
      expect((error as SourceUnavailableError).source).toBe('pending');
    }
  });

  it('names the first of several failed providers and lists each', async () => {
    const { refs } = refusedKey();
    const broken: ModelProvider = {
      id: 'broken',
      categories: ['image_generation'],
      fetchCategory: async () => {
        throw new Error('database down');
      },
    };
    refs.registerProvider(broken);
    const error = (await caught(
      refs.getCategory('image_generation', { source: ['broken', 'pending'] }),
    )) as SourceUnavailableError;
    expect(error.source).toBe('broken');
    expect(error.attempts.map((a) => [a.origin, a.reason])).toEqual([
      ['broken', 'database down'],
      ['pending', expect.stringContaining('401')],
    ]);
    // A plain Error is no typed cause.
    expect(error.attempts[0]?.cause).toBeUndefined();
  });

  it('a mixed read still serves the canonical records, the failure in the status', async () => {
    const { refs } = refusedKey();
    const records = await refs.getCategory('image_generation', { source: ['pending', 'horde'] });
    expect(Object.keys(records).length).toBeGreaterThan(0);
    for (const record of Object.values(records)) expect(sourceOf(record)).toBe('horde');
    const q = await refs.query('image_generation', { source: 'any' });
    expect(q.sourceStatus().map((s) => [s.source, s.state])).toEqual([
      ['horde', 'ok'],
      ['pending', 'error'],
    ]);
  });

  it('a provider that answered before still serves its last answer', async () => {
    const { refs, standIn } = setup({ ttlMs: 0 });
    const albedo = standIn.data.category('image_generation')['AlbedoBase XL (SDXL)'] as object;
    standIn.data.setPending('image_generation', {
      'Fresh Upload': { ...albedo, name: 'Fresh Upload' },
    });
    refs.registerProvider(pendingProvider({ apiKey: 'reader-key' }));
    const first = await refs.getCategory('image_generation', { source: 'pending' });
    expect(Object.keys(first).length).toBeGreaterThan(0);
    standIn.setFault('pending', 'client-error', { status: 401 });
    const again = await refs.getCategory('image_generation', { source: 'pending' });
    expect(Object.keys(again)).toEqual(['Fresh Upload']);
    expect(standIn.count('pending')).toBe(2); // it was asked again, and refused
  });

  it('a provider that does not serve the category gives an empty answer, not an error', async () => {
    const { refs } = setup();
    refs.registerProvider(staticProvider('images-only', { image_generation: {} }));
    expect(Object.keys(await refs.getCategory('clip', { source: 'images-only' }))).toEqual([]);
  });
});
