// The pending provider loads what sorts models from other queue entries (records/
// pending-resources.ts) with its first answer, as a chunk of its own. A chunk that cannot load
// fails that fetch as any pending failure does: an error layer and an `error` event, canonical
// records still served.
import { describe, expect, it, vi } from 'vitest';

const LOAD_FAILURE = 'chunk pending-resources failed to load';
vi.doMock('../../src/records/pending-resources.js', () => {
  throw new Error(LOAD_FAILURE);
});
const causeOf = (error: unknown) => (error as { cause?: Error } | undefined)?.cause?.message;

const { ModelReferenceManager, pendingProvider } = await import('../../src/index.js');

const CANONICAL = { 'ViT-L/14': { name: 'ViT-L/14' } };
const PENDING = { 'ViT-B/32': { name: 'ViT-B/32' } };

/** A manager whose PRIMARY answers the clip category and its pending queue. */
function manager() {
  const refs = new ModelReferenceManager({
    primaryUrl: 'https://primary.test/api',
    github: false,
    chain: ['v2'],
    fetch: async (input) => {
      const url = new Request(input).url;
      const body = url.endsWith('/v2/clip/pending') ? PENDING : CANONICAL;
      return Response.json(body);
    },
  });
  refs.registerProvider(pendingProvider({ apiKey: 'reader-key' }));
  const errors: { source?: string; error: Error }[] = [];
  refs.on('error', (event) => void errors.push(event));
  return { refs, errors };
}

describe('a pending provider whose chunk cannot load', () => {
  it('is that provider failing; the canonical records are still served', async () => {
    const { refs, errors } = manager();
    const q = await refs.query('clip', { source: 'any' });
    expect(q.toArray().map((record) => record.name)).toEqual(['ViT-L/14']);
    const [horde, pending] = q.sourceStatus();
    expect(horde).toEqual({ source: 'horde', state: 'ok', records: 1 });
    expect(pending).toMatchObject({ source: 'pending', state: 'error', records: 0 });
    expect(errors.map((event) => event.source)).toEqual(['pending']);
    expect(causeOf(errors[0]?.error)).toBe(LOAD_FAILURE);
    await refs.close();
  });
});
