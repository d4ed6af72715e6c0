// readSearchQuery is the inverse of toSearchQuery, with the types read as the server reads them.
import { describe, expect, it } from 'vitest';
import { type SearchParams, toSearchQuery } from '../../src/query/search-params.js';
import { readSearchQuery } from '../../src/query/search-query.js';

describe('readSearchQuery', () => {
  it.each([
    [{}],
    [{ nsfw: false, baseline: 'stable_diffusion_xl', inpainting: true }],
    [{ tagsAny: ['anime', 'a,b'], tagsAll: [''], tagsNone: ['x'], nameContains: 'Flux' }],
    [{ sortBy: 'metadata__created_at', sortDesc: true, limit: 500, offset: 0, source: 'any' }],
    [{ licenseId: 'MIT', commercialUse: 'allowed', redistribution: 'unknown' }],
  ] as [SearchParams][])('gives back %j for a category', (params) => {
    expect(readSearchQuery('image_generation', toSearchQuery(params))).toEqual({
      params,
      unreadable: [],
    });
  });

  it('reads text parameters, and parameters_count back as parameters', () => {
    const params = {
      backend: 'koboldcpp',
      excludeBackendVariations: true,
      quantized: false,
      sortBy: 'parameters',
    } as const;
    expect(toSearchQuery(params).get('sort_by')).toBe('parameters_count');
    expect(readSearchQuery('text_generation', toSearchQuery(params)).params).toEqual(params);
  });

  it('reads booleans and integers as pydantic does, and reports what it cannot read', () => {
    const query = new URLSearchParams('nsfw=YES&sort_desc=0&limit= 7 &offset=1.5&inpainting=maybe');
    expect(readSearchQuery('image_generation', query)).toEqual({
      params: { nsfw: true, sortDesc: false, limit: 7 },
      unreadable: [
        { name: 'inpainting', expected: 'boolean', input: 'maybe' },
        { name: 'offset', expected: 'integer', input: '1.5' },
      ],
    });
  });

  it('takes the last value of a scalar sent twice, every value of a list, and ignores other names', () => {
    const query = new URLSearchParams(
      'limit=3&limit=4&tags_any=a&tags_any=b&colour=blue&tagsAny=c',
    );
    expect(readSearchQuery('image_generation', query).params).toEqual({
      limit: 4,
      tagsAny: ['a', 'b'],
    });
  });

  it('cross-category search reads only its own parameters', () => {
    const query = new URLSearchParams('baseline=flux_1&nsfw=false&quantized=true&sort_by=name');
    expect(readSearchQuery('all', query).params).toEqual({ nsfw: false, sortBy: 'name' });
  });
});
