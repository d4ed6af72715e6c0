// The 8.x API surface against the project's stand-in, answering as an 8.x server and as a 7.6 one:
// every new route works on 8.x and is a FeatureUnavailableError on 7.6; roles, REPLICA, 409
// change sets, conditional catalog reads, resource_kinds, aliases and the beta overlay.
import { describe, expect, it } from 'vitest';
import {
  API_ROUTES,
  type ApiClient,
  ApiError,
  ChangeSetConflictError,
  createApiClient,
  FeatureUnavailableError,
  InvalidOptionsError,
  isFeatureUnavailableError,
} from '../../src/index.js';
import {
  createStandInPrimary,
  FIXTURE_LICENSES,
  type ServerGeneration,
  type StandInOptions,
} from '../../src/testing.js';

function setup(generation: ServerGeneration, apiKey = 'approver-key', more: StandInOptions = {}) {
  const standIn = createStandInPrimary({ generation, ...more });
  const api = createApiClient({
    baseUrl: standIn.primaryUrl,
    fetch: standIn.fetch,
    retry: 0,
    apiKey,
  });
  return { standIn, api };
}

const HERMES = 'NousResearch/Hermes-3-Llama-3.1-70B';
const MIT = FIXTURE_LICENSES.MIT as Record<string, unknown>;

/** One call of every 8.x method, as a user would make it. */
const EVERY_METHOD: readonly [string, (api: ApiClient) => Promise<unknown>][] = [
  ['licensing.licenses', (a) => a.licensing.licenses()],
  ['licensing.license', (a) => a.licensing.license('MIT')],
  [
    'licensing.createLicense',
    (a) => a.licensing.createLicense({ ...MIT, license_id: 'BSD-3-Clause' }),
  ],
  ['licensing.replaceLicense', (a) => a.licensing.replaceLicense('MIT', MIT)],
  ['licensing.deleteLicense', (a) => a.licensing.deleteLicense('LicenseRef-Unused')],
  ['licensing.assets', (a) => a.licensing.assets()],
  ['licensing.asset', (a) => a.licensing.asset('custom_node', 'Fannovel16/comfyui_controlnet_aux')],
  ['licensing.model', (a) => a.licensing.model('image_generation', 'Pony Grimdark')],
  ['licensing.summary', (a) => a.licensing.summary()],
  ['licensing.export', (a) => a.licensing.export()],
  ['textGuidance.profiles', (a) => a.textGuidance.profiles()],
  ['textGuidance.profile', (a) => a.textGuidance.profile('chatml')],
  ['textGuidance.assignments', (a) => a.textGuidance.assignments()],
  ['textGuidance.model', (a) => a.textGuidance.model(HERMES)],
  ['textGuidance.catalog', (a) => a.textGuidance.catalog()],
  ['textGuidance.catalogIfChanged', (a) => a.textGuidance.catalogIfChanged()],
  ['textGuidance.previewMigration', (a) => a.textGuidance.previewMigration()],
  ['baselines.list', (a) => a.baselines.list()],
  ['baselines.catalog', (a) => a.baselines.catalog()],
  ['baselines.catalogIfChanged', (a) => a.baselines.catalogIfChanged()],
  ['baselines.baseline', (a) => a.baselines.baseline('anima')],
  [
    'licensing.createAsset',
    (a) =>
      a.licensing.createAsset({
        asset_kind: 'other',
        asset_identifier: 'x',
        display_name: 'X',
        licensing: {
          license_expression: 'MIT',
          license_ids: ['MIT'],
          commercial_use: 'allowed',
          redistribution: 'allowed',
        },
      }),
  ],
  [
    'licensing.replaceAsset',
    (a) => a.licensing.asset('other', 'x').then((x) => a.licensing.replaceAsset('other', 'x', x)),
  ],
  ['licensing.deleteAsset', (a) => a.licensing.deleteAsset('other', 'x')],
  [
    'textGuidance.submitChangeSet',
    (a) =>
      a.textGuidance.submitChangeSet({
        title: 'gpt2',
        assignment_changes: [
          {
            model_name: 'gpt2',
            assignment: { model_name: 'gpt2', primary_profile_id: 'chatml' },
            expected_before: null,
          },
        ],
      }),
  ],
  [
    'baselines.submitChangeSet',
    (a) =>
      a.baselines.submitChangeSet({
        title: 'omega',
        changes: [
          { operation: 'upsert', name: 'omega', record: { name: 'omega' }, expected_before: null },
        ],
      }),
  ],
];

