import { describe, expect, it } from 'vitest';
import { computeCategoryStatistics } from '../../src/index.js';
import { parseCategoryRecords } from '../../src/schemas.js';
import { FIXTURE_V2 } from '../../src/testing.js';
import { roundTo2 } from '../../src/util/python-round.js';
import { setup } from '../helpers/manager.js';

describe('computeCategoryStatistics', () => {
  it('computes the server CategoryStatistics for image models (expectations counted by hand)', () => {
    const records = parseCategoryRecords('image_generation', FIXTURE_V2.image_generation).records;
    const stats = computeCategoryStatistics('image_generation', records, 1_800_000_000_000);
    expect(stats).toMatchObject({
      category: 'image_generation',
      total_models: 8,
      returned_models: 8,
      offset: 0,
      limit: null,
      nsfw_count: 3,
      sfw_count: 5,
      models_with_trigger_words: 1,
      models_with_inpainting: 1,
      models_with_requirements: 1,
      models_with_showcases: 1,
      parameter_buckets: [],
      models_without_param_info: 0,
      computed_at: 1_800_000_000,
    });
    expect(Object.values(stats.baseline_distribution)).toEqual([
      { baseline: 'stable_diffusion_xl', count: 3, percentage: 37.5 },
      { baseline: 'stable_diffusion_1', count: 2, percentage: 25 },
      { baseline: 'stable_cascade', count: 1, percentage: 12.5 },
      { baseline: 'stable_diffusion_2_768', count: 1, percentage: 12.5 },
      { baseline: 'flux_1', count: 1, percentage: 12.5 },
    ]);
    expect(stats.download_stats).toEqual({
      total_models_with_downloads: 8,
      total_download_entries: 9,
      total_size_bytes:
        6938040682 + 2132856622 + 2299809862 + 7105349958 + 9400000000 + 2580068692 + 17246524772,
      models_with_size_info: 7,
      average_size_bytes: 6814664369.71,
      hosts: { 'huggingface.co': 8, 'civitai.com': 1 },
    });
    expect(stats.top_tags.slice(0, 2)).toEqual([
      { tag: 'anime', count: 2, percentage: 25 },
      { tag: 'retro', count: 1, percentage: 12.5 },
    ]);
    expect(stats.top_styles[0]).toEqual({ tag: 'generalist', count: 3, percentage: 37.5 });
  });

  it('fills text parameter buckets from `parameters` (the server reads a key raw data lacks)', () => {
    const records = parseCategoryRecords('text_generation', FIXTURE_V2.text_generation).records;
    const stats = computeCategoryStatistics('text_generation', records);
    expect(stats.parameter_buckets.map((b) => [b.bucket_label, b.count, b.percentage])).toEqual([
      ['< 3B', 2, 28.57],
      ['6B-9B', 3, 42.86],
      ['13B-20B', 1, 14.29],
      ['> 70B', 1, 14.29],
    ]);
    expect(stats.parameter_buckets.at(-1)?.max_params).toBeNull();
    expect(stats.models_without_param_info).toBe(0);
  });

  it('a category with no records: zeros where the server answers 404 (documented)', async () => {
    const stats = computeCategoryStatistics('video_generation', {}, 1_700_000_000_000);
    expect(stats).toEqual({
      category: 'video_generation',
      total_models: 0,
      returned_models: 0,
      offset: 0,
      limit: null,
      nsfw_count: 0,
      sfw_count: 0,
      baseline_distribution: {},
      download_stats: {
        total_models_with_downloads: 0,
        total_download_entries: 0,
        total_size_bytes: 0,
        models_with_size_info: 0,
        average_size_bytes: 0,
        hosts: {},
      },
      top_tags: [],
      top_styles: [],
      parameter_buckets: [],
      models_without_param_info: 0,
      models_with_trigger_words: 0,
      models_with_inpainting: 0,
      models_with_requirements: 0,
      models_with_showcases: 0,
      computed_at: 1_700_000_000,
    });
    // Through the manager too: the stand-in serves {} for a category without data.
    const { refs } = setup();
    expect(await refs.statistics('video_generation')).toMatchObject({
      total_models: 0,
      nsfw_count: 0,
      baseline_distribution: {},
    });
    await refs.close();
  });

  it('rounds percentages half to even, like Python', () => {
    // Python: round(0.125, 2) == 0.12, round(0.375, 2) == 0.38, round(2.675, 2) == 2.67 (binary
    // 2.67499...), round(1.005, 2) == 1.0, round(28.571428, 2) == 28.57.
    expect([0.125, 0.375, 2.675, 1.005, 200 / 7, 12.5].map(roundTo2)).toEqual([
      0.12, 0.38, 2.67, 1, 28.57, 12.5,
    ]);
  });
});
