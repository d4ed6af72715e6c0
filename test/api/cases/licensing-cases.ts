// Rows for the 8.x licensing methods, with answers in the upstream shapes (licensing.py at c0fba994).
import { expect } from 'vitest';
import { FIXTURE_ASSETS, FIXTURE_LICENSES } from '../../../src/testing.js';
import type { Case } from './case.js';

type Json = Record<string, unknown>;

const APACHE = FIXTURE_LICENSES['Apache-2.0'] as Json;
const NODE = FIXTURE_ASSETS['custom_node:Fannovel16/comfyui_controlnet_aux'] as Json;
const datasetMeta = { schema_version: 1, revision: 3, updated_at: 1_788_000_000 };
const noassertion = {
  license_expression: 'NOASSERTION',
  commercial_use: 'unknown',
  redistribution: 'unknown',
  notes: 'No reviewed licensing conclusion is currently available.',
};
const modelView = {
  asset_kind: 'model',
  asset_identifier: 'controlnet:control_qr_xl',
  display_name: 'control_qr_xl',
  category: 'controlnet',
  licensing: noassertion,
  definition_urls: {},
};
const counts = { allowed: 1, allowed_with_conditions: 0, prohibited: 0, unknown: 1 };
const summary = { total_assets: 2, commercial_use: counts, redistribution: counts, licenses: {} };

export const LICENSING_CASES: Case[] = [
  {
    route: 'licensing.licenses',
    call: (a) => a.licensing.licenses({ includeDeprecated: false, limit: 10 }),
    reply: { items: [APACHE], total: 1, offset: 0, limit: 10, metadata: datasetMeta },
    request: 'GET /model_references/v2/licensing/licenses?include_deprecated=false&limit=10',
    check: (r) =>
      expect(r).toMatchObject({ items: [{ license_id: 'Apache-2.0' }], metadata: { revision: 3 } }),
  },
  {
    route: 'licensing.license',
    call: (a) => a.licensing.license('LicenseRef-A/B'),
    reply: APACHE,
    request: 'GET /model_references/v2/licensing/licenses/LicenseRef-A%2FB',
    check: (r) =>
      expect(r).toMatchObject({ commercial_use: 'allowed', obligations: ['include_license'] }),
  },
  {
    route: 'licensing.createLicense',
    call: (a) => a.licensing.createLicense({ ...APACHE, metadata: undefined }),
    reply: APACHE,
    status: 201,
    request: 'POST /model_references/v2/licensing/licenses',
    body: { ...APACHE, metadata: { revision: 1 } },
    check: (r) => expect(r).toMatchObject({ license_id: 'Apache-2.0' }),
  },
  {
    route: 'licensing.replaceLicense',
    call: (a) => a.licensing.replaceLicense('Apache-2.0', APACHE),
    reply: { ...APACHE, metadata: { revision: 2 } },
    request: 'PUT /model_references/v2/licensing/licenses/Apache-2.0',
    body: APACHE,
    check: (r) => expect(r).toMatchObject({ metadata: { revision: 2 } }),
  },
  {
    route: 'licensing.deleteLicense',
    call: (a) => a.licensing.deleteLicense('MIT'),
    reply: null,
    status: 204,
    request: 'DELETE /model_references/v2/licensing/licenses/MIT',
    check: (r) => expect(r).toBeUndefined(),
  },
  {
    route: 'licensing.assets',
    call: (a) =>
      a.licensing.assets({
        assetKind: 'model',
        category: 'controlnet',
        commercialUse: 'unknown',
        nameContains: 'qr',
      }),
    reply: { items: [modelView], total: 1, offset: 0, limit: 100, metadata: datasetMeta },
    request:
      'GET /model_references/v2/licensing/assets?asset_kind=model&category=controlnet&commercial_use=unknown&name_contains=qr',
    check: (r) =>
      expect(r).toMatchObject({
        items: [{ licensing: { license_ids: [], files: {}, obligations: [] } }],
      }),
  },
  {
    route: 'licensing.asset',
    call: (a) => a.licensing.asset('custom_node', 'Fannovel16/comfyui_controlnet_aux'),
    reply: NODE,
    request:
      'GET /model_references/v2/licensing/assets/custom_node/Fannovel16/comfyui_controlnet_aux',
    check: (r) => expect(r).toMatchObject({ display_name: 'comfyui_controlnet_aux' }),
  },
  {
    route: 'licensing.createAsset',
    call: (a) => a.licensing.createAsset(NODE),
    reply: NODE,
    status: 201,
    request: 'POST /model_references/v2/licensing/assets',
    check: (r) => expect(r).toMatchObject({ asset_kind: 'custom_node' }),
  },
  {
    route: 'licensing.replaceAsset',
    call: (a) => a.licensing.replaceAsset('custom_node', 'Fannovel16/comfyui_controlnet_aux', NODE),
    reply: NODE,
    request:
      'PUT /model_references/v2/licensing/assets/custom_node/Fannovel16/comfyui_controlnet_aux',
    check: (r) =>
      expect(r).toMatchObject({ asset_identifier: 'Fannovel16/comfyui_controlnet_aux' }),
  },
  {
    route: 'licensing.deleteAsset',
    call: (a) => a.licensing.deleteAsset('other', 'x'),
    reply: null,
    status: 204,
    request: 'DELETE /model_references/v2/licensing/assets/other/x',
    check: (r) => expect(r).toBeUndefined(),
  },
  {
    route: 'licensing.model',
    call: (a) => a.licensing.model('text_generation', 'Org/Model-7B'),
    reply: { ...modelView, asset_identifier: 'text_generation:Org/Model-7B' },
    request: 'GET /model_references/v2/licensing/models/text_generation/Org/Model-7B',
    check: (r) => expect(r).toMatchObject({ licensing: { license_expression: 'NOASSERTION' } }),
  },
  {
    route: 'licensing.summary',
    call: (a) => a.licensing.summary(),
    reply: summary,
    request: 'GET /model_references/v2/licensing/summary',
    check: (r) => expect(r).toEqual(summary),
  },
  {
    route: 'licensing.export',
    call: (a) => a.licensing.export(),
    reply: {
      schema_version: 1,
      metadata: datasetMeta,
      licenses: [APACHE],
      assets: [modelView],
      summary,
    },
    request: 'GET /model_references/v2/licensing/export',
    check: (r) => expect(r).toMatchObject({ licenses: [{ license_id: 'Apache-2.0' }], summary }),
  },
];
