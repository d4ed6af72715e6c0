import { describe, expect, it } from 'vitest';
import { parseChangeCheckpoint } from '../../src/changes/change-tokens.js';

const valid = {
  routes: 'v2',
  confirmed: { stamp: 1_700_000_000, at: 1_700_000_005_000 },
  tokens: {
    clip: { token: [1_700_000_000, 3, 4, 1], hash: 'sha-clip' },
    image_generation: { token: [1_699_999_000, 10, 2, 0], hash: 'delta:1,2,3,4' },
  },
};

describe('parseChangeCheckpoint (a leader change-token entry read from a fleet store)', () => {
  it('reads a checkpoint into null-prototype tokens', () => {
    const checkpoint = parseChangeCheckpoint(JSON.parse(JSON.stringify(valid)));
    expect(checkpoint).toEqual(valid);
    expect(Object.getPrototypeOf(checkpoint?.tokens)).toBeNull();
    expect(parseChangeCheckpoint({ routes: null, confirmed: null, tokens: {} })).toEqual({
      routes: null,
      confirmed: null,
      tokens: {},
    });
  });

  const tokens = valid.tokens;
  const cases: [string, unknown][] = [
    ['not an object', 'tokens'],
    ['an array', [valid]],
    ['routes that are not v1 or v2', { ...valid, routes: 'v3' }],
    ['no routes', { confirmed: valid.confirmed, tokens }],
    ['a confirmed stamp that is not a number', { ...valid, confirmed: { stamp: '1', at: 2 } }],
    ['a negative confirmed time', { ...valid, confirmed: { stamp: 1, at: -2 } }],
    ['tokens that are not an object', { ...valid, tokens: [] }],
    ['an unknown category', { ...valid, tokens: { ...tokens, not_a_category: tokens.clip } }],
    [
      'a __proto__ key',
      { ...valid, tokens: JSON.parse('{"__proto__": {"token": [1,1,1,1], "hash": "h"}}') },
    ],
    ['a token of three counters', { ...valid, tokens: { clip: { token: [1, 2, 3], hash: 'h' } } }],
    [
      'a counter that is not a number',
      { ...valid, tokens: { clip: { token: [1, 2, '3', 4], hash: 'h' } } },
    ],
    [
      'an infinite counter',
      { ...valid, tokens: { clip: { token: [1, 2, Infinity, 4], hash: 'h' } } },
    ],
    ['no hash', { ...valid, tokens: { clip: { token: [1, 2, 3, 4] } } }],
    ['an empty hash', { ...valid, tokens: { clip: { token: [1, 2, 3, 4], hash: '' } } }],
    ['a huge hash', { ...valid, tokens: { clip: { token: [1, 2, 3, 4], hash: 'h'.repeat(201) } } }],
  ];
  it.each(cases)('refuses %s', (_, value) => {
    expect(parseChangeCheckpoint(value)).toBeNull();
    expect(({} as Record<string, unknown>).token).toBeUndefined();
  });
});
