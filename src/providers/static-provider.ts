import { type Category, isCategory } from '../categories.js';
import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import type { ModelProvider } from './model-provider.js';

/**
 * A provider over records held in memory: a private catalogue shipped with an app, or records a
 * test injects. Records are validated like any provider's; invalid ones are reported and skipped.
 *
 * @example
 * ```ts
 * refs.registerProvider(staticProvider('in-house', { image_generation: { 'My Model': myRecord } }));
 * await refs.search('image_generation', { source: 'any', nameContains: 'my' });
 * ```
 * @throws {InvalidOptionsError} when a key of `recordsByCategory` is not a category.
 */
export function staticProvider(
  id: string,
  recordsByCategory: Partial<Record<Category, Readonly<Record<string, unknown>>>>,
): ModelProvider {
  const categories = Object.keys(recordsByCategory);
  const unknown = categories.filter((category) => !isCategory(category));
  if (unknown.length > 0)
    throw new InvalidOptionsError('recordsByCategory', `unknown categories: ${unknown.join(', ')}`);
  return {
    id,
    categories: categories as Category[],
    fetchCategory: async (category) => structuredClone(recordsByCategory[category] ?? {}),
  };
}
