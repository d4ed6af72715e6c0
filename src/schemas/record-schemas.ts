import type { Category } from '../categories.js';
import type { DeepReadonly } from '../util/deep-readonly.js';
import {
  type BlipRecord,
  blipRecordSchema,
  type ClipRecord,
  type CodeformerRecord,
  clipRecordSchema,
  codeformerRecordSchema,
  type EsrganRecord,
  esrganRecordSchema,
  type GfpganRecord,
  gfpganRecordSchema,
  type MiscellaneousRecord,
  miscellaneousRecordSchema,
  type SafetyCheckerRecord,
  safetyCheckerRecordSchema,
} from './auxiliary-records.js';
import {
  type ControlnetAnnotatorRecord,
  type ControlnetRecord,
  controlnetAnnotatorRecordSchema,
  controlnetRecordSchema,
} from './controlnet-records.js';
import {
  type ImageGenerationRecord,
  imageGenerationRecordSchema,
} from './image-generation-record.js';
import {
  type AudioGenerationRecord,
  audioGenerationRecordSchema,
  type LoraRecord,
  loraRecordSchema,
  type TiRecord,
  tiRecordSchema,
  type VideoGenerationRecord,
  videoGenerationRecordSchema,
} from './media-records.js';
import type { Schema } from './shared.js';
import { type TextGenerationRecord, textGenerationRecordSchema } from './text-generation-record.js';

/** The record type of each category. */
export interface RecordTypes {
  blip: BlipRecord;
  clip: ClipRecord;
  codeformer: CodeformerRecord;
  controlnet: ControlnetRecord;
  controlnet_annotator: ControlnetAnnotatorRecord;
  esrgan: EsrganRecord;
  gfpgan: GfpganRecord;
  safety_checker: SafetyCheckerRecord;
  image_generation: ImageGenerationRecord;
  text_generation: TextGenerationRecord;
  video_generation: VideoGenerationRecord;
  audio_generation: AudioGenerationRecord;
  miscellaneous: MiscellaneousRecord;
  lora: LoraRecord;
  ti: TiRecord;
}

/**
 * The record type of category `C`, as the SDK hands it out: deeply read-only (every field, every
 * nested object and array), as the records are deep-frozen when they are validated. The interfaces
 * of {@link RecordTypes} describe the shape; this is what you hold.
 *
 * @example
 * ```ts
 * const sdxl: RecordOf<'image_generation'> = await refs.getModel('image_generation', 'AlbedoBase XL (SDXL)');
 * sdxl.baseline; // ImageBaseline
 * ```
 */
export type RecordOf<C extends Category> = DeepReadonly<RecordTypes[C]>;

/** A record of any category (deeply read-only). */
export type ModelRecord = RecordOf<Category>;

/**
 * The records of one category, keyed by each record's `name`, with a null prototype; the map and
 * every record in it are frozen.
 */
export type CategoryRecords<C extends Category = Category> = Readonly<Record<string, RecordOf<C>>>;

/** The zod/mini schema of each category's v2 record. */
export const RECORD_SCHEMAS: { readonly [C in Category]: Schema<RecordTypes[C]> } = Object.freeze({
  blip: blipRecordSchema,
  clip: clipRecordSchema,
  codeformer: codeformerRecordSchema,
  controlnet: controlnetRecordSchema,
  controlnet_annotator: controlnetAnnotatorRecordSchema,
  esrgan: esrganRecordSchema,
  gfpgan: gfpganRecordSchema,
  safety_checker: safetyCheckerRecordSchema,
  image_generation: imageGenerationRecordSchema,
  text_generation: textGenerationRecordSchema,
  video_generation: videoGenerationRecordSchema,
  audio_generation: audioGenerationRecordSchema,
  miscellaneous: miscellaneousRecordSchema,
  lora: loraRecordSchema,
  ti: tiRecordSchema,
});
