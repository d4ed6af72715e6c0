import { CATEGORIES, CATEGORY_DESCRIPTORS } from '../src/index.js';

for (const category of CATEGORIES) {
  const legacy = CATEGORY_DESCRIPTORS[category].legacy;
  console.log(
    `${category.padEnd(22)} ${legacy ? `${legacy.repository}/${legacy.file}` : '(PRIMARY only)'}`,
  );
}
