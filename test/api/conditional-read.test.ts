// Conditional catalog reads on the shared transport: the served ETag header is the tag when it can
// be read, the revision-derived tag when it cannot; a 304 is an answer (not an error) with no body.
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { FeatureUnavailableError, MalformedResponseError } from '../../src/api.js';
import { FIXTURE_BASELINE_CATALOG, FIXTURE_GUIDANCE_CATALOG } from '../../src/testing.js';
import { caught, client, detail } from './cases/responder.js';

const catalog = (etag?: string) =>
  HttpResponse.json(FIXTURE_BASELINE_CATALOG as object, etag ? { headers: { etag } } : {});

describe('conditional catalog reads', () => {
  it('the ETag header the server sends is the tag, even when it is not the revision-derived one', async () => {
    // A cache in front of the service may tag answers its own way (a strong tag here).
    const { api, requests } = client(() => catalog('"cdn-7f3a"'));
    const first = await api.baselines.catalogIfChanged();
    expect(first).toMatchObject({ modified: true, etag: '"cdn-7f3a"' });
    expect(requests[0]?.headers.get('if-none-match')).toBeNull();
    // The revision-derived tag no longer matches what is served: the catalog counts as changed.
    expect(await api.baselines.catalogIfChanged('W/"image-baselines-2"')).toMatchObject({
      modified: true,
      etag: '"cdn-7f3a"',
    });
    expect(await api.baselines.catalogIfChanged('"cdn-7f3a"')).toEqual({
      modified: false,
      etag: '"cdn-7f3a"',
    });
    expect(requests[2]?.headers.get('if-none-match')).toBe('"cdn-7f3a"');
  });

  it('without a readable ETag header the tag is derived from the revision, as the service derives it', async () => {
    const { api } = client(() => HttpResponse.json(FIXTURE_GUIDANCE_CATALOG as object));
    const first = await api.textGuidance.catalogIfChanged();
    const revision = (FIXTURE_GUIDANCE_CATALOG as { metadata: { revision: number } }).metadata
      .revision;
    expect(first.etag).toBe(`W/"text-guidance-${revision}"`);
    expect((await api.textGuidance.catalogIfChanged(first.etag)).modified).toBe(false);
    // Weak and strong forms of one tag are the same revision.
    expect((await api.textGuidance.catalogIfChanged(first.etag.slice(2))).modified).toBe(false);
  });

  it('a 304 is "not modified", with the tag the answer names or, failing that, the one asked with', async () => {
    const tagged = client(() => new Response(null, { status: 304, headers: { etag: 'W/"x-9"' } }));
    expect(await tagged.api.baselines.catalogIfChanged('W/"x-8"')).toEqual({
      modified: false,
      etag: 'W/"x-9"',
    });
    const bare = client(() => new Response(null, { status: 304 }));
    expect(await bare.api.baselines.catalogIfChanged('W/"image-baselines-2"')).toEqual({
      modified: false,
      etag: 'W/"image-baselines-2"',
    });
    // The key still went with the request, and nothing was retried.
    expect(bare.requests).toHaveLength(1);
    expect(bare.requests[0]?.headers.get('apikey')).toBe('secret-key');
  });

  it('a 304 to a read that named no tag is a MalformedResponseError, not a value of undefined', async () => {
    const { api } = client(() => new Response(null, { status: 304 }));
    const error = await caught(api.baselines.catalogIfChanged());
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.message).toMatch(/304 Not Modified to a read that named no entity tag/);
  });

  it('a missing route stays a FeatureUnavailableError on conditional reads', async () => {
    const { api } = client(() => detail(404, { detail: 'Not Found' }));
    const error = await caught(api.baselines.catalogIfChanged('W/"image-baselines-2"'));
    expect(error).toBeInstanceOf(FeatureUnavailableError);
  });
});
