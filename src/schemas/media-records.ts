import * as z from 'zod/mini';
import type { Category } from '../categories.js';
import { baseRecordShape, type GenericModelRecord } from './generic-record.js';
import { nullableString, type Schema, tagListSchema } from './shared.js';

/** Fields shared by video, audio, LoRA and textual-inversion records. */
interface MediaFields {
  baseline?: string | null | undefined;
  /** @default false */
  nsfw: boolean;
  tags?: string[] | null | undefined;
}

/** Extra fields of LoRA and textual-inversion records. */
interface AdapterFields extends MediaFields {
  trigger?: string[] | null | undefined;
  homepage?: string | null | undefined;
  showcases?: string[] | null | undefined;
}

/** A video generation model. */
export interface VideoGenerationRecord
  extends GenericModelRecord<'video_generation'>,
    MediaFields {}
/** An audio generation model. */
export interface AudioGenerationRecord
  extends GenericModelRecord<'audio_generation'>,
    MediaFields {}
/** A LoRA adapter. */
export interface LoraRecord extends GenericModelRecord<'lora'>, AdapterFields {}
/** A textual-inversion embedding. */
export interface TiRecord extends GenericModelRecord<'ti'>, AdapterFields {}

function mediaShape<C extends Category>(category: C) {
  return {
    ...baseRecordShape(category),
    baseline: z.optional(nullableString),
    nsfw: z._default(z.boolean(), false),
    tags: z.optional(tagListSchema),
  };
}

function adapterShape<C extends Category>(category: C) {
  const list = z.optional(z.nullable(z.array(z.string())));
  return {
    ...mediaShape(category),
    trigger: list,
    homepage: z.optional(nullableString),
    showcases: list,
  };
}

/** Schema of {@link VideoGenerationRecord}. */
export const videoGenerationRecordSchema: Schema<VideoGenerationRecord> = z.looseObject(
  mediaShape('video_generation'),
);
/** Schema of {@link AudioGenerationRecord}. */
export const audioGenerationRecordSchema: Schema<AudioGenerationRecord> = z.looseObject(
  mediaShape('audio_generation'),
);
/** Schema of {@link LoraRecord}. */
export const loraRecordSchema: Schema<LoraRecord> = z.looseObject(adapterShape('lora'));
/** Schema of {@link TiRecord}. */
export const tiRecordSchema: Schema<TiRecord> = z.looseObject(adapterShape('ti'));
