// The 8.x record shapes (docs/upstream-8x.md): licensing on every category, the text guidance
// fields, schedulers and the karras normalisation, the baseline catalog. Each also on 7.6 data.
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/index.js';
import {
  imageBaselineCatalogSchema,
  normalizeSchedulerRequirements,
  parseCategoryRecords,
  parseRecord,
} from '../../src/schemas.js';
import { FIXTURE_V2, FIXTURE_V2_8X } from '../../src/testing.js';

const licensing = {
  license_expression: 'Apache-2.0 OR MIT',
  license_ids: ['Apache-2.0', 'MIT'],
  commercial_use: 'allowed',
  redistribution: 'allowed_with_conditions',
  obligations: ['include_license'],
  attribution: 'by someone',
  evidence: [{ source: 'https://example.org/LICENSE', checked_at: '2026-08-01' }],
  reviewed_by: 'r#1',
  reviewed_at: '2026-08-02',
  files: {
    'vae.safetensors': {
      license_expression: 'LicenseRef-Vae',
      license_ids: ['LicenseRef-Vae'],
      commercial_use: 'prohibited',
      redistribution: 'unknown',
    },
  },
};

describe('licensing on records (c0fba994)', () => {
  it.each(CATEGORIES)('a %s record takes a typed licensing block', (category) => {
    const base = { name: 'm', baseline: 'stable_diffusion_xl', nsfw: false, parameters: 7 };
    const parsed = parseRecord(category, { ...base, licensing });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.record.licensing).toMatchObject({
      commercial_use: 'allowed',
      files: expect.any(Object),
    });
    // The file override gets the assignment defaults filled.
    expect(parsed.record.licensing?.files['vae.safetensors']).toMatchObject({
      obligations: [],
      evidence: [],
      license_ids: ['LicenseRef-Vae'],
    });
  });

  it('fills the defaults of a minimal NOASSERTION conclusion, as the service serves it', () => {
    const parsed = parseRecord('clip', {
      name: 'c',
      licensing: {
        license_expression: 'NOASSERTION',
        commercial_use: 'unknown',
        redistribution: 'unknown',
      },
    });
    expect(parsed.ok && parsed.record.licensing).toEqual({
      license_expression: 'NOASSERTION',
      license_ids: [],
      commercial_use: 'unknown',
      redistribution: 'unknown',
      obligations: [],
      evidence: [],
      files: {},
    });
  });

  it('keeps a permission status a later server adds (open), and unknown fields inside', () => {
    const parsed = parseRecord('clip', {
      name: 'c',
      licensing: { ...licensing, commercial_use: 'allowed_for_research', future_field: 1 },
    });
    expect(parsed.ok && parsed.record.licensing).toMatchObject({
      commercial_use: 'allowed_for_research',
      future_field: 1,
    });
  });

  it('reports a malformed licensing block as a field issue of that record only', () => {
    const { records, issues } = parseCategoryRecords('clip', {
      good: { name: 'good', licensing },
      bad: { name: 'bad', licensing: { commercial_use: 'allowed', redistribution: 'allowed' } },
      worse: { name: 'worse', licensing: { ...licensing, license_ids: 'MIT' } },
    });
    expect(Object.keys(records)).toEqual(['good']);
    expect(issues.map((i) => [i.key, i.issues[0]?.path])).toEqual([
      ['bad', 'licensing.license_expression'],
      ['worse', 'licensing.license_ids'],
    ]);
  });

  it('7.6 data has no licensing, and that is valid (null too)', () => {
    const parsed = parseRecord('clip', { name: 'c' });
    expect(parsed.ok && parsed.record.licensing).toBeUndefined();
    const explicit = parseRecord('clip', { name: 'c', licensing: null });
    expect(explicit.ok && explicit.record.licensing).toBeNull();
  });
});

describe('text records: context window, interaction modes, capabilities, guidance (76fc074e)', () => {
  const text = (extra: object) =>
    parseRecord('text_generation', { name: 'Org/M-7B', parameters: 7, ...extra });

  it('types the four fields and fills their defaults', () => {
    const parsed = text({
      context_window: { maximum_tokens: 32768 },
      interaction_modes: {
        chat: { status: 'supported' },
        completion: { status: 'unknown', qualification: 'base' },
      },
      capabilities: { tool_calling: { status: 'unsupported', sources: [{ url: 'https://x' }] } },
      guidance: { status: 'legacy_label' },
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.record.context_window).toEqual({ maximum_tokens: 32768, sources: [] });
    expect(parsed.record.interaction_modes?.chat).toEqual({ status: 'supported', sources: [] });
    expect(parsed.record.capabilities?.tool_calling?.sources).toEqual([{ url: 'https://x' }]);
    expect(parsed.record.guidance).toEqual({
      status: 'legacy_label',
      supplemental_profile_ids: [],
    });
  });

  it('refuses a context window below one token, as upstream does', () => {
    const parsed = text({ context_window: { maximum_tokens: 0 } });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.issues[0]?.path).toBe('context_window.maximum_tokens');
  });

  it('7.6 text records (none of the fields) stay valid', () => {
    const { issues } = parseCategoryRecords('text_generation', FIXTURE_V2.text_generation);
    expect(issues).toEqual([]);
  });
});

