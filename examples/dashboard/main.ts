// A dashboard page on the SDK, no framework: search and filter the image models in the browser.
// `?primary=<url with /api>&github=<raw url>` point it at another PRIMARY (a local stand-in).
import {
  downloadManifest,
  indexedDbStorage,
  ModelReferenceManager,
  type RecordOf,
} from 'horde-model-reference';

/** A record as the manager hands it out: deeply read-only. */
type ImageModel = RecordOf<'image_generation'>;

const params = new URLSearchParams(location.search);
const primary = params.get('primary');
const github = params.get('github');
const refs = new ModelReferenceManager({
  storage: indexedDbStorage(), // a reload starts from the last data seen, even offline
  ...(primary ? { primaryUrl: primary } : {}),
  ...(github ? { github: { rawBaseUrl: github } } : {}),
});

const $ = <E extends HTMLElement>(id: string) => document.getElementById(id) as E;
const search = $<HTMLInputElement>('search');
const baseline = $<HTMLSelectElement>('baseline');
const sfw = $<HTMLInputElement>('sfw');
const results = $<HTMLTableSectionElement>('results');
const status = $<HTMLParagraphElement>('status');

const size = (model: ImageModel) => {
  const bytes = downloadManifest(model).totalBytes;
  return bytes === null ? '?' : `${(bytes / 1e9).toFixed(1)} GB`;
};

function row(model: ImageModel): HTMLTableRowElement {
  const tr = document.createElement('tr');
  for (const [text, className] of [
    [model.name, 'name'],
    [model.baseline, 'baseline'],
    [size(model), 'size'],
  ]) {
    const td = document.createElement('td');
    td.textContent = text ?? ''; // textContent: model names are data, never markup
    td.className = className ?? '';
    tr.append(td);
  }
  return tr;
}

async function render(): Promise<void> {
  const page = await refs.search('image_generation', {
    nameContains: search.value,
    ...(baseline.value ? { baseline: baseline.value } : {}),
    ...(sfw.checked ? { nsfw: false } : {}),
    sortBy: 'name',
    limit: 100,
  });
  results.replaceChildren(...page.results.map(row));
  const origin = refs.status().categories.image_generation?.origin;
  status.textContent = `${page.total} models · from ${origin}`;
  document.body.dataset.ready = 'true';
}

const q = await refs.query('image_generation');
for (const name of q.distinct('baseline').sort())
  baseline.add(new Option(String(name), String(name)));
for (const control of [search, baseline, sfw])
  control.addEventListener('input', () => void render());
await render();
