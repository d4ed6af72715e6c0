import { describe, expect, it } from 'vitest';
import { assertCategory } from '../src/categories.js';
import {
  CATEGORIES,
  isModelReferenceError,
  isUnknownCategoryError,
  UnknownCategoryError,
} from '../src/index.js';
import { CATEGORY_DESCRIPTORS } from '../src/schemas.js';

describe('categories', () => {
  it('lists the 15 categories in the server enum order', () => {
    expect(CATEGORIES).toHaveLength(15);
    expect(CATEGORIES[0]).toBe('blip');
    expect(CATEGORIES.indexOf('image_generation')).toBeLessThan(
      CATEGORIES.indexOf('text_generation'),
    );
  });

  it('maps legacy files and repositories', () => {
    expect(CATEGORY_DESCRIPTORS.image_generation.legacy?.file).toBe('stable_diffusion.json');
    expect(CATEGORY_DESCRIPTORS.text_generation.legacy).toEqual({
      repository: 'AI-Horde-text-model-reference',
      file: 'models.csv',
    });
    const withoutLegacy = CATEGORIES.filter((c) => CATEGORY_DESCRIPTORS[c].legacy === null);
    expect(withoutLegacy).toEqual([
      'controlnet_annotator',
      'video_generation',
      'audio_generation',
      'lora',
      'ti',
    ]);
  });

  it('rejects unknown names with a typed error listing the valid ones', () => {
    expect(assertCategory('clip')).toBe('clip');
    let caught: unknown;
    try {
      assertCategory('stable_diffusion');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnknownCategoryError);
    expect(isUnknownCategoryError(caught)).toBe(true);
    expect(isModelReferenceError(caught)).toBe(true);
    expect((caught as UnknownCategoryError).code).toBe('UNKNOWN_CATEGORY');
    expect((caught as Error).message).toContain('"stable_diffusion"');
    expect((caught as Error).message).toContain('image_generation');
  });

  it('recognises errors from another realm by name and brand', () => {
    const foreign = Object.assign(new Error('x'), { name: 'UnknownCategoryError' });
    expect(isUnknownCategoryError(foreign)).toBe(false);
    const branded = new UnknownCategoryError('x');
    const clone = Object.create(Object.getPrototypeOf(new Error('x')));
    Object.defineProperty(clone, Symbol.for('horde-model-reference.error'), { value: true });
    clone.name = 'UnknownCategoryError';
    expect(isUnknownCategoryError(clone)).toBe(true);
    expect(isUnknownCategoryError(branded)).toBe(true);
  });
});
