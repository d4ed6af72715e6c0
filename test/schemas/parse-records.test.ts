import { describe, expect, it } from 'vitest';
import { parseCategoryRecords, parseRecord, RECORD_SCHEMAS } from '../../src/schemas.js';
import { FIXTURE_V2 } from '../../src/testing.js';

const image = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  baseline: 'stable_diffusion_xl',
  nsfw: false,
  ...extra,
});

describe('parseCategoryRecords', () => {
  it('validates every fixture record of every category with zero issues', () => {
    for (const [category, data] of Object.entries(FIXTURE_V2)) {
      const { records, issues } = parseCategoryRecords(category as keyof typeof FIXTURE_V2, data);
      expect(issues, category).toEqual([]);
      expect(Object.keys(records).length, category).toBe(Object.keys(data).length);
    }
  });

  it('fills the defaults the reference library fills, per category', () => {
    const { records } = parseCategoryRecords('image_generation', { a: image('a') });
    expect(records.a).toMatchObject({
      record_type: 'image_generation',
      metadata: { schema_version: '2.0.0' },
      config: { download: [] },
      model_classification: { domain: 'image', purpose: 'generation' },
      inpainting: false,
      tags: [],
      showcases: [],
      trigger: [],
    });
    const text = parseRecord('text_generation', { name: 't', parameters: 7 });
    expect(text.ok && text.record).toMatchObject({ nsfw: false, record_type: 'text_generation' });
    const clip = parseRecord('clip', { name: 'c' });
    expect(clip.ok && clip.record.model_classification).toEqual({
      domain: 'image',
      purpose: 'feature_extractor',
    });
  });

  it('keeps an explicit null inpainting (search excludes it from both true and false)', () => {
    const { records } = parseCategoryRecords('image_generation', {
      a: image('a', { inpainting: null }),
    });
    expect(records.a?.inpainting).toBeNull();
  });

  it('skips and reports one invalid record without hiding the others', () => {
    const { records, issues } = parseCategoryRecords('image_generation', {
      good: image('good'),
      bad: image('bad', { nsfw: 'yes', baseline: 42 }),
    });
    expect(Object.keys(records)).toEqual(['good']);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ category: 'image_generation', key: 'bad', name: 'bad' });
    expect(issues[0]?.issues.map((i) => i.path).sort()).toEqual(['baseline', 'nsfw']);
  });

  it('reports a record that is not an object, naming its key', () => {
    const { issues } = parseCategoryRecords('clip', { broken: 'not a record' });
    expect(issues).toEqual([
      {
        category: 'clip',
        key: 'broken',
        issues: [{ path: '(record)', message: expect.any(String) }],
      },
    ]);
  });

  it('re-keys by name, into a null-prototype object where __proto__ and constructor are plain keys', () => {
    const raw = JSON.parse(
      '{"__proto__": {"name": "__proto__"}, "k": {"name": "constructor"}, "control_qr_sdxl": {"name": "control_qr_xl"}}',
    );
    const { records, issues } = parseCategoryRecords('controlnet', raw);
    expect(issues).toEqual([]);
    expect(Object.getPrototypeOf(records)).toBeNull();
    expect(Object.keys(records).sort()).toEqual(['__proto__', 'constructor', 'control_qr_xl']);
    const protoName = ['__', 'proto', '__'].join('');
    expect(records[protoName]?.record_type).toBe('controlnet');
    expect(({} as Record<string, unknown>).name).toBeUndefined();
  });

  it('accepts an empty array as an empty category, and rejects other non-objects with a TypeError', () => {
    expect(parseCategoryRecords('lora', []).records).toEqual({});
    expect(() => parseCategoryRecords('lora', [1])).toThrow(
      /JSON object of records.*an array of 1/,
    );
    expect(() => parseCategoryRecords('clip', '<html>')).toThrow(TypeError);
    expect(() => parseCategoryRecords('clip', null)).toThrow(/got null/);
  });
});

describe('record schemas', () => {
  it('accept what the real data contains', () => {
    const result = parseRecord('image_generation', {
      ...image('x', { baseline: 'a_baseline_from_next_year', style: ' anime ' }),
      tags: [' anime', 'retro '],
      requirements: { max_cfg_scale: 2.5, samplers: ['k_euler'], clip_skip: 2 },
      config: {
        download: [
          { file_name: 'x.safetensors', file_url: '', sha256sum: 'ABCDEF' },
          { file_name: 'y.json', file_url: 'https://h/y.json' },
        ],
      },
      field_from_the_future: { kept: true },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record.baseline).toBe('a_baseline_from_next_year');
    expect(result.record.style).toBe('anime');
    expect(result.record.tags).toEqual(['anime', 'retro']);
    expect(result.record.config.download.map((d) => d.sha256sum)).toEqual(['ABCDEF', 'FIXME']);
    expect((result.record as unknown as Record<string, unknown>).field_from_the_future).toEqual({
      kept: true,
    });
  });

  it('accept parameters_count and hold it as parameters', () => {
    const result = parseRecord('text_generation', { name: 'a/b', parameters_count: 7000000000 });
    expect(result.ok && result.record.parameters).toBe(7000000000);
    expect(result.ok && 'parameters_count' in result.record).toBe(false);
    expect(parseRecord('text_generation', { name: 'a/b', parameters: 7.5 }).ok).toBe(false);
    expect(parseRecord('text_generation', { name: 'a/b' }).ok).toBe(false);
  });

  it('reject a settings value that is a nested object, naming the field', () => {
    const result = parseRecord('text_generation', {
      name: 'a',
      parameters: 1,
      settings: { x: { y: 1 } },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]?.path).toBe('settings.x');
  });

  it('reject a malformed metadata or download entry with a message that says what is expected', () => {
    const bad = parseRecord('clip', { name: 'c', metadata: { created_at: 'yesterday' } });
    expect(!bad.ok && bad.issues[0]).toMatchObject({
      path: 'metadata',
      message: expect.stringMatching(/Unix seconds/),
    });
    const badDownload = parseRecord('clip', {
      name: 'c',
      config: { download: [{ file_name: 1 }] },
    });
    expect(!badDownload.ok && badDownload.issues[0]?.path).toBe('config.download.0');
  });

  it('exist for all 15 categories', () => {
    expect(Object.keys(RECORD_SCHEMAS)).toHaveLength(15);
  });
});
