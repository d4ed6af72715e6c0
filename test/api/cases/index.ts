import type { Case } from './case.js';
import { CATALOG_CASES } from './catalog-cases.js';
import { CORE_CASES } from './core-cases.js';
import { LICENSING_CASES } from './licensing-cases.js';
import { QUEUE_METADATA_CASES } from './queue-metadata-cases.js';
import { TEXT_UTILS_CASES } from './text-utils-cases.js';

export { BASE, type Case, clientAnswering } from './case.js';

/** One row per client method. */
export const CASES: readonly Case[] = [
  ...CORE_CASES,
  ...QUEUE_METADATA_CASES,
  ...TEXT_UTILS_CASES,
  ...LICENSING_CASES,
  ...CATALOG_CASES,
];
