import { CATEGORIES, CATEGORY_DESCRIPTORS, type Category } from '../categories.js';
import { LEGACY_AUXILIARY, V2_AUXILIARY } from './fixtures/auxiliary.js';
import { LEGACY_IMAGE_GENERATION, V2_IMAGE_GENERATION } from './fixtures/image-generation.js';
import { MODELS_CSV, TEXT_DB_JSON, V2_TEXT_GENERATION } from './fixtures/text-generation.js';

/** JSON as a fixture category holds it: records keyed by name (or by legacy key). */
export type FixtureCategory = Readonly<Record<string, unknown>>;

const ANNOTATOR_URL = 'https://huggingface.co/fixtures/annotators/resolve/main';

/**
 * A small hand-made v2 dataset for every category, as a PRIMARY serves it from
 * `/model_references/v2/{category}`. Categories without data are `{}`, as on the real server.
 * Not real catalogue data: names, hashes and URLs are made up.
 */
export const FIXTURE_V2: Readonly<Record<Category, FixtureCategory>> = Object.freeze({
  ...(Object.fromEntries(CATEGORIES.map((c) => [c, {}])) as Record<Category, FixtureCategory>),
  ...(V2_AUXILIARY as Record<Category, FixtureCategory>),
  image_generation: V2_IMAGE_GENERATION,
  text_generation: V2_TEXT_GENERATION,
  controlnet_annotator: {
    depth_anything: {
      record_type: 'controlnet_annotator',
      name: 'depth_anything',
      description: 'Monocular depth estimation.',
      metadata: { schema_version: '2.0.0', created_at: 1767225600, created_by: 'fixture#1' },
      config: {
        download: [
          {
            file_name: 'annotators/depth_anything_vitl14.pth',
            file_url: `${ANNOTATOR_URL}/depth_anything_vitl14.pth`,
            sha256sum: 'FIXME',
            size_bytes: 1341000000,
          },
        ],
      },
      model_classification: { domain: 'image', purpose: 'auxiliary_or_patch' },
      control_types: ['depth'],
      preprocessors: ['DepthAnythingPreprocessor'],
    },
  },
});

/** The legacy (v1) data of the same models. */
export interface FixtureLegacy {
  /** Raw files as GitHub serves them, by file name (`stable_diffusion.json`, `models.csv`, ...). */
  readonly files: Readonly<Record<string, string>>;
  /** What the PRIMARY's `/model_references/v1/{category}` answers (text in the db.json shape). */
  readonly v1: Readonly<Partial<Record<Category, unknown>>>;
}

const legacyJson: Partial<Record<Category, unknown>> = {
  ...LEGACY_AUXILIARY,
  image_generation: LEGACY_IMAGE_GENERATION,
};

/**
 * The fixture models in their legacy forms; converting them gives {@link FIXTURE_V2} (a test
 * proves it). `lora.json` is `[]`, as in the real image repository.
 */
export const FIXTURE_LEGACY: FixtureLegacy = Object.freeze({
  files: Object.freeze({
    ...Object.fromEntries(
      Object.entries(legacyJson).map(([category, data]) => [
        CATEGORY_DESCRIPTORS[category as Category].legacy?.file,
        `${JSON.stringify(data, null, 4)}\n`,
      ]),
    ),
    'models.csv': MODELS_CSV,
    'lora.json': '[]\n',
  }),
  v1: Object.freeze({ ...legacyJson, text_generation: TEXT_DB_JSON }),
});
