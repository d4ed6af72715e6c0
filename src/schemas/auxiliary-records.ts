import * as z from 'zod/mini';
import { baseRecordShape, type GenericModelRecord } from './generic-record.js';
import { nullableString, type Schema } from './shared.js';

/** A BLIP captioning model. */
export type BlipRecord = GenericModelRecord<'blip'>;
/** A CodeFormer face-restoration model. */
export type CodeformerRecord = GenericModelRecord<'codeformer'>;
/** An ESRGAN upscaler. */
export type EsrganRecord = GenericModelRecord<'esrgan'>;
/** A GFPGAN face-restoration model. */
export type GfpganRecord = GenericModelRecord<'gfpgan'>;
/** A safety checker model. */
export type SafetyCheckerRecord = GenericModelRecord<'safety_checker'>;
/** A miscellaneous auxiliary model (e.g. layer diffuse). */
export type MiscellaneousRecord = GenericModelRecord<'miscellaneous'>;

/** A CLIP (or CoCa) interrogation model. */
export interface ClipRecord extends GenericModelRecord<'clip'> {
  pretrained_name?: string | null | undefined;
}

/** Schema of {@link BlipRecord}. */
export const blipRecordSchema: Schema<BlipRecord> = z.looseObject(baseRecordShape('blip'));
/** Schema of {@link CodeformerRecord}. */
export const codeformerRecordSchema: Schema<CodeformerRecord> = z.looseObject(
  baseRecordShape('codeformer'),
);
/** Schema of {@link EsrganRecord}. */
export const esrganRecordSchema: Schema<EsrganRecord> = z.looseObject(baseRecordShape('esrgan'));
/** Schema of {@link GfpganRecord}. */
export const gfpganRecordSchema: Schema<GfpganRecord> = z.looseObject(baseRecordShape('gfpgan'));
/** Schema of {@link SafetyCheckerRecord}. */
export const safetyCheckerRecordSchema: Schema<SafetyCheckerRecord> = z.looseObject(
  baseRecordShape('safety_checker'),
);
/** Schema of {@link MiscellaneousRecord}. */
export const miscellaneousRecordSchema: Schema<MiscellaneousRecord> = z.looseObject(
  baseRecordShape('miscellaneous'),
);
/** Schema of {@link ClipRecord}. */
export const clipRecordSchema: Schema<ClipRecord> = z.looseObject({
  ...baseRecordShape('clip'),
  pretrained_name: z.optional(nullableString),
});
