// Pure reads over records: aliases (0f516682), licensing fallbacks (c0fba994), non-model pending
// entries (24886069) and the baseline catalog (24886069).
import { describe, expect, it } from 'vitest';
import { dropNonModelPendingEntries, isModelPendingEntry } from '../../src/api.js';
import {
  aggregatePermissions,
  BUNDLED_BASELINE_CATALOG,
  baselineCatalogDrift,
  baselineFacts,
  canonicalBaselineName,
  downloadPermission,
  effectiveLicensing,
  findRecordByName,
  imageBaselineCatalogSchema,
  isCataloguedBaseline,
  isModelAlias,
  KNOWN_IMAGE_BASELINES,
  licensingForFile,
  modelNameCandidates,
  parseCategoryRecords,
  resolveModelAlias,
} from '../../src/schemas.js';
import {
  FIXTURE_BASELINE_CATALOG,
  FIXTURE_NEW_BASELINE,
  FIXTURE_V2,
  FIXTURE_V2_8X,
} from '../../src/testing.js';

describe('model aliases', () => {
  it('resolves control_qr_sdxl to control_qr_xl, and nothing else', () => {
    expect(resolveModelAlias('controlnet', 'control_qr_sdxl')).toBe('control_qr_xl');
    expect(resolveModelAlias('controlnet', 'control_canny')).toBe('control_canny');
    expect(resolveModelAlias('image_generation', 'control_qr_sdxl')).toBe('control_qr_sdxl');
    expect(resolveModelAlias('controlnet', 'constructor')).toBe('constructor');
    expect(isModelAlias('controlnet', 'control_qr_sdxl')).toBe(true);
    expect(isModelAlias('controlnet', 'control_qr_xl')).toBe(false);
    expect(isModelAlias('controlnet', 'toString')).toBe(false);
  });

  it('tries the canonical name first, then the other aliases, then the name itself', () => {
    expect(modelNameCandidates('controlnet', 'control_qr_sdxl')).toEqual([
      'control_qr_xl',
      'control_qr_sdxl',
    ]);
    expect(modelNameCandidates('controlnet', 'control_qr_xl')).toEqual([
      'control_qr_xl',
      'control_qr_sdxl',
    ]);
    expect(modelNameCandidates('clip', 'x')).toEqual(['x']);
  });

  it('finds the record by either name in 7.6 and 8.x data (keyed by name)', () => {
    for (const data of [FIXTURE_V2.controlnet, FIXTURE_V2_8X.controlnet]) {
      const { records } = parseCategoryRecords('controlnet', data);
      expect(findRecordByName(records, 'controlnet', 'control_qr_sdxl')?.name).toBe(
        'control_qr_xl',
      );
      expect(findRecordByName(records, 'controlnet', 'control_qr_xl')?.name).toBe('control_qr_xl');
      expect(findRecordByName(records, 'controlnet', 'constructor')).toBeUndefined();
    }
  });
});

describe('licensing reads', () => {
  const { records } = parseCategoryRecords('image_generation', FIXTURE_V2_8X.image_generation);
  const flux = records['Flux.1 Schnell (Compact)'];
  const ghibli = records['Ghibli Style'];

  it('a record without licensing reads as NOASSERTION / unknown (7.6 data, or not yet reviewed)', () => {
    expect(ghibli?.licensing).toBeUndefined();
    expect(ghibli && effectiveLicensing(ghibli)).toMatchObject({
      license_expression: 'NOASSERTION',
      license_ids: [],
      commercial_use: 'unknown',
      redistribution: 'unknown',
    });
    expect(Object.isFrozen(ghibli && effectiveLicensing(ghibli))).toBe(true);
  });

  it('a file override applies to that file only; prototype names are not files', () => {
    if (!flux) throw new Error('fixture missing');
    const file = flux.config.download[0]?.file_name ?? '';
    expect(licensingForFile(flux, file).commercial_use).toBe('prohibited');
    expect(licensingForFile(flux, 'other.safetensors').commercial_use).toBe('allowed');
    expect(licensingForFile(flux, 'constructor')).toBe(flux.licensing);
    expect(downloadPermission(flux, 'commercial_use')).toBe('prohibited');
    expect(downloadPermission(flux, 'redistribution')).toBe('allowed_with_conditions');
  });

  it('aggregates the way upstream does: prohibited, unknown, conditions, allowed', () => {
    expect(aggregatePermissions(['allowed', 'prohibited', 'unknown'])).toBe('prohibited');
    expect(aggregatePermissions(['allowed', 'unknown'])).toBe('unknown');
    expect(aggregatePermissions([])).toBe('unknown');
    expect(aggregatePermissions(['allowed', 'something_new'])).toBe('unknown');
    expect(aggregatePermissions(['allowed', 'allowed_with_conditions'])).toBe(
      'allowed_with_conditions',
    );
    expect(aggregatePermissions(['allowed'])).toBe('allowed');
  });

  it('a record without downloads uses its model-level conclusion', () => {
    expect(downloadPermission({}, 'commercial_use')).toBe('unknown');
  });
});

