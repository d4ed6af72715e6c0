// Search parameters typed per category, in every place that takes them: the manager, searchRecords
// and the API client; searchAll keeps the union. `tsc --noEmit` checks this file: each
// `@ts-expect-error` fails the type check when the line it marks compiles.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ApiClient } from '../../src/api.js';
import {
  type BaselineOf,
  type ModelReferenceManager,
  type ModelSelection,
  type QueryOf,
  type RecordOf,
  type SearchAllParams,
  type SearchParams,
  type SortField,
  searchRecords,
  selectModels,
} from '../../src/index.js';
import type { ModelRecord } from '../../src/schemas/record-schemas.js';
import { type ImageBaseline, parseCategoryRecords } from '../../src/schemas.js';
import { FIXTURE_V2 } from '../../src/testing.js';

const images = parseCategoryRecords('image_generation', FIXTURE_V2.image_generation).records;
const clips = parseCategoryRecords('clip', FIXTURE_V2.clip).records;

describe('SearchParams<C>', () => {
  it('baseline is the category open enum: known names, any string, nothing where there is none', () => {
    expectTypeOf<BaselineOf<'image_generation'>>().toEqualTypeOf<ImageBaseline>();
    expectTypeOf<'stable_diffusion_xl'>().toExtend<BaselineOf<'image_generation'>>();
    expectTypeOf<'a_baseline_from_next_year'>().toExtend<BaselineOf<'image_generation'>>();
    expectTypeOf<BaselineOf<'text_generation'>>().toEqualTypeOf<string>();
    expectTypeOf<BaselineOf<'clip'>>().toBeNever();
    expectTypeOf<SearchParams<'image_generation'>['baseline']>().toEqualTypeOf<
      ImageBaseline | undefined
    >();
    expectTypeOf<SearchParams<'clip'>['baseline']>().toEqualTypeOf<undefined>();
  });

  it('text-only filters on text_generation only, image-only ones on image_generation only', () => {
    const text: SearchParams<'text_generation'> = {
      backend: 'koboldcpp',
      quantized: false,
      excludeBackendVariations: true,
      nsfw: false,
      sortBy: 'parameters_count',
    };
    const image: SearchParams<'image_generation'> = { inpainting: false, nsfw: true, tagsAny: [] };
    // @ts-expect-error: inpainting is image only
    const inpaintingOnText: SearchParams<'text_generation'> = { inpainting: true };
    // @ts-expect-error: backend is text only
    const backendOnImage: SearchParams<'image_generation'> = { backend: 'koboldcpp' };
    // @ts-expect-error: quantized is text only
    const quantizedOnVideo: SearchParams<'video_generation'> = { quantized: true };
    // @ts-expect-error: clip records have no nsfw
    const nsfwOnClip: SearchParams<'clip'> = { nsfw: false };
    // @ts-expect-error: esrgan records have no tags
    const tagsOnEsrgan: SearchParams<'esrgan'> = { tagsAll: ['x'] };
    expect([
      text,
      image,
      inpaintingOnText,
      backendOnImage,
      quantizedOnVideo,
      nsfwOnClip,
    ]).toHaveLength(6);
    expect(tagsOnEsrgan).toBeDefined();
  });

  it("sortBy is one of the category's field paths", () => {
    expectTypeOf<'requirements__clip_skip'>().toExtend<SortField<'image_generation'>>();
    expectTypeOf<'metadata__updated_at'>().toExtend<SortField<'clip'>>();
    expectTypeOf<'config__download'>().toExtend<SortField<'clip'>>();
    expectTypeOf<'parameters_count'>().toExtend<SortField<'text_generation'>>();
    expectTypeOf<'parameters'>().toExtend<SortField<'text_generation'>>();
    expectTypeOf<'parameters_count'>().not.toExtend<SortField<'image_generation'>>();
    expectTypeOf<'config__nonexistent'>().not.toExtend<SortField<'image_generation'>>();
    // An object is not orderable itself: only its keys are paths.
    expectTypeOf<'metadata'>().not.toExtend<SortField<'clip'>>();
    // @ts-expect-error: not a field of image records
    const nope: SearchParams<'image_generation'> = { sortBy: 'nope' };
    // @ts-expect-error: controlnet_style is a controlnet field
    const style: SearchParams<'clip'> = { sortBy: 'controlnet_style' };
    expect([nope, style]).toHaveLength(2);
  });

  it('without a category (known only at run time) every parameter is accepted, checked when it runs', () => {
    const wide: SearchParams = {
      nsfw: true,
      baseline: 'anything',
      inpainting: true,
      backend: 'aphrodite',
      sortBy: 'controlnet_style',
    };
    const category = 'clip' as RecordOf<'clip'>['record_type'] as 'clip' | 'image_generation';
    expectTypeOf<SearchParams<typeof category>['inpainting']>().toEqualTypeOf<
      boolean | undefined
    >();
    expect(wide.nsfw).toBe(true);
  });

  it('SearchAllParams: the shared filters, the generic fields, no category-only parameter', () => {
    const all: SearchAllParams = {
      nsfw: false,
      sortBy: 'size_on_disk_bytes',
      commercialUse: 'allowed',
    };
    // @ts-expect-error: baseline is not a cross-category parameter
    const baseline: SearchAllParams = { baseline: 'flux_1' };
    // @ts-expect-error: not every record has a baseline to sort by
    const sortBaseline: SearchAllParams = { sortBy: 'baseline' };
    expect([all, baseline, sortBaseline]).toHaveLength(3);
  });
});

