import { describe, expect, it } from 'vitest';
import { type Category, computeCategoryStatistics } from '../../src/index.js';
import { parseCategoryRecords } from '../../src/schemas.js';
import { HAS_REFERENCE_DATA, readReference, v2FileOf } from '../helpers/reference-data.js';

// Expected statistics computed from the raw reference data by an independent implementation of
// the server's documented rules (peer-service-api.md section 5.2), not by the code under test.
const EXPECTED: Record<string, Record<string, unknown>> = {
  image_generation: {
    total_models: 161,
    nsfw_count: 82,
    baseline_distribution: {
      stable_diffusion_1: {
        baseline: 'stable_diffusion_1',
        count: 106,
        percentage: 65.84,
      },
      stable_diffusion_xl: {
        baseline: 'stable_diffusion_xl',
        count: 49,
        percentage: 30.43,
      },
      stable_diffusion_2_768: {
        baseline: 'stable_diffusion_2_768',
        count: 4,
        percentage: 2.48,
      },
      stable_cascade: {
        baseline: 'stable_cascade',
        count: 1,
        percentage: 0.62,
      },
      flux_1: {
        baseline: 'flux_1',
        count: 1,
        percentage: 0.62,
      },
    },
    download_stats: {
      total_models_with_downloads: 161,
      total_download_entries: 162,
      total_size_bytes: 700483908653,
      models_with_size_info: 160,
      average_size_bytes: 4378024429.08,
      hosts: {
        'huggingface.co': 153,
        'civitai.com': 9,
      },
    },
    top_tags: [
      {
        tag: 'anime',
        count: 27,
        percentage: 16.77,
      },
      {
        tag: 'booru',
        count: 6,
        percentage: 3.73,
      },
      {
        tag: 'character',
        count: 6,
        percentage: 3.73,
      },
      {
        tag: 'hentai',
        count: 6,
        percentage: 3.73,
      },
      {
        tag: 'retro',
        count: 3,
        percentage: 1.86,
      },
      {
        tag: 'cg',
        count: 2,
        percentage: 1.24,
      },
      {
        tag: 'comic',
        count: 2,
        percentage: 1.24,
      },
      {
        tag: 'scenes',
        count: 1,
        percentage: 0.62,
      },
      {
        tag: 'sketch',
        count: 1,
        percentage: 0.62,
      },
      {
        tag: 'cartoon',
        count: 1,
        percentage: 0.62,
      },
    ],
    top_styles: [
      {
        tag: 'anime',
        count: 56,
        percentage: 34.78,
      },
      {
        tag: 'realistic',
        count: 34,
        percentage: 21.12,
      },
      {
        tag: 'artistic',
        count: 32,
        percentage: 19.88,
      },
      {
        tag: 'generalist',
        count: 24,
        percentage: 14.91,
      },
      {
        tag: 'other',
        count: 8,
        percentage: 4.97,
      },
      {
        tag: 'furry',
        count: 7,
        percentage: 4.35,
      },
    ],
    models_with_trigger_words: 24,
    models_with_inpainting: 8,
    models_with_requirements: 29,
    models_with_showcases: 73,
  },
  controlnet: {
    total_models: 18,
    nsfw_count: 0,
    baseline_distribution: {},
    download_stats: {
      total_models_with_downloads: 18,
      total_download_entries: 18,
      total_size_bytes: 0,
      models_with_size_info: 0,
      average_size_bytes: 0.0,
      hosts: {
        'huggingface.co': 18,
      },
    },
    top_tags: [],
    top_styles: [],
    models_with_trigger_words: 0,
    models_with_inpainting: 0,
    models_with_requirements: 0,
    models_with_showcases: 0,
  },
  esrgan: {
    total_models: 6,
    nsfw_count: 0,
    baseline_distribution: {},
    download_stats: {
      total_models_with_downloads: 6,
      total_download_entries: 6,
      total_size_bytes: 0,
      models_with_size_info: 0,
      average_size_bytes: 0.0,
      hosts: {
        'github.com': 3,
        'huggingface.co': 2,
        'nmkd.de': 1,
      },
    },
    top_tags: [],
    top_styles: [],
    models_with_trigger_words: 0,
    models_with_inpainting: 0,
    models_with_requirements: 0,
    models_with_showcases: 0,
  },
};

describe.skipIf(!HAS_REFERENCE_DATA)('statistics conformance with the server (real data)', () => {
  it.each(Object.keys(EXPECTED))('%s', (category) => {
    const raw = JSON.parse(readReference(`v2/${v2FileOf(category as Category)}`));
    const records = parseCategoryRecords(category as Category, raw).records;
    expect(computeCategoryStatistics(category as Category, records)).toMatchObject(
      EXPECTED[category] as object,
    );
  });

  it('text: the same counts as the server, and parameter buckets the server cannot fill (documented difference)', () => {
    const records = parseCategoryRecords(
      'text_generation',
      JSON.parse(readReference('v2/text_generation.json')),
    ).records;
    const stats = computeCategoryStatistics('text_generation', records);
    expect(stats.total_models).toBe(719);
    expect(stats.nsfw_count).toBe(0);
    // The server reports models_without_param_info = 719 and parameter_buckets = [].
    expect(stats.models_without_param_info).toBe(0);
    expect(stats.parameter_buckets.reduce((sum, b) => sum + b.count, 0)).toBe(719);
  });
});
