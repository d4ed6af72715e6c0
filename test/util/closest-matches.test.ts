import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/categories.js';
import { didYouMean } from '../../src/errors/did-you-mean.js';
import { ModelNotFoundError } from '../../src/errors/model-not-found-error.js';
import { closestMatches } from '../../src/util/closest-matches.js';

describe('closestMatches', () => {
  it('finds typing mistakes: a wrong, missing, extra or swapped letter', () => {
    const commands = ['categories', 'get', 'search', 'stats', 'status', 'watch', 'snapshot'];
    expect(closestMatches('serch', commands)).toEqual(['search']);
    expect(closestMatches('searchh', commands)).toEqual(['search']);
    expect(closestMatches('saerch', commands)).toEqual(['search']);
    // As far from both: the candidates' order decides.
    expect(closestMatches('stauts', commands)).toEqual(['stats', 'status']);
    expect(closestMatches('frobnicate', commands)).toEqual([]);
  });

  it('the same name but for case and separators wins alone', () => {
    const baselines = ['stable_diffusion_1', 'stable_diffusion_xl', 'stable_diffusion_2_768'];
    expect(closestMatches('Stable_Diffusion_XL', baselines)).toEqual(['stable_diffusion_xl']);
    expect(closestMatches('stable-diffusion xl', baselines)).toEqual(['stable_diffusion_xl']);
    // Without such a twin, every close one, closest first; of two as close, the one that goes
    // on from what was typed.
    expect(closestMatches('stable_diffusion_x', baselines)).toEqual([
      'stable_diffusion_xl',
      'stable_diffusion_1',
      'stable_diffusion_2_768',
    ]);
  });

  it('a part of a long name finds it: model names and categories', () => {
    const names = ['AlbedoBase XL (SDXL)', 'Ghibli Style', "Anya's Dream", 'Stable Cascade Mini'];
    expect(closestMatches('albedo', names)).toEqual(['AlbedoBase XL (SDXL)']);
    expect(closestMatches('imagegen', CATEGORIES)).toEqual(['image_generation']);
    expect(closestMatches('text', CATEGORIES)).toEqual(['text_generation']);
    // Too short to mean anything by containment.
    expect(closestMatches('al', names)).toEqual([]);
  });

  it('at most `limit`, never the input itself, each candidate once', () => {
    const many = ['aa1', 'aa2', 'aa3', 'aa4', 'aa1'];
    expect(closestMatches('aa0', many)).toEqual(['aa1', 'aa2', 'aa3']);
    expect(closestMatches('aa0', many, 1)).toEqual(['aa1']);
    expect(closestMatches('aa1', many)).toEqual(['aa2', 'aa3', 'aa4']);
    expect(closestMatches('', many)).toEqual([]);
  });

  it('stays fast on hostile lengths: long names are compared by containment only', () => {
    // 1000 candidates of 5000 characters: an edit distance over each would be 25 million steps.
    const candidates = Array.from({ length: 1000 }, (_, i) => `${'x'.repeat(5000)}${i}`);
    expect(closestMatches('x'.repeat(4000), candidates)).toEqual(candidates.slice(0, 3));
    expect(closestMatches(`${'x'.repeat(4999)}y0`, candidates)).toEqual([]);
    expect(closestMatches('x'.repeat(100_000), candidates)).toEqual([]);
  });
});

describe('did you mean, in errors', () => {
  it('didYouMean quotes each name and escapes control characters', () => {
    expect(didYouMean([])).toBe('');
    expect(didYouMean(['search'])).toBe(' Did you mean "search"?');
    expect(didYouMean(['a', 'b\u001b[2J'])).toBe(' Did you mean "a", "b\\u001b[2J"?');
  });

  it('ModelNotFoundError says the closest names and keeps them', () => {
    const error = new ModelNotFoundError('image_generation', 'albedo', ['AlbedoBase XL (SDXL)']);
    expect(error.message).toBe(
      'Model "albedo" not found in category image_generation. Did you mean "AlbedoBase XL (SDXL)"?',
    );
    expect(error.closest).toEqual(['AlbedoBase XL (SDXL)']);
    const bare = new ModelNotFoundError('clip', 'nope');
    expect(bare.message).toBe('Model "nope" not found in category clip.');
    expect(bare.closest).toEqual([]);
  });
});
