// Parse benchmark: validating the real v2 catalogue, and converting every legacy file, each as a
// ratio to JSON.parse of the same bytes measured in the same run.
import { existsSync } from 'node:fs';
import { loadFastParse, MAX_RECORD_DEPTH, parseWith } from '../src/schemas/parse-records.js';
import { RECORD_SCHEMAS } from '../src/schemas/record-schemas.js';
import type { Schema } from '../src/schemas/shared.js';
import { CATEGORY_DESCRIPTORS, convertLegacyFile, parseCategoryRecords } from '../src/schemas.js';
import { freezeDeep } from '../src/util/freeze-deep.js';
import {
  REFERENCE_CATEGORIES,
  REFERENCE_DATA,
  readReference,
  v2FileOf,
} from '../test/helpers/reference-data.js';
import { type Bench, type BenchResult, median, medianMs } from './harness.js';

/**
 * JSON.parse of the v2 files, then validation of what it returned, timed in the same runs: each
 * validation gets freshly parsed data, as a read from the network does (validation deep-freezes
 * what it keeps and skips what is already frozen, so re-validating one parsed copy would flatter
 * it), and both medians come from the same moments of a shared machine.
 */
function parseThenValidateMs(
  files: readonly { category: (typeof REFERENCE_CATEGORIES)[number]; text: string }[],
  validateCategory: (category: (typeof REFERENCE_CATEGORIES)[number], raw: unknown) => unknown,
  runs = 200,
  warmup = 40,
): { jsonMs: number; validateMs: number } {
  const json: number[] = [];
  const validate: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const start = performance.now();
    const parsed = files.map(({ text }) => JSON.parse(text) as unknown);
    const middle = performance.now();
    for (const [index, { category }] of files.entries()) validateCategory(category, parsed[index]);
    const end = performance.now();
    if (i < warmup) continue;
    json.push(middle - start);
    validate.push(end - middle);
  }
  return { jsonMs: median(json), validateMs: median(validate) };
}

/**
 * What parseCategoryRecords does before its fast path has loaded (the first payload a process
 * validates): zod's safeParse and the depth-checked freeze, record by record.
 */
function validateWithZodAlone(category: (typeof REFERENCE_CATEGORIES)[number], raw: unknown): void {
  const records = raw as Record<string, unknown>;
  for (const key of Object.keys(records)) {
    const parsed = parseWith(RECORD_SCHEMAS[category] as Schema<unknown>, records[key]);
    if (parsed.ok) freezeDeep(parsed.record as object, MAX_RECORD_DEPTH);
  }
}

export const parseBench: Bench = async () => {
  if (!existsSync(`${REFERENCE_DATA}/v2`)) return [];
  const v2 = REFERENCE_CATEGORIES.map((category) => ({
    category,
    text: readReference(`v2/${v2FileOf(category)}`),
  }));
  // The fast path loads on a process's first parse and answers from the next payload on: the
  // target is measured with it, the first payload (zod alone) is reported beside it.
  await loadFastParse();
  const { jsonMs, validateMs } = parseThenValidateMs(v2, parseCategoryRecords);
  const zodAlone = parseThenValidateMs(v2, validateWithZodAlone, 100, 20);

  const legacy = REFERENCE_CATEGORIES.map((category) => ({
    category,
    text: readReference(`legacy/${CATEGORY_DESCRIPTORS[category].legacy?.file}`),
  }));
  const jsonLegacy = legacy.filter(({ category }) => category !== 'text_generation');
  const legacyJsonMs = medianMs(() => {
    for (const { text } of jsonLegacy) JSON.parse(text);
  });
  const convertJsonMs = medianMs(() => {
    for (const { category, text } of jsonLegacy) convertLegacyFile(category, text);
  });
  // The CSV has no JSON twin of the same bytes; the v2 text JSON of the same 719 models is the
  // closest yardstick.
  const csv = readReference('legacy/models.csv');
  const textJson = readReference('v2/text_generation.json');
  const textJsonMs = medianMs(() => JSON.parse(textJson), 100, 20);
  const convertCsvMs = medianMs(() => convertLegacyFile('text_generation', csv), 100, 20);
  const bytes = v2.reduce((sum, { text }) => sum + text.length, 0);
  const ratio = validateMs / jsonMs;
  const results: BenchResult[] = [
    {
      name: 'validate real v2 catalogue / JSON.parse',
      value: ratio,
      unit: '×',
      target: '<= 2.0× (peer pydantic ≈ 3×)',
      met: ratio <= 2,
      detail: `${validateMs.toFixed(2)} ms vs ${jsonMs.toFixed(2)} ms for ${(bytes / 1024).toFixed(0)} KiB`,
    },
    {
      name: 'validate real v2 catalogue / JSON.parse, first payload (zod alone)',
      value: zodAlone.validateMs / zodAlone.jsonMs,
      unit: '×',
      target: 'reported',
      met: true,
      detail: `${zodAlone.validateMs.toFixed(2)} ms vs ${zodAlone.jsonMs.toFixed(2)} ms`,
    },
    {
      name: 'convert legacy image JSON files / JSON.parse of them',
      value: convertJsonMs / legacyJsonMs,
      unit: '×',
      target: 'reported',
      met: true,
      detail: `${convertJsonMs.toFixed(2)} ms vs ${legacyJsonMs.toFixed(2)} ms`,
    },
    {
      name: 'convert models.csv / JSON.parse of the same models as v2 JSON',
      value: convertCsvMs / textJsonMs,
      unit: '×',
      target: 'reported',
      met: true,
      detail: `${convertCsvMs.toFixed(2)} ms vs ${textJsonMs.toFixed(2)} ms`,
    },
  ];
  return results;
};
