// The real v2 catalogue from ../shared/reference-data, as a stand-in PRIMARY serves it.
import { existsSync } from 'node:fs';
import type { Category } from '../src/index.js';
import {
  REFERENCE_CATEGORIES,
  REFERENCE_DATA,
  readReference,
  v2FileOf,
} from '../test/helpers/reference-data.js';

/** Whether the real data is there; benchmarks that need it report nothing without it. */
export const HAS_REAL_DATA: boolean = existsSync(`${REFERENCE_DATA}/v2`);

/** Every category's raw JSON text and parsed value. */
export function realCatalogue(): {
  category: Category;
  text: string;
  data: Record<string, unknown>;
}[] {
  return REFERENCE_CATEGORIES.map((category) => {
    const text = readReference(`v2/${v2FileOf(category)}`);
    return { category, text, data: JSON.parse(text) as Record<string, unknown> };
  });
}

/** The stand-in's `data` option: the real catalogue. */
export function realStandInData(): Partial<Record<Category, Record<string, unknown>>> {
  return Object.fromEntries(realCatalogue().map(({ category, data }) => [category, data]));
}
