// `npx tsx scripts/check-baselines.ts <primary-url | catalog.json>`: compares the baseline facts
// bundled with this SDK (src/records/bundled-baselines.ts) with a served catalog, so a maintainer
// sees when the table needs updating. Exit 0: identical facts; 1: drift (listed); 2: bad usage.
import { readFile } from 'node:fs/promises';
import { createApiClient } from '../src/api/client.js';
import { baselineCatalogDrift } from '../src/records/baselines.js';
import { imageBaselineCatalogSchema } from '../src/schemas/baseline-catalog.js';

const [source] = process.argv.slice(2);
if (!source) {
  console.error(
    'usage: check-baselines.ts <PRIMARY url with /api | path to a catalog.json export>',
  );
  process.exit(2);
}
const catalog = /^https?:\/\//.test(source)
  ? await createApiClient({ baseUrl: source }).baselines.catalog()
  : imageBaselineCatalogSchema.parse(JSON.parse(await readFile(source, 'utf8')));
const drift = baselineCatalogDrift(catalog);
console.log(JSON.stringify(drift, null, 2));
process.exit(drift.added.length + drift.removed.length + drift.changed.length === 0 ? 0 : 1);
