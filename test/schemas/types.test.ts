import { describe, expectTypeOf, it } from 'vitest';
import type {
  CategoryRecords,
  ImageGenerationRecord,
  RecordOf,
  TextGenerationRecord,
} from '../../src/index.js';
import type { ImageBaseline } from '../../src/schemas.js';

describe('record types', () => {
  it('RecordOf maps categories to their record types', () => {
    expectTypeOf<RecordOf<'image_generation'>>().toEqualTypeOf<ImageGenerationRecord>();
    expectTypeOf<RecordOf<'text_generation'>>().toEqualTypeOf<TextGenerationRecord>();
    expectTypeOf<CategoryRecords<'clip'>[string]>().toEqualTypeOf<RecordOf<'clip'>>();
  });

  it('open enums take known values and any other string, but not other types', () => {
    expectTypeOf<'stable_diffusion_xl'>().toExtend<ImageBaseline>();
    expectTypeOf<'next_years_baseline'>().toExtend<ImageBaseline>();
    expectTypeOf<number>().not.toExtend<ImageBaseline>();
    expectTypeOf<ImageGenerationRecord['nsfw']>().toEqualTypeOf<boolean>();
    expectTypeOf<TextGenerationRecord['parameters']>().toEqualTypeOf<number>();
  });
});