describe('image requirements.schedulers and the legacy karras flag (76fc074e)', () => {
  it.each([
    [
      'true becomes karras',
      { karras: true, clip_skip: 2 },
      { clip_skip: 2, schedulers: ['karras'] },
    ],
    ['false becomes normal', { karras: false }, { schedulers: ['normal'] }],
    ['an explicit list wins', { karras: true, schedulers: ['simple'] }, { schedulers: ['simple'] }],
    ['a non-boolean flag is dropped', { karras: 'yes', cfg_scale: 2 }, { cfg_scale: 2 }],
    ['nothing to do', { schedulers: ['beta'] }, { schedulers: ['beta'] }],
  ])('%s', (_, input, expected) => {
    const before = structuredClone(input);
    expect(normalizeSchedulerRequirements(input)).toEqual(expected);
    expect(input).toEqual(before); // never mutated
  });

  it('returns the very object when there is no karras key, and passes null/undefined through', () => {
    const requirements = { clip_skip: 1 };
    expect(normalizeSchedulerRequirements(requirements)).toBe(requirements);
    expect(normalizeSchedulerRequirements(null)).toBeNull();
    expect(normalizeSchedulerRequirements(undefined)).toBeUndefined();
  });

  it('normalises on parse, and keeps an unknown schedule (upstream only warns)', () => {
    const parse = (requirements: object) =>
      parseRecord('image_generation', { name: 'i', baseline: 'flux_1', nsfw: false, requirements });
    const legacy = parse({ karras: false, samplers: ['k_euler'] });
    expect(legacy.ok && legacy.record.requirements).toEqual({
      samplers: ['k_euler'],
      schedulers: ['normal'],
    });
    const unknown = parse({ schedulers: ['my_schedule'] });
    expect(unknown.ok && unknown.record.requirements?.schedulers).toEqual(['my_schedule']);
    const broken = parse({ schedulers: 'karras' });
    expect(!broken.ok && broken.issues[0]?.message).toMatch(/list of schedule names/);
  });

  it('the 8.x fixture stored with the legacy flag reads normalised; 7.6 fixtures are untouched', () => {
    const served = parseCategoryRecords('image_generation', FIXTURE_V2_8X.image_generation);
    expect(served.records['Stable Cascade Mini']?.requirements).toEqual({
      clip_skip: 1,
      schedulers: ['normal'],
    });
    const old = parseCategoryRecords('image_generation', FIXTURE_V2.image_generation);
    expect(old.records['Juggernaut Lightning']?.requirements?.schedulers).toEqual(['karras']);
    expect(old.records['Stable Cascade Mini']?.requirements).toBeUndefined();
  });
});

describe('the baseline catalog schema (24886069)', () => {
  it('fills record defaults and gives the baselines a null prototype', () => {
    const catalog = imageBaselineCatalogSchema.parse({
      baselines: {
        constructor: { name: 'constructor' },
        sdxl: { name: 'sdxl', native_resolution: 1024 },
      },
    });
    expect(catalog.metadata).toEqual({ schema_version: 1, revision: 1 });
    expect(Object.getPrototypeOf(catalog.baselines)).toBeNull();
    const named: string = 'constructor'; // a baseline named like an Object.prototype member
    expect(catalog.baselines[named]?.capabilities).toEqual({
      controlnet: false,
      controlnet_types_unavailable: [],
      transparent: false,
      qr_code: false,
      remix: false,
      flow_matching: false,
    });
    expect(catalog.baselines.sdxl?.alternative_names).toEqual([]);
  });

  it('refuses a key that is not its record name, and a resolution below 1', () => {
    expect(imageBaselineCatalogSchema.safeParse({ baselines: { a: { name: 'b' } } }).success).toBe(
      false,
    );
    expect(
      imageBaselineCatalogSchema.safeParse({
        baselines: { a: { name: 'a', native_resolution: 0 } },
      }).success,
    ).toBe(false);
  });
});

describe('every 8.x fixture record validates, and so does every 7.6 one', () => {
  it.each(CATEGORIES)('%s', (category) => {
    for (const data of [FIXTURE_V2[category], FIXTURE_V2_8X[category]]) {
      const { records, issues } = parseCategoryRecords(category, data);
      expect(issues).toEqual([]);
      expect(Object.keys(records)).toHaveLength(Object.keys(data).length);
    }
  });
});
