// Node-only: locates ../shared/reference-data (real catalogue data, never copied into the repo).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Category } from '../../src/index.js';

/** Absolute path of `../shared/reference-data` from the project root. */
export const REFERENCE_DATA: string = fileURLToPath(
  new URL('../../../shared/reference-data', import.meta.url),
);

/** Whether the reference data is present (it is beside the project on CI and dev machines). */
export const HAS_REFERENCE_DATA: boolean = existsSync(`${REFERENCE_DATA}/v2`);

if (!HAS_REFERENCE_DATA) {
  console.warn(
    `Conformance tests skipped: ${REFERENCE_DATA} is absent (clone ../shared beside the project).`,
  );
}

/** The v2 file name the reference library uses for a category. */
export function v2FileOf(category: Category): string {
  return category === 'image_generation' ? 'stable_diffusion.json' : `${category}.json`;
}

/** Reads a reference file as text. */
export function readReference(path: string): string {
  return readFileSync(`${REFERENCE_DATA}/${path}`, 'utf8');
}

/** The categories that have a v2 reference file. */
export const REFERENCE_CATEGORIES: readonly Category[] = [
  'blip',
  'clip',
  'codeformer',
  'controlnet',
  'esrgan',
  'gfpgan',
  'safety_checker',
  'image_generation',
  'text_generation',
  'miscellaneous',
];
