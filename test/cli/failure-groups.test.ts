import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Category } from '../../src/categories.js';
import { failureGroupLines, groupFailures } from '../../src/cli/failure-groups.js';
import {
  type OriginAttempt,
  SourceUnavailableError,
} from '../../src/errors/source-unavailable-error.js';

const PRIMARY = 'https://models.example:8443/api/model_references';
const refused = (category: Category, version: 'v2' | 'v1' = 'v2'): OriginAttempt => ({
  origin: version,
  url: `${PRIMARY}/${version}/${category}`,
  outcome: 'failed',
  reason: 'connection refused by models.example:8443',
});
const cooling = (origin: string, until: string): OriginAttempt => ({
  origin,
  url: null,
  outcome: 'skipped',
  reason: `host https://models.example:8443 cooling down after 3 failure(s) until ${until}`,
});
const github404 = (category: Category): OriginAttempt => ({
  origin: 'github',
  url: `https://raw.example/Haidra-Org/x/refs/heads/main/${category}.json`,
  outcome: 'failed',
  reason: 'HTTP 404',
});

describe('groupFailures', () => {
  it('one group per host and reason, with every category it stopped, not one row per category', () => {
    const failures = new Map<Category, Error>([
      [
        'clip',
        new SourceUnavailableError('clip', [
          refused('clip'),
          cooling('v1', '2026-01-01T00:00:00.001Z'),
          github404('clip'),
        ]),
      ],
      [
        'blip',
        new SourceUnavailableError('blip', [
          cooling('v2', '2026-01-01T00:00:00.002Z'),
          cooling('v1', '2026-01-01T00:00:00.003Z'),
          github404('blip'),
        ]),
      ],
      [
        'lora',
        new SourceUnavailableError('lora', [
          cooling('v2', '2026-01-01T00:00:00.004Z'),
          { origin: 'v1', url: null, outcome: 'skipped', reason: 'lora has no legacy format' },
          {
            origin: 'github',
            url: null,
            outcome: 'skipped',
            reason: 'lora has no legacy file on GitHub',
          },
        ]),
      ],
    ]);
    expect(groupFailures(failures)).toEqual([
      {
        host: 'models.example:8443',
        origins: ['v2', 'v1'],
        reason: 'connection refused by models.example:8443',
        // In CATEGORIES order; blip and lora only skipped the host in its cool-down.
        categories: ['blip', 'clip', 'lora'],
      },
      {
        host: 'raw.example',
        origins: ['github'],
        reason: 'HTTP 404',
        categories: ['blip', 'clip'],
      },
      { host: null, origins: ['v1'], reason: 'no legacy format', categories: ['lora'] },
      { host: null, origins: ['github'], reason: 'no legacy file on GitHub', categories: ['lora'] },
    ]);
  });

  it('a cool-down whose failure happened in a category that was then served: the chain status says why', () => {
    const failures = new Map<Category, Error>([
      ['ti', new SourceUnavailableError('ti', [cooling('v2', '2026-01-01T00:00:01.000Z')])],
    ]);
    expect(groupFailures(failures, { lastFailures: { v2: 'HTTP 503' } })).toEqual([
      { host: 'models.example:8443', origins: ['v2'], reason: 'HTTP 503', categories: ['ti'] },
    ]);
    // Without it, the cool-down itself, without its deadline.
    expect(groupFailures(failures)[0]?.reason).toBe(
      'host https://models.example:8443 cooling down after 3 failure(s)',
    );
  });

  it('other errors (a provider) are grouped by message', () => {
    const failures = new Map<Category, Error>([
      ['clip', new Error('pending: HTTP 401')],
      ['blip', new Error('pending: HTTP 401')],
    ]);
    expect(groupFailures(failures)).toEqual([
      { host: null, origins: [], reason: 'pending: HTTP 401', categories: ['blip', 'clip'] },
    ]);
  });
});

describe('failureGroupLines', () => {
  it('the cause, then its categories; causes of the same categories share one list; all is "every category"', () => {
    const all = CATEGORIES.slice();
    const lines = failureGroupLines(
      [
        {
          host: 'models.example',
          origins: ['v2', 'v1'],
          reason: 'connection refused by models.example',
          categories: all,
        },
        {
          host: 'raw.example',
          origins: ['github'],
          reason: 'HTTP 404',
          categories: ['blip', 'clip'],
        },
        { host: null, origins: ['v1'], reason: 'no legacy format', categories: ['lora', 'ti'] },
        {
          host: null,
          origins: ['github'],
          reason: 'no legacy file on GitHub',
          categories: ['lora', 'ti'],
        },
      ],
      CATEGORIES.length,
    );
    expect(lines).toEqual([
      '  connection refused by models.example (v2, v1)',
      '    every category',
      '  raw.example: HTTP 404 (github)',
      '    blip, clip',
      '  v1: no legacy format',
      '  github: no legacy file on GitHub',
      '    lora, ti',
    ]);
  });
});
