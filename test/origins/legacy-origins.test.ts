// The legacy origins (GitHub and the PRIMARY's v1) load the converters on demand and report a
// legacy payload they cannot read as an unusable answer of that origin, naming what was wrong.

import { describe, expect, it } from 'vitest';
import { isLegacyFormatError } from '../../src/errors/legacy-format-error.js';
import { isMalformedResponseError } from '../../src/errors/malformed-response-error.js';
import type { Transport } from '../../src/http/transport.js';
import { DEFAULT_GITHUB, githubOrigin } from '../../src/origins/github-origin.js';
import { v1Origin } from '../../src/origins/primary-origins.js';

/** A transport that answers every request with `text` (status 200). */
const answering = (text: string): Transport => ({
  primaryUrl: 'http://primary.test/api',
  request: async ({ url, method = 'GET' }) => ({
    method,
    url,
    status: 200,
    headers: new Headers({ 'content-type': 'application/json' }),
    text,
  }),
});

describe('legacy origins', () => {
  it('convert a readable legacy answer', async () => {
    const origin = githubOrigin(
      answering(JSON.stringify({ 'ViT-L/14': { name: 'ViT-L/14' } })),
      DEFAULT_GITHUB,
      () => 0,
    );
    const result = await origin.fetch('clip', {});
    expect(Object.keys(result.records)).toEqual(['ViT-L/14']);
    expect(result.fetchedFrom).toBe('github');
  });

  it('turn an unreadable legacy answer into a MalformedResponseError caused by the LegacyFormatError', async () => {
    for (const origin of [
      githubOrigin(answering('"a string"'), DEFAULT_GITHUB, () => 0),
      v1Origin(answering('"a string"'), 'http://primary.test/api', () => 0),
    ]) {
      const error = await origin.fetch('clip', {}).catch((e: unknown) => e);
      expect(isMalformedResponseError(error)).toBe(true);
      expect(isLegacyFormatError((error as Error).cause)).toBe(true);
      expect((error as Error & { reason: string }).reason).toBe(
        (error as Error & { cause: Error }).cause.message,
      );
    }
  });

  it('let other failures through as they are', async () => {
    // not JSON at all: the v1 body fails before any conversion, as the MalformedResponseError it is
    const error = await v1Origin(answering('{'), 'http://primary.test/api', () => 0)
      .fetch('clip', {})
      .catch((e: unknown) => e);
    expect(isMalformedResponseError(error)).toBe(true);
    expect(isLegacyFormatError((error as Error).cause)).toBe(false);
  });
});
