// A watched manager through a one-hour PRIMARY outage: every poll finds no metadata and reads
// each loaded category from raw GitHub again. With conditional requests GitHub answers 304s;
// without them (the validators stripped, as before this SDK sent them) it sends every file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { ModelReferenceManager } from '../src/index.js';
import { contentHash } from '../src/origins/content-hash.js';
import { FIXTURE_LEGACY } from '../src/testing.js';
import { REFERENCE_DATA } from '../test/helpers/reference-data.js';
import type { Bench } from './harness.js';
import { type Meter, meter, metered, since } from './meter.js';

const POLLS = 60;

/** The legacy files GitHub serves: the real ones when ../shared is there. */
function legacyFiles(): Readonly<Record<string, string>> {
  const dir = `${REFERENCE_DATA}/legacy`;
  if (!existsSync(dir)) return FIXTURE_LEGACY.files;
  return Object.fromEntries(
    readdirSync(dir).map((name) => [name, readFileSync(`${dir}/${name}`, 'utf8')]),
  );
}

/** Raw GitHub with ETags (as GitHub sends them) and a PRIMARY refusing connections. */
function outageFetch(files: Readonly<Record<string, string>>): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.host === 'primary.test')
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    const text = files[url.pathname.split('/').at(-1) ?? ''];
    if (text === undefined) return new Response('404: Not Found', { status: 404 });
    const etag = `"${contentHash(text)}"`;
    const headers = { etag, 'content-type': 'text/plain; charset=utf-8' };
    return request.headers.get('if-none-match') === etag
      ? new Response(null, { status: 304, headers })
      : new Response(text, { headers });
  };
}

/** Bytes of the hour after the first load, with or without conditional requests. */
async function outageHour(conditional: boolean): Promise<{ load: Meter; hour: Meter }> {
  const traffic = meter();
  const server = metered(outageFetch(legacyFiles()), traffic);
  const refs = new ModelReferenceManager({
    primaryUrl: 'http://primary.test/api',
    github: { rawBaseUrl: 'http://github.test' },
    retry: { limit: 0 },
    fetch: conditional
      ? server
      : async (input, init) => {
          const request = new Request(input, init);
          const headers = new Headers(request.headers);
          headers.delete('if-none-match');
          headers.delete('if-modified-since');
          return server(new Request(request, { headers }));
        },
  });
  await refs.getAll();
  const load = { ...traffic };
  for (let poll = 0; poll < POLLS; poll++) await refs.checkForUpdates();
  await refs.close();
  return { load, hour: since(traffic, load) };
}

export const outageBench: Bench = async () => {
  const before = await outageHour(false);
  const after = await outageHour(true);
  const kb = (bytes: number) => `${(bytes / 1e3).toFixed(1)} kB`;
  return [
    {
      name: 'watched manager, 1 h PRIMARY outage (60 polls from GitHub): bytes without / with conditional requests',
      value: before.hour.bytes / after.hour.bytes,
      unit: '×',
      target: 'reported',
      met: true,
      detail: `without: ${before.hour.requests} requests, ${kb(before.hour.bytes)}; with: ${after.hour.requests} requests (304s), ${kb(after.hour.bytes)}; first load ${kb(after.load.bytes)}`,
    },
  ];
};