it('EVERY_METHOD calls every 8.x method of the registry', () => {
  const added = Object.entries(API_ROUTES).filter(([, route]) => route.addedIn === '8.x');
  expect(EVERY_METHOD.map(([name]) => name).sort()).toEqual(added.map(([key]) => key).sort());
});

describe('against a 7.6-shaped server', () => {
  it.each(EVERY_METHOD)('%s is a FeatureUnavailableError, never a crash', async (_, call) => {
    const { api } = setup('7.6');
    const error = await call(api).catch((e: unknown) => e);
    expect(isFeatureUnavailableError(error)).toBe(true);
    expect((error as FeatureUnavailableError).message).toMatch(/does not serve .*8\.x/);
    expect((error as Error).message).not.toContain('approver-key');
  });

  it('the model reference itself works as before: no licensing, no guidance, aliases resolved', async () => {
    const { api } = setup('7.6');
    const images = await api.v2.getCategory('image_generation');
    expect(images.issues).toEqual([]);
    expect(Object.values(images.records).every((r) => r.licensing === undefined)).toBe(true);
    const hermes = await api.v2.getModel('text_generation', HERMES);
    expect(hermes.guidance).toBeUndefined();
    expect((await api.v2.getModel('controlnet', 'control_qr_sdxl')).name).toBe('control_qr_xl');
    expect((await api.v2.getModel('controlnet', 'control_qr_xl')).name).toBe('control_qr_xl');
    const roles = await api.user.roles();
    expect(roles).toMatchObject({ roles: ['approver', 'requestor'], is_approver: true });
    expect(roles.is_license_editor).toBeUndefined();
  });
});

