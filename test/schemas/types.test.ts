import { describe, expectTypeOf, it } from 'vitest';
import type { CategoryRecords, RecordOf } from '../../src/index.js';
import type {
  ImageBaseline,
  ImageGenerationRecord,
  TextGenerationRecord,
} from '../../src/schemas.js';
import type { DeepReadonly } from '../../src/util/deep-readonly.js';

describe('record types', () => {
  it('RecordOf maps categories to their record types', () => {
    expectTypeOf<RecordOf<'image_generation'>>().toEqualTypeOf<
      DeepReadonly<ImageGenerationRecord>
    >();
    expectTypeOf<RecordOf<'text_generation'>>().toEqualTypeOf<DeepReadonly<TextGenerationRecord>>();
    expectTypeOf<CategoryRecords<'clip'>[string]>().toEqualTypeOf<RecordOf<'clip'>>();
  });

  it('open enums take known values and any other string, but not other types', () => {
    expectTypeOf<'stable_diffusion_xl'>().toExtend<ImageBaseline>();
    expectTypeOf<'next_years_baseline'>().toExtend<ImageBaseline>();
    expectTypeOf<number>().not.toExtend<ImageBaseline>();
    expectTypeOf<ImageGenerationRecord['nsfw']>().toEqualTypeOf<boolean>();
    expectTypeOf<TextGenerationRecord['parameters']>().toEqualTypeOf<number>();
  });

  it('records handed out are deeply read-only: fields, nested objects and arrays (issue 14 item 13)', () => {
    const write = (
      record: RecordOf<'image_generation'>,
      records: CategoryRecords<'clip'>,
      clip: RecordOf<'clip'>,
    ) => {
      const [file] = record.config.download;
      // @ts-expect-error a field of a record
      record.nsfw = false;
      // @ts-expect-error an array of a record
      record.tags.push('x');
      // @ts-expect-error an object inside an array inside a record
      if (file) file.file_url = 'https://example.com';
      // @ts-expect-error a nested map
      if (record.requirements) record.requirements.steps = 1;
      // @ts-expect-error the category map
      records.x = clip;
    };
    expectTypeOf(write).toBeFunction();
    expectTypeOf<RecordOf<'image_generation'>['tags']>().toEqualTypeOf<readonly string[]>();
    expectTypeOf<DeepReadonly<'a' | (string & {})>>().toEqualTypeOf<'a' | (string & {})>();
  });
});
