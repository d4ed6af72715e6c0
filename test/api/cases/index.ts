import type { Case } from './case.js';
import { CORE_CASES } from './core-cases.js';
import { QUEUE_METADATA_CASES } from './queue-metadata-cases.js';
import { TEXT_UTILS_CASES } from './text-utils-cases.js';
import { UPSTREAM8_CASES } from './upstream8-cases.js';

export { BASE, type Case, clientAnswering } from './case.js';

/** One row per client method. */
export const CASES: readonly Case[] = [
  ...CORE_CASES,
  ...QUEUE_METADATA_CASES,
  ...TEXT_UTILS_CASES,
  ...UPSTREAM8_CASES,
];
