import type { ApiRole, ApiRoute, HttpMethod, RouteTable } from './routes.js';

// The PRIMARY's routes an 8.x service added (docs/upstream-8x.md; a 7.6 server answers them 404
// `Not Found`), the rest of the route table of routes.ts. A file of their own because bundlers
// split code by file: in routes.ts, the manager's baseline catalog (loaded on demand) would pull
// these tables into the core's first load.
const read8x = /* @__NO_SIDE_EFFECTS__ */ (path: string): ApiRoute => ({
  method: 'GET',
  path,
  addedIn: '8.x',
});

const write8x = /* @__NO_SIDE_EFFECTS__ */ (
  method: HttpMethod,
  path: string,
  role: ApiRole,
): ApiRoute => ({ method, path, role, write: true, addedIn: '8.x' });

/** License definitions, licensed assets and per-model conclusions (8.x). */
export const LICENSING_ROUTES: RouteTable<
  | 'licenses'
  | 'license'
  | 'createLicense'
  | 'replaceLicense'
  | 'deleteLicense'
  | 'assets'
  | 'asset'
  | 'createAsset'
  | 'replaceAsset'
  | 'deleteAsset'
  | 'model'
  | 'summary'
  | 'export'
> = {
  licenses: read8x('/model_references/v2/licensing/licenses'),
  license: read8x('/model_references/v2/licensing/licenses/{id}'),
  createLicense: write8x('POST', '/model_references/v2/licensing/licenses', 'license_editor'),
  replaceLicense: write8x('PUT', '/model_references/v2/licensing/licenses/{id}', 'license_editor'),
  deleteLicense: write8x(
    'DELETE',
    '/model_references/v2/licensing/licenses/{id}',
    'license_editor',
  ),
  assets: read8x('/model_references/v2/licensing/assets'),
  asset: read8x('/model_references/v2/licensing/assets/{kind}/{identifier*}'),
  createAsset: write8x('POST', '/model_references/v2/licensing/assets', 'license_editor'),
  replaceAsset: write8x(
    'PUT',
    '/model_references/v2/licensing/assets/{kind}/{identifier*}',
    'license_editor',
  ),
  deleteAsset: write8x(
    'DELETE',
    '/model_references/v2/licensing/assets/{kind}/{identifier*}',
    'license_editor',
  ),
  model: read8x('/model_references/v2/licensing/models/{category}/{name*}'),
  summary: read8x('/model_references/v2/licensing/summary'),
  export: read8x('/model_references/v2/licensing/export'),
};

/** Prompting guidance for text models (8.x). */
export const TEXT_GUIDANCE_ROUTES: RouteTable<
  | 'profiles'
  | 'profile'
  | 'assignments'
  | 'model'
  | 'catalog'
  | 'catalogIfChanged'
  | 'previewMigration'
  | 'submitChangeSet'
> = {
  profiles: read8x('/model_references/v2/text_generation/guidance/profiles'),
  profile: read8x('/model_references/v2/text_generation/guidance/profiles/{id}'),
  assignments: read8x('/model_references/v2/text_generation/guidance/assignments'),
  model: read8x('/model_references/v2/text_generation/guidance/model'),
  catalog: read8x('/model_references/v2/text_generation/guidance/export'),
  catalogIfChanged: read8x('/model_references/v2/text_generation/guidance/export'),
  previewMigration: write8x(
    'POST',
    '/model_references/v2/text_generation/guidance/migration/preview',
    'requestor',
  ),
  submitChangeSet: write8x(
    'POST',
    '/model_references/v2/text_generation/guidance/change-sets',
    'requestor',
  ),
};

/** The served image baseline catalog (8.x). */
export const BASELINE_ROUTES: RouteTable<
  'list' | 'catalog' | 'catalogIfChanged' | 'baseline' | 'submitChangeSet'
> = {
  // The service mounts the index at `/`: without the slash it would answer with a redirect.
  list: read8x('/model_references/v2/image_generation/baselines/'),
  catalog: read8x('/model_references/v2/image_generation/baselines/export'),
  catalogIfChanged: read8x('/model_references/v2/image_generation/baselines/export'),
  baseline: read8x('/model_references/v2/image_generation/baselines/{name}'),
  submitChangeSet: write8x(
    'POST',
    '/model_references/v2/image_generation/baselines/change-sets',
    'requestor',
  ),
};
