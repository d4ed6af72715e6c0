// The image baselines as published by the service's catalog at Haidra-Org/horde-model-reference
// commit 24886069 (data/baselines/catalog.json, revision 1). This is this project's own table of
// the facts a worker needs, not a copy of that AGPL-3.0 file: the pricing policy and edit
// metadata are left out. Why, and how to compare it with a served catalog: docs/upstream-8x.md.
import type {
  BaselineCapabilities,
  ImageBaselineCatalog,
  ImageBaselineRecord,
} from '../schemas/baseline-catalog.js';

/** The upstream commit the bundled facts follow. */
export const BUNDLED_BASELINES_COMMIT = '24886069934639972f589f50c0d306f16cfaf1f6';

type Capability = Exclude<keyof BaselineCapabilities, 'controlnet_types_unavailable'>;

function baseline(
  name: string,
  display_name: string,
  native_resolution: number | null,
  alternative_names: readonly string[],
  capabilities: readonly Capability[] = [],
  controlnet_types_unavailable: readonly string[] = [],
): ImageBaselineRecord {
  const has = (capability: Capability) => capabilities.includes(capability);
  return Object.freeze({
    name,
    display_name,
    native_resolution,
    alternative_names: Object.freeze([...alternative_names]) as string[],
    capabilities: Object.freeze({
      controlnet: has('controlnet'),
      controlnet_types_unavailable: Object.freeze([...controlnet_types_unavailable]) as string[],
      transparent: has('transparent'),
      qr_code: has('qr_code'),
      remix: has('remix'),
      flow_matching: has('flow_matching'),
    }),
  });
}

const SD1_NAMES = ['stable diffusion 1', 'stable diffusion 1.4', 'stable diffusion 1.5'];
const SD1_SHORT = ['SD1', 'SD14', 'SD1.4', 'SD15', 'SD1.5'];
const SD1_SNAKE = ['stable_diffusion', 'stable_diffusion_1', 'stable_diffusion_1.4'];
const SD2_NO_CONTROLNET = ['normal', 'mlsd', 'hough'];
const FLOW = ['controlnet', 'flow_matching'] as const;

const RECORDS: readonly ImageBaselineRecord[] = [
  baseline('infer', 'Inferred', null, []),
  baseline(
    'stable_diffusion_1',
    'Stable Diffusion 1',
    512,
    [...SD1_NAMES, ...SD1_SHORT, ...SD1_SNAKE, 'stable_diffusion_1.5'],
    ['controlnet', 'transparent', 'qr_code'],
  ),
  baseline(
    'stable_diffusion_2_768',
    'Stable Diffusion 2 (768)',
    768,
    [],
    ['controlnet'],
    SD2_NO_CONTROLNET,
  ),
  baseline(
    'stable_diffusion_2_512',
    'Stable Diffusion 2 (512)',
    512,
    [],
    ['controlnet'],
    SD2_NO_CONTROLNET,
  ),
  baseline(
    'stable_diffusion_xl',
    'Stable Diffusion XL',
    1024,
    ['stable diffusion xl', 'SDXL', 'stable_diffusion_xl'],
    ['controlnet', 'transparent', 'qr_code'],
  ),
  baseline(
    'stable_cascade',
    'Stable Cascade',
    1024,
    ['stable_cascade', 'stable cascade'],
    ['remix'],
  ),
  baseline('flux_1', 'Flux.1', 1024, [], FLOW),
  baseline('flux_schnell', 'Flux.1 Schnell', 1024, ['flux_schnell', 'flux schnell'], FLOW),
  baseline('flux_dev', 'Flux.1 Dev', 1024, ['flux_dev', 'flux dev'], FLOW),
  baseline(
    'qwen_image',
    'Qwen-Image',
    1024,
    ['qwen_image', 'qwen image', 'qwen-image', 'qwen'],
    ['flow_matching'],
  ),
  baseline('z_image_turbo', 'Z-Image Turbo', 1024, [
    'z_image_turbo',
    'z image turbo',
    'zimage-turbo',
    'zimage',
  ]),
  baseline('krea2_turbo', 'Krea 2 Turbo', 1024, ['krea_2_turbo', 'krea2']),
  baseline('anima', 'Anima', 1024, ['anima_base', 'anima_aesthetic', 'anima_turbo']),
];

/**
 * The baseline catalog bundled with this SDK (the facts of the service's catalog at
 * {@link BUNDLED_BASELINES_COMMIT}, revision 1): the fallback when no served catalog is at hand.
 * Deeply frozen; its `baselines` object has a null prototype.
 */
export const BUNDLED_BASELINE_CATALOG: ImageBaselineCatalog = Object.freeze({
  metadata: Object.freeze({ schema_version: 1, revision: 1, updated_at: null }),
  baselines: Object.freeze(
    Object.assign(
      Object.create(null) as Record<string, ImageBaselineRecord>,
      Object.fromEntries(RECORDS.map((record) => [record.name, record])),
    ),
  ),
});
