// Fleet load: 200 workers, each reading every category once a minute for an hour while the data
// changes twice, on a simulated clock. Requests and bytes (HTTP/1.1 header lines included) at the
// PRIMARY for this SDK (change detection) and for the reference library's behaviour (every
// category downloaded again each 60 s TTL), in the same run.
import { CATEGORIES, ModelReferenceManager } from '../src/index.js';
import { createStandInPrimary, FIXTURE_V2 } from '../src/testing.js';
import type { Bench } from './harness.js';
import { HAS_REAL_DATA, realStandInData } from './real-data.js';

const WORKERS = 200;
const MINUTES = 60;
const CHANGES_AT = new Set([20, 40]);

interface Meter {
  requests: number;
  bytes: number;
}

/** Wraps a fetch to count requests and the bytes both ways, header lines included. */
function metered(inner: typeof fetch, meter: Meter): typeof fetch {
  const headerBytes = (headers: Headers) =>
    [...headers].reduce((sum, [k, v]) => sum + k.length + v.length + 4, 0);
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const response = await inner(request);
    const body = await response.arrayBuffer();
    meter.requests++;
    // request line + Host + headers + blank line; status line + Date/Content-Length + headers + body
    meter.bytes +=
      `${request.method} ${url.pathname}${url.search} HTTP/1.1\r\nhost: ${url.host}\r\n`.length +
      headerBytes(request.headers) +
      2 +
      `HTTP/1.1 ${response.status} OK\r\ndate: Thu, 01 Jan 2026 00:00:00 GMT\r\ncontent-length: ${body.byteLength}\r\n`
        .length +
      headerBytes(response.headers) +
      2 +
      body.byteLength;
    return new Response(body, { status: response.status, headers: response.headers });
  };
}

export const fleetBench: Bench = async () => {
  let serverNow = Date.now() - 2 * 3600_000;
  const standIn = createStandInPrimary({
    ...(HAS_REAL_DATA ? { data: realStandInData() } : {}),
    now: () => serverNow,
  });
  const sdk: Meter = { requests: 0, bytes: 0 };
  const steady: Meter = { requests: 0, bytes: 0 };
  const fetchSdk = metered(standIn.fetch, sdk);
  const workers = Array.from(
    { length: WORKERS },
    () =>
      new ModelReferenceManager({ primaryUrl: standIn.primaryUrl, github: false, fetch: fetchSdk }),
  );
  for (const refs of workers) await refs.getAll();
  await Promise.all(workers.map((refs) => refs.checkForUpdates())); // learns the change tokens
  const initial = { ...sdk };

  const reference: Meter = { requests: 0, bytes: 0 };
  const fetchReference = metered(standIn.fetch, reference);
  const albedo = FIXTURE_V2.image_generation['AlbedoBase XL (SDXL)'] as { name: string };
  const firstImage = () =>
    Object.values(standIn.data.category('image_generation'))[0] as { name: string };
  for (let minute = 1; minute <= MINUTES; minute++) {
    serverNow += 60_000;
    if (CHANGES_AT.has(minute)) {
      const model = HAS_REAL_DATA ? firstImage() : albedo;
      standIn.data.update('image_generation', {
        ...model,
        description: `changed at minute ${minute}`,
      });
    }
    const before = { ...sdk };
    for (const refs of workers) {
      await refs.checkForUpdates();
      for (const category of CATEGORIES) await refs.getCategory(category);
    }
    if (!CHANGES_AT.has(minute)) {
      steady.requests += sdk.requests - before.requests;
      steady.bytes += sdk.bytes - before.bytes;
    }
    // The reference library: every worker downloads every category once per 60 s TTL. One real
    // round per minute is measured; the other workers' rounds are the same bytes.
    const round = { ...reference };
    for (const category of CATEGORIES)
      await fetchReference(`${standIn.primaryUrl}/model_references/v2/${category}`);
    const roundBytes = reference.bytes - round.bytes;
    reference.bytes += roundBytes * (WORKERS - 1);
    reference.requests += CATEGORIES.length * (WORKERS - 1);
  }
  await Promise.all(workers.map((refs) => refs.close()));

  const steadyMinutes = MINUTES - CHANGES_AT.size;
  const referencePerMinute = reference.bytes / MINUTES;
  const sdkPerMinute = steady.bytes / steadyMinutes;
  const ratio = referencePerMinute / sdkPerMinute;
  const hour = { requests: sdk.requests - initial.requests, bytes: sdk.bytes - initial.bytes };
  const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
  return [
    {
      name: 'fleet (200 workers, 1 h, 2 changes): steady-state bytes, reference / SDK',
      value: ratio,
      unit: '×',
      target: '>= 1000×',
      met: ratio >= 1000,
      detail: `per minute: SDK ${(sdkPerMinute / 1e3).toFixed(1)} kB (${(steady.requests / steadyMinutes).toFixed(0)} requests), reference ${mb(referencePerMinute)} (${(reference.requests / MINUTES).toFixed(0)} requests)`,
    },
    {
      name: 'fleet: whole hour after the first load, SDK / reference bytes',
      value: reference.bytes / hour.bytes,
      unit: '×',
      target: 'reported',
      met: true,
      detail: `SDK ${hour.requests} requests, ${mb(hour.bytes)}; reference ${reference.requests} requests, ${mb(reference.bytes)}; first load ${mb(initial.bytes)}`,
    },
  ];
};
