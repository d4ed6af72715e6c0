// Foundation-stage demo: validates the fixture dataset and converts its legacy forms to v2.
import {
  CATEGORIES,
  CATEGORY_DESCRIPTORS,
  convertLegacyFile,
  parseCategoryRecords,
} from '../src/index.js';
import { FIXTURE_LEGACY, FIXTURE_V2 } from '../src/testing.js';

console.log('category               v2 records  issues  legacy file → v2 (records, issues)');
for (const category of CATEGORIES) {
  const { records, issues } = parseCategoryRecords(category, FIXTURE_V2[category]);
  const legacy = CATEGORY_DESCRIPTORS[category].legacy;
  const text = legacy ? FIXTURE_LEGACY.files[legacy.file] : undefined;
  const converted = legacy && text ? convertLegacyFile(category, text) : undefined;
  const conversion = converted
    ? `${legacy?.file} → ${Object.keys(converted.records).length}, ${converted.issues.length}`
    : '(PRIMARY only)';
  console.log(
    `${category.padEnd(22)} ${String(Object.keys(records).length).padStart(10)}  ${String(issues.length).padStart(6)}  ${conversion}`,
  );
}
