// The component identities the reference library (since 7.1) carries through legacy conversion
// (legacy_converters.py `_convert_model_record_config`): `files[].content_hash` becomes
// `download[].content_hash`, and `config.embedded_component_hashes` is kept; both typed in v2.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { RecordOf } from '../../src/index.js';
import { convertLegacyFile, parseCategoryRecords } from '../../src/schemas.js';

const VAE = 'a'.repeat(64);
const ENCODER = 'b'.repeat(64);
const EMBEDDED_VAE = 'c'.repeat(64);
const url = (file: string) => `https://huggingface.co/org/repo/resolve/main/${file}`;

// A legacy stable_diffusion.json as a 7.1+ PRIMARY writes it: one split-file model whose component
// files carry their content hash, one monolithic checkpoint declaring what it embeds.
const LEGACY = JSON.stringify({
  'Split Model': {
    name: 'Split Model',
    baseline: 'flux_1',
    type: 'ckpt',
    inpainting: false,
    nsfw: false,
    config: {
      files: [
        { path: 'split.safetensors', sha256sum: 'd'.repeat(64) },
        {
          path: 'split_vae.safetensors',
          sha256sum: 'e'.repeat(64),
          file_type: 'vae',
          content_hash: VAE,
        },
        {
          path: 'split_t5.safetensors',
          sha256sum: 'f'.repeat(64),
          file_type: 'text_encoders',
          content_hash: ENCODER,
        },
      ],
      download: [
        { file_name: 'split.safetensors', file_path: '', file_url: url('split.safetensors') },
        {
          file_name: 'split_vae.safetensors',
          file_path: '',
          file_url: url('split_vae.safetensors'),
        },
        { file_name: 'split_t5.safetensors', file_path: '', file_url: url('split_t5.safetensors') },
      ],
    },
  },
  Monolith: {
    name: 'Monolith',
    baseline: 'stable_diffusion_xl',
    type: 'ckpt',
    nsfw: true,
    config: {
      files: [{ path: 'monolith.safetensors', sha256sum: '1'.repeat(64) }],
      download: [{ file_name: 'monolith.safetensors', file_url: url('monolith.safetensors') }],
      embedded_component_hashes: { vae: EMBEDDED_VAE },
    },
  },
});

describe('component hashes through legacy conversion', () => {
  const { records, issues } = convertLegacyFile('image_generation', LEGACY);
  const parsed = parseCategoryRecords('image_generation', records);

  it('files[].content_hash becomes download[].content_hash, per file; none where there was none', () => {
    expect(issues).toEqual([]);
    expect(parsed.issues).toEqual([]);
    const split = parsed.records['Split Model'];
    expect(
      split?.config.download.map((d) => [d.file_name, d.file_purpose, d.content_hash]),
    ).toEqual([
      ['split.safetensors', undefined, undefined],
      ['split_vae.safetensors', 'vae', VAE],
      ['split_t5.safetensors', 'text_encoders', ENCODER],
    ]);
    expect(split?.config.embedded_component_hashes).toBeUndefined();
  });

  it('config.embedded_component_hashes is kept as it was', () => {
    const monolith = parsed.records.Monolith;
    expect(monolith?.config.embedded_component_hashes).toEqual({ vae: EMBEDDED_VAE });
    expect(monolith?.config.download[0]?.content_hash).toBeUndefined();
  });

  it('both fields are typed, optional, on every record', () => {
    type Config = RecordOf<'clip'>['config'];
    expectTypeOf<Config['embedded_component_hashes']>().toEqualTypeOf<
      Readonly<Record<string, string>> | null | undefined
    >();
    expectTypeOf<Config['download'][number]['content_hash']>().toEqualTypeOf<
      string | null | undefined
    >();
  });

  it('the same in a category converted by the base converter (clip)', () => {
    const clip = convertLegacyFile(
      'clip',
      JSON.stringify({
        'ViT-X': {
          name: 'ViT-X',
          type: 'clip',
          config: {
            files: [{ path: 'vit.pt', sha256sum: '2'.repeat(64), content_hash: VAE }],
            download: [{ file_name: 'vit.pt', file_url: url('vit.pt') }],
            embedded_component_hashes: { text_encoders: ENCODER },
          },
        },
      }),
    );
    expect(clip.issues).toEqual([]);
    const record = parseCategoryRecords('clip', clip.records).records['ViT-X'];
    expect(record?.config.download[0]?.content_hash).toBe(VAE);
    expect(record?.config.embedded_component_hashes).toEqual({ text_encoders: ENCODER });
  });
});
