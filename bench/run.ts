// `npm run bench`: runs every benchmark, prints a table and writes bench/results.json.
import { writeFileSync } from 'node:fs';
import { type Bench, type BenchResult, machine } from './harness.js';
import { parseBench } from './parse.js';

/** Every benchmark, in the order the table lists them. Add new ones here. */
const BENCHES: Record<string, Bench> = {
  parse: parseBench,
};

const rows: (BenchResult & { bench: string })[] = [];
for (const [bench, run] of Object.entries(BENCHES)) {
  for (const result of await run()) rows.push({ bench, ...result });
}

const format = (r: BenchResult) =>
  `${r.value < 10 ? r.value.toFixed(2) : r.value.toFixed(0)} ${r.unit}`;
console.log(`Machine: ${JSON.stringify(machine())}`);
console.log(
  ['| benchmark | result | target | met | detail |', '|---|---|---|---|---|']
    .concat(
      rows.map(
        (r) =>
          `| ${r.name} | ${format(r)} | ${r.target} | ${r.met ? 'yes' : 'NO'} | ${r.detail ?? ''} |`,
      ),
    )
    .join('\n'),
);
writeFileSync(
  new URL('./results.json', import.meta.url),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), machine: machine(), results: rows }, null, 2)}\n`,
);