describe('non-model pending entries', () => {
  const uuid = '0b5f7e9c-3c1d-4a6e-9f51-2d7c1b0a9e11';

  it('drops guidance/baseline labels and other resource kinds, keeps models', () => {
    const payload = {
      'Org/M-7B': { name: 'Org/M-7B', parameters: 7 },
      [`guidance:${uuid}`]: { title: 'x', profile_changes: [] },
      [`baseline:${uuid}`]: { title: 'y', changes: [] },
      other: { name: 'other', resource_kind: 'image_baseline' },
      'guidance:not-a-uuid': { name: 'guidance:not-a-uuid', resource_kind: 'model_reference' },
    };
    const kept = dropNonModelPendingEntries(payload) as Record<string, unknown>;
    expect(Object.keys(kept)).toEqual(['Org/M-7B', 'guidance:not-a-uuid']);
    expect(Object.getPrototypeOf(kept)).toBeNull();
    expect(isModelPendingEntry('x', { resource_kind: null })).toBe(true);
  });

  it('passes anything that is not an object of records through for the caller to judge', () => {
    expect(dropNonModelPendingEntries([])).toEqual([]);
    expect(dropNonModelPendingEntries('<html>')).toBe('<html>');
    expect(dropNonModelPendingEntries(null)).toBeNull();
  });
});

describe('the baseline catalog', () => {
  it('bundles the 13 baselines of 24886069, krea2_turbo and anima included', () => {
    expect(Object.keys(BUNDLED_BASELINE_CATALOG.baselines)).toEqual([...KNOWN_IMAGE_BASELINES]);
    expect(isCataloguedBaseline('krea2_turbo')).toBe(true);
    expect(isCataloguedBaseline('anima')).toBe(true);
    expect(imageBaselineCatalogSchema.safeParse(BUNDLED_BASELINE_CATALOG).success).toBe(true);
    expect(Object.isFrozen(BUNDLED_BASELINE_CATALOG.baselines.flux_1?.capabilities)).toBe(true);
  });

  it('knows alternative names, exactly and case-sensitively', () => {
    expect(canonicalBaselineName('SDXL')).toBe('stable_diffusion_xl');
    expect(canonicalBaselineName('krea2')).toBe('krea2_turbo');
    expect(canonicalBaselineName('anima_turbo')).toBe('anima');
    expect(canonicalBaselineName('sdxl')).toBeUndefined();
    expect(isCataloguedBaseline('constructor')).toBe(false);
    expect(isCataloguedBaseline('__proto__')).toBe(false);
  });

  it('gives the per-baseline facts', () => {
    expect(baselineFacts('stable_diffusion_2_768')).toMatchObject({
      native_resolution: 768,
      capabilities: { controlnet: true, controlnet_types_unavailable: ['normal', 'mlsd', 'hough'] },
    });
    expect(baselineFacts('infer')?.native_resolution).toBeNull();
    expect(baselineFacts('qwen')?.capabilities.flow_matching).toBe(true);
  });

  it('a served catalog makes a new baseline known; the bundled one does not', () => {
    const served = imageBaselineCatalogSchema.parse(FIXTURE_BASELINE_CATALOG);
    expect(isCataloguedBaseline(FIXTURE_NEW_BASELINE.name)).toBe(false);
    expect(isCataloguedBaseline(FIXTURE_NEW_BASELINE.name, served)).toBe(true);
    expect(isCataloguedBaseline('zeta', served)).toBe(true);
    expect(baselineCatalogDrift(served)).toEqual({
      added: ['zeta_turbo'],
      removed: [],
      changed: [],
    });
  });

  it('reports changed facts and removed baselines, ignoring pricing', () => {
    const served = imageBaselineCatalogSchema.parse(structuredClone(FIXTURE_BASELINE_CATALOG));
    const flux = served.baselines.flux_1;
    if (!flux) throw new Error('fixture missing');
    flux.native_resolution = 2048;
    flux.capabilities.controlnet = false;
    if (flux.horde_policy) flux.horde_policy.kudos = 99;
    delete served.baselines.anima;
    expect(baselineCatalogDrift(served)).toEqual({
      added: ['zeta_turbo'],
      removed: ['anima'],
      changed: [{ name: 'flux_1', fields: ['native_resolution', 'capabilities.controlnet'] }],
    });
  });
});
