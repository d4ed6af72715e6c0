// The 8.x writes and conditional reads against an 8.x stand-in: roles, REPLICA, 409 change sets,
// ETags, the queue's resource_kinds, me/roles.
import { describe, expect, it } from 'vitest';
import { ChangeSetConflictError, FeatureUnavailableError } from '../../src/api.js';
import { ApiError, InvalidOptionsError } from '../../src/index.js';
import { FIXTURE_LICENSES } from '../../src/testing.js';
import { HERMES, setup } from './upstream8-setup.js';

const MIT = FIXTURE_LICENSES.MIT as Record<string, unknown>;

describe('against an 8.x-shaped server', () => {
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