describe('the same typing wherever search is called', () => {
  it('searchRecords: typed by its category, results of its record type', () => {
    const page = searchRecords('image_generation', images, {
      baseline: 'stable_diffusion_xl',
      sortBy: 'size_on_disk_bytes',
    });
    expectTypeOf(page.results).toEqualTypeOf<RecordOf<'image_generation'>[]>();
    expect(page.results.every((r) => r.baseline === 'stable_diffusion_xl')).toBe(true);
    // @ts-expect-error: clip has no inpainting (the run-time check refuses it too)
    expect(() => searchRecords('clip', clips, { inpainting: true })).toThrow(/inpainting/);
  });

  it('the manager and the API client (signatures only, never called here)', () => {
    const calls = (refs: ModelReferenceManager, api: ApiClient) => [
      refs.search('text_generation', { backend: 'koboldcpp', sortBy: 'parameters_count' }),
      // @ts-expect-error: backend is text only
      refs.search('image_generation', { backend: 'koboldcpp' }),
      // @ts-expect-error: not a field
      refs.search('clip', { sortBy: 'baseline' }),
      refs.searchAll({ sortBy: 'name', nsfw: false }),
      // @ts-expect-error: cross-category search sorts by generic fields only
      refs.searchAll({ sortBy: 'baseline' }),
      api.v2.search('image_generation', { baseline: 'flux_1', inpainting: false }),
      // @ts-expect-error: inpainting is image only
      api.v2.search('text_generation', { inpainting: false }),
      api.v2.searchAll({ sortBy: 'metadata__updated_at' }),
    ];
    expectTypeOf(calls).returns.items.resolves.toHaveProperty('results');
    type Found = Awaited<ReturnType<ModelReferenceManager['searchAll']>>['results'][number];
    expectTypeOf<Found>().toEqualTypeOf<ModelRecord>();
    expect(typeof calls).toBe('function');
  });
});

describe('selectModels and one NSFW vocabulary', () => {
  it('baselines are typed by the records selected from', () => {
    expectTypeOf<ModelSelection<RecordOf<'image_generation'>>['baselines']>().toEqualTypeOf<
      readonly ImageBaseline[] | undefined
    >();
    expect(selectModels(images, { baselines: ['stable_diffusion_xl', 'not_yet_known'] })).toEqual(
      searchRecords('image_generation', images, { baseline: 'stable_diffusion_xl' }).results,
    );
    // @ts-expect-error: clip records have no baseline to select by
    selectModels(clips, { baselines: ['stable_diffusion_xl'] });
  });

  it('nsfw: a boolean in search, the query builder and selectModels (the 0.1 strings still accepted)', () => {
    expectTypeOf<NonNullable<SearchParams<'image_generation'>['nsfw']>>().toEqualTypeOf<boolean>();
    expectTypeOf<Parameters<QueryOf<'image_generation'>['nsfw']>[0]>().toEqualTypeOf<boolean>();
    expectTypeOf<boolean>().toExtend<NonNullable<ModelSelection['nsfw']>>();
    expectTypeOf<'exclude'>().toExtend<NonNullable<ModelSelection['nsfw']>>();
    // @ts-expect-error: not a value of the vocabulary
    const maybe: ModelSelection = { nsfw: 'maybe' };
    expect(maybe).toBeDefined();
  });
});
