// Warm reads, search scale and single-flight, on the real catalogue served by an in-process
// stand-in PRIMARY (no sockets: the figures are the SDK's, not the network's).
import { ModelReferenceManager, type SearchParams, searchRecords } from '../src/index.js';
import { parseCategoryRecords } from '../src/schemas.js';
import { createStandInPrimary } from '../src/testing.js';
import { type Bench, type BenchResult, medianAsyncMs, medianMs } from './harness.js';
import { HAS_REAL_DATA, realCatalogue, realStandInData } from './real-data.js';

const SEARCH: SearchParams = {
  nsfw: false,
  quantized: false,
  sortBy: 'name',
  limit: 20,
  offset: 20,
};

export const readsBench: Bench = async () => {
  if (!HAS_REAL_DATA) return [];
  const standIn = createStandInPrimary({ data: realStandInData() });
  const refs = new ModelReferenceManager({
    primaryUrl: standIn.primaryUrl,
    github: false,
    fetch: standIn.fetch,
  });
  const text = await refs.getCategory('text_generation');
  const names = Object.keys(text);
  let i = 0;
  const getModelMs = await medianAsyncMs(() =>
    refs.getModel('text_generation', names[i++ % names.length] as string),
  );
  const searchMs = await medianAsyncMs(() => refs.search('text_generation', SEARCH), 50, 30);
  await refs.close();
  return [
    {
      name: 'warm getModel (text_generation)',
      value: getModelMs * 1000,
      unit: 'µs',
      target: '<= 5 µs',
      met: getModelMs * 1000 <= 5,
    },
    {
      name: 'warm search: 2 filters + sort + page (text_generation)',
      value: searchMs,
      unit: 'ms',
      target: '<= 1 ms',
      met: searchMs <= 1,
      detail: `${names.length} records`,
    },
  ];
};

export const scaleBench: Bench = () => {
  if (!HAS_REAL_DATA) return [];
  const raw = realCatalogue().find((c) => c.category === 'text_generation')?.data ?? {};
  const base = Object.values(parseCategoryRecords('text_generation', raw).records);
  const catalogue = (times: number) => {
    const records: Record<string, (typeof base)[number]> = Object.create(null);
    for (let copy = 0; copy < times; copy++)
      for (const record of base) {
        const name = copy === 0 ? record.name : `${record.name}-copy${copy}`;
        records[name] = { ...record, name };
      }
    // Frozen, as the manager serves every category: `refs.search` runs this same searchRecords
    // pipeline on it, with the record list kept beside the frozen object.
    return Object.freeze(records);
  };
  const sizes = [1, 10, 100].map((times) => catalogue(times));
  const search = (records: (typeof sizes)[number]) => () =>
    searchRecords('text_generation', records, SEARCH);
  // Every size is warmed before any is timed, so none is measured while the JIT still learns.
  for (const records of sizes) medianMs(search(records), 5, 0);
  const [one, ten, hundred] = sizes.map((records, i) =>
    medianMs(search(records), i === 2 ? 15 : 60, 5),
  ) as [number, number, number];
  const growth = hundred / one;
  return [
    {
      name: 'search scale: 100× data / 1× data, time',
      value: growth,
      unit: '×',
      target: '<= 120×',
      met: growth <= 120,
      detail: `1×: ${one.toFixed(2)} ms, 10×: ${ten.toFixed(2)} ms (${(ten / one).toFixed(1)}×)`,
    },
    {
      name: 'search over 100× the text category',
      value: hundred,
      unit: 'ms',
      target: '< 60 ms',
      met: hundred < 60,
      detail: `${base.length * 100} records`,
    },
  ] satisfies BenchResult[];
};

export const singleFlightBench: Bench = async () => {
  const standIn = createStandInPrimary(HAS_REAL_DATA ? { data: realStandInData() } : {});
  const refs = new ModelReferenceManager({
    primaryUrl: standIn.primaryUrl,
    github: false,
    fetch: standIn.fetch,
  });
  await Promise.all(Array.from({ length: 1_000 }, () => refs.getCategory('image_generation')));
  await refs.close();
  const requests = standIn.count('v2');
  return [
    {
      name: '1,000 concurrent cold getCategory → requests',
      value: requests,
      unit: 'requests',
      target: 'exactly 1',
      met: requests === 1,
    },
  ];
};

export const memoryBench: Bench = async () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!HAS_REAL_DATA || !gc) return [];
  const standIn = createStandInPrimary({ data: realStandInData() });
  const bytes = realCatalogue().reduce((sum, c) => sum + c.text.length, 0);
  gc();
  const before = process.memoryUsage().heapUsed;
  const refs = new ModelReferenceManager({
    primaryUrl: standIn.primaryUrl,
    github: false,
    fetch: standIn.fetch,
  });
  const { categories } = await refs.getAll();
  gc();
  const growth = process.memoryUsage().heapUsed - before;
  const ratio = growth / bytes;
  void categories;
  await refs.close();
  return [
    {
      name: 'heap growth after loading every category / raw JSON bytes',
      value: ratio,
      unit: '×',
      target: '<= 4×',
      met: ratio <= 4,
      detail: `${(growth / 1e6).toFixed(1)} MB for ${(bytes / 1e6).toFixed(2)} MB of JSON`,
    },
  ];
};
