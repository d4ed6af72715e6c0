// The unified asset views of an 8.x stand-in's licensing routes: models (with NOASSERTION when
// unset) and non-model assets, in the service's order, and their summary.
import { CATEGORIES } from '../categories.js';
import { PERMISSION_STATUSES, unknownModelLicensing } from '../schemas/licensing.js';
import type { StandInContext } from './stand-in-http.js';

type Json = Record<string, unknown>;

/** Python's `str.casefold` order, closely enough for the fixtures. */
export const fold = (a: string, b: string): number => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

function definitionUrls(licensing: Json): Json {
  const ids = new Set<string>(licensing.license_ids as string[]);
  for (const file of Object.values((licensing.files as Json | undefined) ?? {}))
    for (const id of (file as Json).license_ids as string[]) ids.add(id);
  return Object.fromEntries(
    [...ids]
      .sort()
      .map((id) => [id, `/model_references/v2/licensing/licenses/${encodeURIComponent(id)}`]),
  );
}

/** A model as the unified asset views show it. */
export function modelView(category: string, name: string, record: Json): Json {
  const licensing = (record.licensing as Json | undefined) ?? (unknownModelLicensing() as never);
  const downloads = ((record.config as Json | undefined)?.download as Json[] | undefined) ?? [];
  return {
    asset_kind: 'model',
    asset_identifier: `${category}:${name}`,
    display_name: name,
    category,
    ...(downloads[0] ? { source_url: downloads[0].file_url } : {}),
    locations: [],
    related_assets: [],
    licensing,
    definition_urls: definitionUrls(licensing),
  };
}

/** Every model and non-model asset, in the service's order. */
export function allAssets(context: StandInContext): Json[] {
  const models = CATEGORIES.flatMap((category) =>
    Object.values(context.data.category(category))
      .map((record) => record as Json)
      .sort((a, b) => fold(String(a.name), String(b.name)))
      .map((record) => modelView(category, String(record.name), record)),
  );
  const others = [...context.state.assets.values()].map(
    (asset): Json => ({
      ...asset,
      licensing: { files: {}, ...(asset.licensing as Json) },
      definition_urls: definitionUrls(asset.licensing as Json),
    }),
  );
  return [...models, ...others].sort(
    (a, b) =>
      fold(String(a.asset_kind), String(b.asset_kind)) ||
      fold(String(a.asset_identifier), String(b.asset_identifier)),
  );
}

/** The service's `LicensingSummary` of some assets. */
export function summary(assets: Json[]): Json {
  const count = (field: string) =>
    Object.fromEntries(
      PERMISSION_STATUSES.map((s) => [
        s,
        assets.filter((a) => (a.licensing as Json)[field] === s).length,
      ]),
    );
  const licenses: Record<string, number> = {};
  for (const asset of assets)
    for (const id of (asset.licensing as Json).license_ids as string[])
      licenses[id] = (licenses[id] ?? 0) + 1;
  return {
    total_assets: assets.length,
    commercial_use: count('commercial_use'),
    redistribution: count('redistribution'),
    licenses: Object.fromEntries(Object.entries(licenses).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}
