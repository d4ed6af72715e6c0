import { describe, expect, it } from 'vitest';
import {
  diffManifests,
  downloadManifest,
  downloadManifests,
  InvalidOptionsError,
  searchRecords,
  selectModels,
} from '../../src/index.js';
import { type ImageGenerationRecord, parseCategoryRecords } from '../../src/schemas.js';
import { FIXTURE_V2 } from '../../src/testing.js';

const images = parseCategoryRecords('image_generation', FIXTURE_V2.image_generation).records;
const albedo = images['AlbedoBase XL (SDXL)'] as ImageGenerationRecord;

function withFiles(record: ImageGenerationRecord, download: object[]): ImageGenerationRecord {
  return { ...record, config: { ...record.config, download } } as ImageGenerationRecord;
}

const file = (over: object = {}) => ({
  file_name: 'model.safetensors',
  file_url: 'https://example.test/model.safetensors',
  sha256sum: 'AB'.repeat(32),
  size_bytes: 100,
  ...over,
});

describe('downloadManifest', () => {
  it('lists every file with URL, lower-case sha256, size, purpose and slow flag', () => {
    const record = withFiles(albedo, [
      file({ file_purpose: 'vae', known_slow_download: true }),
      file({ file_name: 'te.safetensors', sha256sum: 'FIXME', size_bytes: 50 }),
    ]);
    expect(downloadManifest(record)).toEqual({
      name: 'AlbedoBase XL (SDXL)',
      files: [
        {
          fileName: 'model.safetensors',
          url: 'https://example.test/model.safetensors',
          sha256: 'ab'.repeat(32),
          sizeBytes: 100,
          purpose: 'vae',
          slow: true,
        },
        {
          fileName: 'te.safetensors',
          url: 'https://example.test/model.safetensors',
          sha256: null,
          sizeBytes: 50,
          purpose: null,
          slow: false,
        },
      ],
      totalBytes: 150,
    });
  });

  it('treats a non-hex sha256 and an empty URL as unknown', () => {
    const [only] = downloadManifest(
      withFiles(albedo, [file({ sha256sum: 'n/a', file_url: '' })]),
    ).files;
    expect(only?.sha256).toBeNull();
    expect(only?.url).toBeNull();
  });

  it('falls back to size_on_disk_bytes when a file size is unknown, else null', () => {
    expect(downloadManifest(albedo).totalBytes).toBe(6938040682);
    const unsized = { ...albedo, size_on_disk_bytes: null } as ImageGenerationRecord;
    expect(downloadManifest(unsized).totalBytes).toBeNull();
  });
});

describe('diffManifests', () => {
  const base = { a: withFiles(albedo, [file()]), b: withFiles(albedo, [file()]) };
  const before = downloadManifests(base);

  it('asks to re-download a model whose file hash changed, not one whose text changed', () => {
    const after = downloadManifests({
      a: withFiles(albedo, [file({ sha256sum: 'CD'.repeat(32) })]),
      b: { ...base.b, description: 'only the description moved' },
      c: withFiles(albedo, [file()]),
    });
    expect(diffManifests(before, after)).toEqual({
      added: ['c'],
      removed: [],
      redownload: ['a'],
      unchanged: ['b'],
    });
  });

  it('without hashes, compares URL and size; a changed set of files is a re-download', () => {
    const noHash = downloadManifests({ a: withFiles(albedo, [file({ sha256sum: 'FIXME' })]) });
    const moved = downloadManifests({
      a: withFiles(albedo, [file({ sha256sum: 'FIXME', file_url: 'https://mirror.test/m' })]),
    });
    expect(diffManifests(noHash, moved).redownload).toEqual(['a']);
    const extra = downloadManifests({ a: withFiles(albedo, [file(), file({ file_name: 'x' })]) });
    expect(diffManifests(downloadManifests({ a: base.a }), extra).redownload).toEqual(['a']);
    expect(diffManifests(before, downloadManifests({ a: base.a })).removed).toEqual(['b']);
  });

  it('with hashes on both sides, a new URL for the same content is not a re-download', () => {
    const mirrored = downloadManifests({
      a: withFiles(albedo, [file({ file_url: 'https://m/x' })]),
    });
    expect(diffManifests(downloadManifests({ a: base.a }), mirrored).unchanged).toEqual(['a']);
  });
});

describe('selectModels', () => {
  const names = (selection: Parameters<typeof selectModels>[1]) =>
    selectModels(images, selection).map((r) => r.name);

  it('selects by supported baselines, in catalogue order', () => {
    expect(names({ baselines: ['stable_diffusion_xl'] })).toEqual([
      'AlbedoBase XL (SDXL)',
      'Juggernaut Lightning',
      'Pony Grimdark',
    ]);
  });

  it('excludes baselines this SDK does not know unless opted in', () => {
    const future = { ...albedo, name: 'Future', baseline: 'brand_new_baseline' };
    const all = { ...images, Future: future } as Record<string, ImageGenerationRecord>;
    expect(selectModels(all).map((r) => r.name)).not.toContain('Future');
    expect(selectModels(all, { includeUnknownBaselines: true }).map((r) => r.name)).toContain(
      'Future',
    );
    expect(selectModels(all, { baselines: ['brand_new_baseline'] }).map((r) => r.name)).toEqual([
      'Future',
    ]);
  });

  it('filters SFW/NSFW (the vocabulary of search) and inpainting', () => {
    const nsfwOnly = ['Realistic Vision Inpainting', 'Juggernaut Lightning', 'Pony Grimdark'];
    expect(names({ nsfw: true })).toEqual(nsfwOnly);
    const sfw = names({ nsfw: false });
    expect(sfw.filter((name) => nsfwOnly.includes(name))).toEqual([]);
    expect([...sfw, ...nsfwOnly].sort()).toEqual(names({}).sort());
    expect(names({ nsfw: undefined })).toEqual(names({}));
    // The same answers as search's nsfw filter.
    for (const nsfw of [true, false])
      expect(names({ nsfw })).toEqual(
        searchRecords('image_generation', images, { nsfw, limit: 500 }).results.map((r) => r.name),
      );
    // The 0.1 spelling, deprecated, still means the same.
    expect(names({ nsfw: 'only' })).toEqual(nsfwOnly);
    expect(names({ nsfw: 'exclude' })).toEqual(sfw);
    expect(names({ nsfw: 'include' })).toEqual(names({}));
    expect(names({ inpainting: true })).toEqual(['Realistic Vision Inpainting']);
    expect(names({ inpainting: false })).not.toContain('Realistic Vision Inpainting');
  });

  it('caps the download size, leaving out models of unknown size', () => {
    expect(names({ maxSizeBytes: 2_300_000_000 })).toEqual([
      'Ghibli Style',
      'Realistic Vision Inpainting',
    ]);
  });

  it('applies allow and deny lists, deny winning', () => {
    expect(names({ allow: ['Ghibli Style', 'Pony Grimdark'], deny: ['Pony Grimdark'] })).toEqual([
      'Ghibli Style',
    ]);
  });

  it('rejects a negative size cap with a typed error', () => {
    expect(() => selectModels(images, { maxSizeBytes: -1 })).toThrow(InvalidOptionsError);
  });
});
