import { describe, expect, it } from 'vitest';
import { isModelNotFoundError, type ModelNotFoundError } from '../../src/index.js';
import { setup } from '../helpers/manager.js';

async function notFound(promise: Promise<unknown>): Promise<ModelNotFoundError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isModelNotFoundError(error)) throw new Error(`expected ModelNotFoundError, got ${error}`);
  return error;
}

describe('getModel of a name that is not there', () => {
  it('names the closest names of the category, in the message and in `closest`', async () => {
    const { refs } = setup();
    const typo = await notFound(refs.getModel('image_generation', 'Albedobase XL (SDXL'));
    expect(typo.closest).toEqual(['AlbedoBase XL (SDXL)']);
    expect(typo.message).toBe(
      'Model "Albedobase XL (SDXL" not found in category image_generation. Did you mean "AlbedoBase XL (SDXL)"?',
    );
    const part = await notFound(refs.getModel('image_generation', 'ghibli'));
    expect(part.closest).toEqual(['Ghibli Style']);
    // Nothing close: no guess, and the message says only what was wrong.
    const far = await notFound(refs.getModel('image_generation', 'zzzzzzzz'));
    expect(far.closest).toEqual([]);
    expect(far.message).toBe('Model "zzzzzzzz" not found in category image_generation.');
    await refs.close();
  });

  it('looks among the names of the sources read (a provider), and never throws on a non-string name', async () => {
    const { refs } = setup();
    refs.registerProvider({
      id: 'beta',
      categories: ['clip'],
      fetchCategory: async () => ({ 'Beta Clip Large': { name: 'Beta Clip Large' } }),
    });
    const beta = await notFound(refs.getModel('clip', 'beta clip larg', { source: 'beta' }));
    expect(beta.closest).toEqual(['Beta Clip Large']);
    const number = await notFound(refs.getModel('clip', 42 as unknown as string));
    expect(number.closest).toEqual([]);
    await refs.close();
  });
});