describe('against an 8.x-shaped server', () => {
  it.each(EVERY_METHOD.filter(([name]) => !/create|replace|delete/i.test(name)))(
    '%s answers, validated',
    async (_, call) => {
      const { api } = setup('8.x');
      await expect(call(api)).resolves.toBeDefined();
    },
  );

  it('every record carries licensing (NOASSERTION when unset) and text records a guidance summary', async () => {
    const { api } = setup('8.x');
    const images = await api.v2.getCategory('image_generation');
    expect(images.issues).toEqual([]);
    expect(images.records['Ghibli Style']?.licensing?.license_expression).toBe('NOASSERTION');
    expect(images.records['Pony Grimdark']?.licensing?.commercial_use).toBe('prohibited');
    expect(images.records['Stable Cascade Mini']?.requirements).toEqual({
      clip_skip: 1,
      schedulers: ['normal'],
    });
    const text = await api.v2.getCategory('text_generation');
    expect(text.records[HERMES]?.guidance).toEqual({
      status: 'published',
      primary_profile_id: 'chatml',
      supplemental_profile_ids: ['json-output'],
    });
    expect(text.records.gpt2?.guidance?.status).toBe('undocumented');
    expect(text.records['mistralai/Mistral-7B-Instruct-v0.2']?.guidance?.status).toBe(
      'legacy_label',
    );
    expect(
      text.records['mistralai/Mistral-7B-Instruct-v0.2']?.capabilities?.tool_calling?.status,
    ).toBe('unsupported');
  });

  it('license writes need the license_editor role and a PRIMARY', async () => {
    const approver = setup('8.x', 'approver-key').api;
    const denied = await approver.licensing
      .createLicense({ ...MIT, license_id: 'BSD-3-Clause' })
      .catch((e) => e);
    expect(denied).toBeInstanceOf(ApiError);
    expect(denied.status).toBe(403);
    expect(denied.message).toMatch(/lacks the license_editor role/);

    const { api, standIn } = setup('8.x', 'license-editor-key');
    const created = await api.licensing.createLicense({
      ...MIT,
      license_id: 'BSD-3-Clause',
      name: 'BSD',
    });
    expect(created).toMatchObject({ license_id: 'BSD-3-Clause', metadata: { revision: 1 } });
    expect(standIn.resources.licenses.has('BSD-3-Clause')).toBe(true);
    await expect(
      api.licensing.createLicense({ ...MIT, license_id: 'BSD-3-Clause' }),
    ).rejects.toMatchObject({
      status: 409,
    });
    expect((await api.licensing.replaceLicense('MIT', MIT)).metadata.revision).toBe(2);
    await expect(api.licensing.deleteLicense('MIT')).rejects.toMatchObject({ status: 409 }); // Zeta Turbo names it
    await expect(api.licensing.deleteLicense('BSD-3-Clause')).resolves.toBeUndefined();
    await expect(api.licensing.license('BSD-3-Clause')).rejects.toMatchObject({
      status: 404,
      detail: 'License definition not found: BSD-3-Clause',
    });

    const replica = setup('8.x', 'license-editor-key', { replicateMode: 'REPLICA' }).api;
    await expect(replica.licensing.replaceLicense('MIT', MIT)).rejects.toMatchObject({
      status: 503,
    });
  });

  it('checks a definition before sending it', async () => {
    const { api, standIn } = setup('8.x', 'license-editor-key');
    const before = standIn.requests.length;
    await expect(api.licensing.createLicense({ name: 'no id' })).rejects.toBeInstanceOf(
      InvalidOptionsError,
    );
    await expect(api.licensing.replaceLicense('Apache-2.0', MIT)).rejects.toThrow(
      /differs from the id in the path/,
    );
    expect(standIn.requests.length).toBe(before);
  });

  it('assets: a non-model asset round-trips; filters apply with the server semantics', async () => {
    const { api } = setup('8.x', 'license-editor-key');
    const asset = {
      asset_kind: 'software_component',
      asset_identifier: 'comfyanonymous/ComfyUI',
      display_name: 'ComfyUI',
      licensing: {
        license_expression: 'MIT',
        license_ids: ['MIT'],
        commercial_use: 'allowed',
        redistribution: 'allowed',
      },
    };
    await api.licensing.createAsset(asset);
    expect(
      (await api.licensing.asset('software_component', 'comfyanonymous/ComfyUI')).display_name,
    ).toBe('ComfyUI');
    const prohibited = await api.licensing.assets({ commercialUse: 'prohibited' });
    expect(prohibited.items.map((i) => i.asset_identifier)).toEqual([
      'image_generation:Pony Grimdark',
    ]);
    const mit = await api.licensing.assets({ licenseId: 'MIT' });
    expect(mit.items.map((i) => i.asset_identifier).sort()).toEqual([
      'comfyanonymous/ComfyUI',
      'image_generation:Zeta Turbo',
    ]);
    await api.licensing.deleteAsset('software_component', 'comfyanonymous/ComfyUI');
    await expect(
      api.licensing.asset('software_component', 'comfyanonymous/ComfyUI'),
    ).rejects.toMatchObject({
      status: 404,
    });
  });

  it('a model conclusion resolves aliases and names with "/"; an unknown model is a 404 ApiError', async () => {
    const { api } = setup('8.x');
    expect((await api.licensing.model('controlnet', 'control_qr_sdxl')).asset_identifier).toBe(
      'controlnet:control_qr_xl',
    );
    const flux = await api.licensing.model('image_generation', 'Flux.1 Schnell (Compact)');
    expect(Object.keys(flux.definition_urls)).toEqual([
      'Apache-2.0',
      'LicenseRef-Fixture-NonCommercial',
    ]);
    expect((await api.licensing.model('text_generation', HERMES)).licensing.commercial_use).toBe(
      'unknown',
    );
    const missing = await api.licensing.model('clip', 'nope').catch((e) => e);
    expect(missing).toBeInstanceOf(ApiError);
    expect(missing).not.toBeInstanceOf(FeatureUnavailableError);
  });

  it('catalog reads are conditional: the revision is the entity tag, a 304 is "unchanged"', async () => {
    for (const honourIfNoneMatch of [false, true]) {
      const { api, standIn } = setup('8.x', 'approver-key', { honourIfNoneMatch });
      const first = await api.baselines.catalogIfChanged();
      expect(first).toMatchObject({ modified: true, etag: 'W/"image-baselines-2"' });
      const again = await api.baselines.catalogIfChanged(first.etag);
      expect(again).toEqual({ modified: false, etag: first.etag });
      const last = standIn.requests.at(-1);
      expect(last?.headers['if-none-match']).toBe('W/"image-baselines-2"');

      const queued = await api.baselines.submitChangeSet({
        title: 'Add Omega',
        changes: [
          {
            operation: 'upsert',
            name: 'omega',
            record: { name: 'omega', native_resolution: 1024 },
            expected_before: null,
          },
        ],
      });
      standIn.resources.applyChange(queued.change_id);
      const after = await api.baselines.catalogIfChanged(first.etag);
      expect(after.modified).toBe(true);
      expect(after.etag).toBe('W/"image-baselines-3"');
      expect(after.modified && Object.keys(after.value.baselines)).toContain('omega');
    }
  });

  it('baseline change sets: 202 with resource_kind, then 409 once the baseline moved, 422 for a named baseline', async () => {
    const { api, standIn } = setup('8.x', 'requestor-key');
    const anima = await api.baselines.baseline('anima');
    const edited = { ...anima, alternative_names: [...anima.alternative_names, 'anima_v2'] };
    const change = {
      operation: 'upsert' as const,
      name: 'anima',
      record: edited,
      expected_before: anima,
    };
    const queued = await api.baselines.submitChangeSet({ title: 'Anima v2', changes: [change] });
    expect(queued).toMatchObject({
      resource_kind: 'image_baseline',
      category: 'image_generation',
      status: 'pending',
    });
    expect(queued.model_name).toBe(`baseline:${queued.resource_id}`);
    standIn.resources.applyChange(queued.change_id);
    const stale = await api.baselines
      .submitChangeSet({ title: 'Again', changes: [change] })
      .catch((e) => e);
    expect(stale).toBeInstanceOf(ChangeSetConflictError);
    expect(stale).toMatchObject({
      status: 409,
      resource: 'image_baseline',
      detail: "Baseline 'anima' changed after review.",
    });
    const flux = await api.baselines.baseline('flux_1');
    await expect(
      api.baselines.submitChangeSet({
        title: 'Drop flux',
        changes: [{ operation: 'delete', name: 'flux_1', expected_before: flux }],
      }),
    ).rejects.toMatchObject({ status: 422 });
    const reader = setup('8.x', 'reader-key').api;
    await expect(
      reader.baselines.submitChangeSet({ title: 'x', changes: [change] }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('guidance change sets: 202, 409 when stale, and the summary follows once applied', async () => {
    const { api, standIn } = setup('8.x', 'requestor-key');
    const chatml = await api.textGuidance.profile('chatml');
    const assignment = {
      model_name: 'gpt2',
      primary_profile_id: 'chatml',
      supplemental_profile_ids: [],
    };
    const queued = await api.textGuidance.submitChangeSet({
      title: 'Document gpt2',
      assignment_changes: [{ model_name: 'gpt2', assignment, expected_before: null }],
    });
    expect(queued).toMatchObject({ resource_kind: 'text_guidance', related_models: ['gpt2'] });
    const { etag } = await api.textGuidance.catalogIfChanged();
    standIn.resources.applyChange(queued.change_id);
    expect((await api.v2.getModel('text_generation', 'gpt2')).guidance?.status).toBe('published');
    expect((await api.textGuidance.catalogIfChanged(etag)).modified).toBe(true);
    await expect(
      api.textGuidance.submitChangeSet({
        title: 'Stale',
        profile_changes: [
          {
            operation: 'update',
            profile_id: 'chatml',
            profile: chatml,
            expected_before: { ...chatml, summary: 'old' },
          },
        ],
      }),
    ).rejects.toBeInstanceOf(ChangeSetConflictError);
    await expect(api.textGuidance.submitChangeSet({ title: 'Empty' })).rejects.toBeInstanceOf(
      InvalidOptionsError,
    );
  });

  it('the migration preview drafts contracts from legacy labels, reusing known ones', async () => {
    const { api } = setup('8.x', 'requestor-key');
    const preview = await api.textGuidance.previewMigration();
    const created = preview.change_set?.profile_changes?.map((c) => c.profile_id).sort();
    expect(created).toEqual(['alpaca', 'llama-3', 'mistral']);
    expect(preview.format_count).toBe(3);
    // ChatML exists (alias), and Hermes already has an assignment.
    const models = preview.change_set?.assignment_changes?.map((c) => c.model_name);
    expect(models).toContain('bartowski/Qwen2.5-1.5B-Instruct-Q4_K_M');
    expect(models).not.toContain(HERMES);
  });

  it('the queue lists change sets with resource_kind, filtered by resource_kinds', async () => {
    const { api } = setup('8.x', 'approver-key');
    const anima = await api.baselines.baseline('anima');
    await api.baselines.submitChangeSet({
      title: 'b',
      changes: [{ operation: 'upsert', name: 'anima', record: anima, expected_before: anima }],
    });
    await api.textGuidance.submitChangeSet({
      title: 'g',
      assignment_changes: [
        {
          model_name: 'gpt2',
          assignment: { model_name: 'gpt2', primary_profile_id: 'chatml' },
          expected_before: null,
        },
      ],
    });
    const guidance = await api.pendingQueue.changes({ resourceKinds: ['text_guidance'] });
    expect(guidance.items.map((c) => c.resource_kind)).toEqual(['text_guidance']);
    const both = await api.pendingQueue.changes({
      resourceKinds: ['text_guidance', 'image_baseline'],
    });
    expect(both.total).toBe(2);
    expect((await api.pendingQueue.changes({ resourceKinds: ['model_reference'] })).total).toBe(0);
  });

  it('me/roles says who may edit licenses', async () => {
    const editor = await setup('8.x', 'license-editor-key').api.user.roles();
    expect(editor).toMatchObject({
      roles: ['license_editor'],
      is_license_editor: true,
      is_approver: false,
    });
    await expect(setup('8.x', 'stolen-key').api.user.roles()).rejects.toMatchObject({
      status: 401,
    });
  });
});

describe('the beta overlay skips non-model queue entries, on both generations', () => {
  it.each(['7.6', '8.x'] as const)('%s', async (generation) => {
    const { api, standIn } = setup(generation);
    standIn.data.setPending('image_generation', {
      'New Model': { name: 'New Model', baseline: 'flux_1', nsfw: false },
      'baseline:0b5f7e9c-3c1d-4a6e-9f51-2d7c1b0a9e11': { title: 'x', changes: [] },
      stray: { name: 'stray', resource_kind: 'image_baseline' },
    });
    const pending = await api.v2.pending('image_generation');
    expect(Object.keys(pending.records)).toEqual(['New Model']);
    expect(pending.issues).toEqual([]);
  });
});

describe('aliases are never write targets', () => {
  it('update and delete of control_qr_sdxl are refused before any request', async () => {
    const { api, standIn } = setup('8.x', 'requestor-key');
    const record = await api.v2.getModel('controlnet', 'control_qr_xl');
    const before = standIn.requests.length;
    // The v2 write methods check their arguments synchronously, as they always have.
    expect(() => api.v2.update('controlnet', 'control_qr_sdxl', record)).toThrow(
      /deprecated alias of "control_qr_xl"/,
    );
    expect(() => api.v2.delete('controlnet', 'control_qr_sdxl')).toThrow(InvalidOptionsError);
    expect(() => api.v2.create('controlnet', { ...record, name: 'control_qr_sdxl' })).toThrow(
      InvalidOptionsError,
    );
    expect(standIn.requests.length).toBe(before);
  });
});
