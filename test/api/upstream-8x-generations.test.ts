// The 8.x API surface against the project's stand-in, answering as an 8.x server and as a 7.6 one:
// every new method works on 8.x and is a FeatureUnavailableError on 7.6; aliases, the beta overlay.
import { describe, expect, it } from 'vitest';
import {
  API_ROUTES,
  type ApiClient,
  type FeatureUnavailableError,
  isFeatureUnavailableError,
} from '../../src/api.js';
import { InvalidOptionsError } from '../../src/index.js';
import { FIXTURE_LICENSES } from '../../src/testing.js';
import { HERMES, setup } from './upstream8-setup.js';

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
