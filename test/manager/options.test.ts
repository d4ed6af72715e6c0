import { describe, expect, it } from 'vitest';
import {
  isInvalidOptionsError,
  ModelReferenceManager,
  type ModelReferenceManagerOptions,
} from '../../src/index.js';
import { createStandInPrimary } from '../../src/testing.js';

const bad = (options: Record<string, unknown>) => () =>
  new ModelReferenceManager(options as ModelReferenceManagerOptions);

describe('options', () => {
  it.each([
    [{ ttlMs: -1 }, /ttlMs: expected a non-negative number/],
    [{ timeoutMs: 0 }, /timeoutMs: expected a positive number/],
    [
      { primaryUrl: 'models.aihorde.net' },
      /primaryUrl: "models.aihorde.net" is not an absolute URL/,
    ],
    [{ primaryUrl: 'ftp://x/api' }, /expected an http\(s\) URL/],
    [{ chain: ['v2', 'v3'] }, /unknown origin "v3"; valid: v2, v1, github/],
    [{ chain: ['v2', 'v2'] }, /listed twice/],
    [{ cacheTtlSeconds: 60 }, /did you mean ttlMs/],
    [{ colour: 'red' }, /unknown option; valid options: primaryUrl/],
  ])('%j is rejected with a clear InvalidOptionsError', (options, message) => {
    let caught: unknown;
    try {
      bad(options)();
    } catch (error) {
      caught = error;
    }
    expect(isInvalidOptionsError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(message);
  });

  it('primaryUrl null means GitHub only', async () => {
    const standIn = createStandInPrimary();
    const refs = new ModelReferenceManager({
      primaryUrl: null,
      github: { rawBaseUrl: standIn.githubRawUrl },
      fetch: standIn.fetch,
    });
    await refs.getCategory('clip');
    expect(standIn.requests.map((r) => r.family)).toEqual(['github']);
    expect(Object.keys(refs.status().chain)).toEqual(['github']);
  });

  it('chain sets the order of the fallback chain', async () => {
    const standIn = createStandInPrimary();
    const refs = new ModelReferenceManager({
      primaryUrl: standIn.primaryUrl,
      github: { rawBaseUrl: standIn.githubRawUrl },
      chain: ['github', 'v2'],
      fetch: standIn.fetch,
    });
    await refs.getCategory('clip');
    expect(refs.status().categories.clip?.origin).toBe('github');
  });

  it('github options build the raw URL, so a mirror is one option', async () => {
    const standIn = createStandInPrimary({ githubRawUrl: 'http://mirror.test/raw' });
    const refs = new ModelReferenceManager({
      primaryUrl: null,
      github: { rawBaseUrl: 'http://mirror.test/raw', owner: 'Haidra-Org', branch: 'main' },
      fetch: standIn.fetch,
    });
    await refs.getCategory('text_generation');
    expect(standIn.requests[0]?.url).toBe(
      'http://mirror.test/raw/Haidra-Org/AI-Horde-text-model-reference/refs/heads/main/models.csv',
    );
  });
});
