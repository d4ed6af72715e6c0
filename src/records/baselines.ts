// Questions about image baselines answered from a catalog (the served one, or the bundled copy):
// is a baseline known, what is its canonical name, what are its facts.
import type { ImageBaselineCatalog, ImageBaselineRecord } from '../schemas/baseline-catalog.js';
import { findBaseline } from './baseline-index.js';
import { BUNDLED_BASELINE_CATALOG } from './bundled-baselines.js';

/**
 * The catalog record `baseline` names, by its name or one of its alternative names (exact,
 * case-sensitive, as upstream compares them).
 *
 * @default catalog the bundled catalog
 * @example
 * ```ts
 * baselineFacts('SDXL')?.native_resolution; // 1024
 * baselineFacts('krea2')?.name; // 'krea2_turbo'
 * ```
 */
export function baselineFacts(
  baseline: string,
  catalog: ImageBaselineCatalog = BUNDLED_BASELINE_CATALOG,
): ImageBaselineRecord | undefined {
  return findBaseline(catalog, baseline);
}

/**
 * Whether the catalog names `baseline`, directly or as an alternative name: what makes an image
 * baseline "known" without a new SDK release once the service publishes it.
 *
 * @default catalog the bundled catalog
 * @example
 * ```ts
 * isCataloguedBaseline('anima'); // true
 * isCataloguedBaseline('next_big_thing', await api.baselines.catalog()); // per the served catalog
 * ```
 */
export function isCataloguedBaseline(
  baseline: string,
  catalog: ImageBaselineCatalog = BUNDLED_BASELINE_CATALOG,
): boolean {
  return findBaseline(catalog, baseline) !== undefined;
}

/**
 * The catalog name of `baseline` (`'SDXL'` → `'stable_diffusion_xl'`), or `undefined` when the
 * catalog does not know it.
 *
 * @default catalog the bundled catalog
 */
export function canonicalBaselineName(
  baseline: string,
  catalog: ImageBaselineCatalog = BUNDLED_BASELINE_CATALOG,
): string | undefined {
  return findBaseline(catalog, baseline)?.name;
}

/** How two catalogs differ in the facts this SDK bundles (names, resolutions, capabilities). */
export interface BaselineCatalogDrift {
  /** Baselines `served` has and `reference` lacks. */
  readonly added: readonly string[];
  /** Baselines `reference` has and `served` lacks. */
  readonly removed: readonly string[];
  /** Baselines in both whose facts differ, with the fields that do. */
  readonly changed: readonly { readonly name: string; readonly fields: readonly string[] }[];
}

const FACT_FIELDS = ['display_name', 'native_resolution', 'alternative_names'] as const;
const CAPABILITY_FIELDS = [
  'controlnet',
  'controlnet_types_unavailable',
  'transparent',
  'qr_code',
  'remix',
  'flow_matching',
] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Compares a served catalog with the bundled one (or any other), fact by fact; pricing policy and
 * edit metadata are ignored. Empty lists everywhere mean the bundled table is current.
 *
 * @example
 * ```ts
 * const catalog = await api.baselines.catalog();
 * baselineCatalogDrift(catalog).added; // baselines published after this SDK was released
 * ```
 */
export function baselineCatalogDrift(
  served: ImageBaselineCatalog,
  reference: ImageBaselineCatalog = BUNDLED_BASELINE_CATALOG,
): BaselineCatalogDrift {
  const has = (catalog: ImageBaselineCatalog, name: string) =>
    Object.hasOwn(catalog.baselines, name);
  const names = (catalog: ImageBaselineCatalog) => Object.keys(catalog.baselines).sort();
  const changed: { name: string; fields: string[] }[] = [];
  for (const name of names(served)) {
    const a = served.baselines[name];
    const b = reference.baselines[name];
    if (!a || !b || !has(reference, name)) continue;
    const fields = [
      ...FACT_FIELDS.filter((field) => !same(a[field], b[field])),
      ...CAPABILITY_FIELDS.filter(
        (field) => !same(a.capabilities[field], b.capabilities[field]),
      ).map((field) => `capabilities.${field}`),
    ];
    if (fields.length > 0) changed.push({ name, fields });
  }
  return {
    added: names(served).filter((name) => !has(reference, name)),
    removed: names(reference).filter((name) => !has(served, name)),
    changed,
  };
}
