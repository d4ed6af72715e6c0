// Looking a baseline up in a catalog by name or alternative name, with no default catalog, so that
// code which only looks up a catalog it was given does not carry the bundled table.
import type { ImageBaselineCatalog, ImageBaselineRecord } from '../schemas/baseline-catalog.js';

// Name and alternative name -> record, built once per catalog object.
const indexes = new WeakMap<ImageBaselineCatalog, ReadonlyMap<string, ImageBaselineRecord>>();

function indexOf(catalog: ImageBaselineCatalog): ReadonlyMap<string, ImageBaselineRecord> {
  let index = indexes.get(catalog);
  if (!index) {
    const map = new Map<string, ImageBaselineRecord>();
    const records = Object.values(catalog.baselines);
    // Canonical names first, so an alternative name can never shadow a baseline's own name.
    for (const record of records) map.set(record.name, record);
    for (const record of records)
      for (const alternative of record.alternative_names)
        if (!map.has(alternative)) map.set(alternative, record);
    index = map;
    indexes.set(catalog, index);
  }
  return index;
}

/**
 * The record of `catalog` that `baseline` names, by its name or one of its alternative names
 * (exact and case-sensitive, as upstream compares them; a name wins over another baseline's
 * alternative name). A catalog is indexed once and treated as immutable, as parsed and bundled
 * catalogs are.
 */
export function findBaseline(
  catalog: ImageBaselineCatalog,
  baseline: string,
): ImageBaselineRecord | undefined {
  return indexOf(catalog).get(baseline);
}
