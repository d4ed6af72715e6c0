// The provider fetch is a chunk loaded on the first provider read (src/providers/provider-fetch.ts).
// A chunk that cannot load (a browser gone offline before it was fetched) must fail the provider
// as any provider failure does: an error layer and an `error` event, canonical data still served.
import { describe, expect, it, vi } from 'vitest';

const LOAD_FAILURE = 'chunk provider-fetch failed to load';
// vitest rejects the import with an error of its own, whose cause is this one.
vi.doMock('../../src/providers/provider-fetch.js', () => {
  throw new Error(LOAD_FAILURE);
});
const causeOf = (error: unknown) => (error as { cause?: Error } | undefined)?.cause?.message;

const { isSourceUnavailableError, staticProvider } = await import('../../src/index.js');
const { setup } = await import('../helpers/manager.js');

const beta = () => staticProvider('beta', { clip: { 'beta clip': { name: 'beta clip' } } });

describe('a provider chunk that cannot load', () => {
  it('is that provider failing: an error layer and an event; canonical records still served', async () => {
    const { refs } = setup();
    refs.registerProvider(beta());
    const errors: { source?: string; error: Error }[] = [];
    refs.on('error', (event) => errors.push(event));
    const q = await refs.query('clip', { source: 'any' });
    expect(q.count()).toBe(2); // the stand-in's two canonical clip records, no beta one
    const [horde, provider] = q.sourceStatus();
    expect(horde).toEqual({ source: 'horde', state: 'ok', records: 2 });
    expect(provider).toMatchObject({ source: 'beta', state: 'error', records: 0 });
    expect(provider?.error).toBe(errors[0]?.error.message);
    expect(errors.map((event) => event.source)).toEqual(['beta']);
    expect(causeOf(errors[0]?.error)).toBe(LOAD_FAILURE);
  });

  it('with the provider alone, is a SourceUnavailableError naming it', async () => {
    const { refs } = setup();
    refs.registerProvider(beta());
    const error = await refs.getCategory('clip', { source: 'beta' }).catch((e: unknown) => e);
    expect(isSourceUnavailableError(error)).toBe(true);
    const { source, attempts } = error as { source?: string; attempts: readonly unknown[] };
    expect(source).toBe('beta');
    expect(attempts).toEqual([expect.objectContaining({ origin: 'beta', outcome: 'failed' })]);
  });
});
