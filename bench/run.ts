// `npm run bench`: runs every benchmark, prints a table and writes bench/results.json.
import { writeFileSync } from 'node:fs';
import { bundleBench } from './bundle.js';
import { downloadsBench } from './downloads.js';
import { fleetBench } from './fleet.js';
import { type Bench, type BenchResult, machine } from './harness.js';
import { latencyBench } from './latency.js';
import { outageBench } from './outage.js';
import { parseBench } from './parse.js';
import { memoryBench, readsBench, scaleBench, singleFlightBench } from './reads.js';
import { soakBench } from './soak.js';

/** Every benchmark, in the order the table lists them. Add new ones here. */
const BENCHES: Record<string, Bench> = {
  parse: parseBench,
  reads: readsBench,
  scale: scaleBench,
  memory: memoryBench,
  singleFlight: singleFlightBench,
  fleet: fleetBench,
  latency: latencyBench,
  outage: outageBench,
  bundle: bundleBench,
  downloads: downloadsBench,
  soak: soakBench,
};
const only = process.argv.slice(2);

const rows: (BenchResult & { bench: string })[] = [];
for (const [bench, run] of Object.entries(BENCHES)) {
  if (only.length > 0 && !only.includes(bench)) continue;
  for (const result of await run()) rows.push({ bench, ...result });
}

const format = (r: BenchResult) =>
  `${r.value < 10 || r.unit === 'kB' ? r.value.toFixed(r.unit === 'kB' ? 1 : 2) : r.value.toFixed(0)} ${r.unit}`;
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
// A partial run (`npm run bench -- fleet`) prints its rows but keeps the last full table.
if (only.length === 0)
  writeFileSync(
    new URL('./results.json', import.meta.url),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), machine: machine(), results: rows }, null, 2)}\n`,
  );
