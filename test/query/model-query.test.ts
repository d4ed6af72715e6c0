import { describe, expect, expectTypeOf, it } from 'vitest';
import { createQuery } from '../../src/index.js';
import { ImageQuery, TextQuery } from '../../src/query/category-queries.js';
import { parseCategoryRecords } from '../../src/schemas.js';
import { FIXTURE_V2 } from '../../src/testing.js';

const image = parseCategoryRecords('image_generation', FIXTURE_V2.image_generation).records;
const text = parseCategoryRecords('text_generation', FIXTURE_V2.text_generation).records;
const names = (records: { name: string }[]) => records.map((r) => r.name);

describe('ModelQuery', () => {
  const q = createQuery('image_generation', image);

  it('is immutable: every call returns a new query and leaves the old one as it was', () => {
    const sdxl = q.baseline('stable_diffusion_xl');
    expect(sdxl).not.toBe(q);
    expect(sdxl).toBeInstanceOf(ImageQuery);
    expect(q.count()).toBe(8);
    expect(sdxl.count()).toBe(3);
  });

  it('filters with typed operators, nested paths and tags', () => {
    expect(names(q.where('size_on_disk_bytes', 'lt', 2.5e9).orderBy('name').toArray())).toEqual([
      'Ghibli Style',
      'Realistic Vision Inpainting',
    ]);
    expect(names(q.where('baseline', 'in', ['flux_1', 'stable_cascade']).toArray())).toEqual([
      'Stable Cascade Mini',
      'Flux.1 Schnell (Compact)',
    ]);
    expect(names(q.where('tags', 'contains', 'anime').toArray())).toEqual([
      'Ghibli Style',
      "Anya's Dream",
    ]);
    expect(names(q.where('name', 'contains', 'Grim').toArray())).toEqual(['Pony Grimdark']);
    expect(names(q.where('style', 'ne', 'generalist').nsfw(false).toArray())).toEqual([
      'Ghibli Style',
      "Anya's Dream",
    ]);
    expect(q.where('metadata__schema_version', 'eq', '2.0.0').count()).toBe(8);
    expect(names(q.tagsAll('anime', 'retro').toArray())).toEqual(['Ghibli Style']);
    expect(q.tagsNone('anime').tagsAny('Anime').first()?.name).toBe('Realistic Vision Inpainting');
    expect(q.inpainting(true).nsfw(true).count()).toBe(1);
  });

  it('treats a missing nested value as false, never a throw', () => {
    expect(q.where('finetune_series__name', 'eq', 'x').count()).toBe(0);
    expect(q.where('requirements__max_steps', 'lte', 8).first()?.name).toBe('Juggernaut Lightning');
  });

  it('sorts by several keys with explicit null placement, and resets offset and limit', () => {
    const bySize = q.orderBy('size_on_disk_bytes', { direction: 'desc', nulls: 'first' });
    expect(bySize.first()?.name).toBe('Pony Grimdark');
    expect(q.orderBy('size_on_disk_bytes', { direction: 'desc' }).first()?.name).toBe(
      'Flux.1 Schnell (Compact)',
    );
    const styled = q.orderBy('style').orderBy('name', { direction: 'desc' });
    expect(names(styled.limit(3).toArray())).toEqual([
      'Ghibli Style',
      "Anya's Dream",
      'Pony Grimdark',
    ]);
    expect(styled.limit(3).offset(1).limit().offset().count()).toBe(8);
    expect(names(styled.offset(6).toArray())).toHaveLength(2);
  });

  it('distinct, groupBy and page', () => {
    expect(q.orderBy('baseline').distinct('baseline')).toEqual([
      'flux_1',
      'stable_cascade',
      'stable_diffusion_1',
      'stable_diffusion_2_768',
      'stable_diffusion_xl',
    ]);
    const groups = q.groupBy('style');
    expect(groups).toBeInstanceOf(Map);
    expect(groups.get('realistic')?.map((r) => r.name)).toEqual([
      'Realistic Vision Inpainting',
      'Juggernaut Lightning',
    ]);
    const page = q.orderBy('name').offset(2).limit(3).page();
    expect(page).toMatchObject({ total: 8, offset: 2, limit: 3, hasMore: true });
    expect([...q.limit(2)]).toHaveLength(2);
  });

  it('text helpers: quantized and base-model groups', () => {
    const t = createQuery('text_generation', text);
    expect(t).toBeInstanceOf(TextQuery);
    expect(names(t.quantized(true).toArray())).toEqual([
      'TheBloke/Mistral-7B-Instruct-v0.2-GGUF',
      'bartowski/Qwen2.5-1.5B-Instruct-Q4_K_M',
    ]);
    expect(t.backend('koboldcpp').count()).toBe(0);
    expect(t.groupByBaseModel().get('Mistral')?.length).toBe(2);
    expect(t.where('parameters', 'gte', 13e9).orderBy('parameters').first()?.name).toBe(
      'KoboldAI/LLaMA2-13B-Tiefighter',
    );
  });

  it('controlnet helper: style', () => {
    const c = createQuery(
      'controlnet',
      parseCategoryRecords('controlnet', FIXTURE_V2.controlnet).records,
    );
    expect(c.style('control_qr_xl').first()?.name).toBe('control_qr_xl');
  });

  it('checks field names and value types at compile time', () => {
    expectTypeOf(q.where('nsfw', 'eq', true)).toEqualTypeOf<ImageQuery>();
    // @ts-expect-error: not a field of image records
    q.where('parameters', 'eq', 7);
    // @ts-expect-error: nsfw is a boolean
    q.where('nsfw', 'eq', 'yes');
    // A type error, and at run time a typed one (the builder checks its arguments).
    expect(() =>
      // @ts-expect-error: 'in' takes a list
      q.where('baseline', 'in', 'stable_diffusion_xl'),
    ).toThrow(/a list for "in"/);
    // @ts-expect-error: contains on a list takes one element
    q.where('tags', 'contains', ['anime']);
    // @ts-expect-error: not a key of metadata
    q.where('metadata__nope', 'eq', 1);
    expectTypeOf(q.distinct('nsfw')).toEqualTypeOf<boolean[]>();
  });
});
