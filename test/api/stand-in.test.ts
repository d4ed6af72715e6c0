// The API client against the project's stand-in of the PRIMARY: real routing (the path is decoded
// before matching, as the service does), real fixture data, and its failure switches.
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/api.js';
import {
  ApiError,
  CATEGORIES,
  ConnectionError,
  MalformedResponseError,
  ModelNotFoundError,
} from '../../src/index.js';
import { createStandInPrimary, FIXTURE_LEGACY, FIXTURE_V2 } from '../../src/testing.js';

function setup(apiKey?: string) {
  const standIn = createStandInPrimary();
  const api = createApiClient({
    baseUrl: standIn.primaryUrl,
    fetch: standIn.fetch,
    retry: 0,
    ...(apiKey ? { apiKey } : {}),
  });
  return { standIn, api };
}

const SLASHED = 'Sao10K/L3-8B-Stheno-v3.2';

describe('the API client against the stand-in PRIMARY', () => {
  it('reads capabilities, categories and single models', async () => {
    const { api } = setup();
    expect(await api.replicateMode()).toEqual({
      replicate_mode: 'PRIMARY',
      canonical_format: 'v2',
      writable: true,
    });
    expect((await api.heartbeat()).ai_horde.degraded).toBe(false);
    const text = await api.v2.getCategory('text_generation');
    expect(Object.keys(text.records).sort()).toEqual(
      Object.keys(FIXTURE_V2.text_generation).sort(),
    );
    expect(text.issues).toEqual([]);
    expect((await api.v2.getModel('clip', 'coca_ViT-L-14')).record_type).toBe('clip');
  });

  it('a name with "/" is unreachable on the model route, so getModel reads the category', async () => {
    const { standIn, api } = setup();
    // What the server does with the encoded name: no route matches.
    const direct = await standIn.fetch(
      `${standIn.primaryUrl}/model_references/v2/text_generation/model/${encodeURIComponent(SLASHED)}`,
    );
    expect(direct.status).toBe(404);

    const before = standIn.requests.length;
    const record = await api.v2.getModel('text_generation', SLASHED);
    expect(record.name).toBe(SLASHED);
    expect(standIn.requests.slice(before).map((r) => r.family)).toEqual(['v2']);
    await expect(api.v2.getModel('text_generation', 'Org/Missing-7B')).rejects.toThrow(
      ModelNotFoundError,
    );
    await expect(api.v2.getModel('clip', 'missing')).rejects.toThrow(ModelNotFoundError);
  });

  it('reads metadata and the legacy API', async () => {
    const { api } = setup();
    const all = await api.metadata.all();
    expect(Object.keys(all).sort()).toEqual([...CATEGORIES].sort());
    const clip = await api.metadata.category('clip');
    expect(clip.category).toBe('clip');
    expect(await api.metadata.categoryLastUpdated('clip')).toEqual({
      category: 'clip',
      last_updated: clip.last_updated,
    });
    expect(await api.v1.getCategory('clip')).toEqual(FIXTURE_LEGACY.v1.clip);
  });

  it('the pending route needs a key; with one, the key goes to the PRIMARY', async () => {
    const anonymous = setup();
    const error = await anonymous.api.v2.pending('clip').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401 });
    expect((error as Error).message).toMatch(/needs a valid AI-Horde API key/);

    const { standIn, api } = setup('secret-key');
    standIn.data.setPending('clip', { 'ViT-B-32': { name: 'ViT-B-32' } });
    const pending = await api.v2.pending('clip');
    expect(Object.keys(pending.records)).toEqual(['ViT-B-32']);
    expect(standIn.requests.at(-1)?.headers.apikey).toBe('secret-key');
  });

  it.each([
    ['html', MalformedResponseError, /HTML page/],
    ['non-json', MalformedResponseError, /not JSON/],
    ['truncated', MalformedResponseError, /not JSON/],
    ['server-error', ApiError, /HTTP 500: Internal Server Error/],
    ['refuse', ConnectionError, /connection refused by primary\.test/],
  ] as const)('a %s answer is a typed error', async (mode, type, message) => {
    const { standIn, api } = setup();
    standIn.setFault('v2', mode);
    const error = await api.v2.getCategory('image_generation').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toMatch(message);
  });

  it('an invalid record is reported, the others are kept', async () => {
    const { standIn, api } = setup();
    standIn.setFault('v2', 'invalid-records');
    const parsed = await api.v2.getCategory('text_generation');
    expect(parsed.issues).toHaveLength(1);
    expect(Object.keys(parsed.records)).toHaveLength(
      Object.keys(FIXTURE_V2.text_generation).length - 1,
    );
  });
});
