import * as z from 'zod/mini';
import { baseRecordShape, type GenericModelRecord } from './generic-record.js';
import { nullableString, type Schema } from './shared.js';

/** ControlNet styles the reference library knows. */
export const CONTROLNET_STYLES = [
  'control_seg',
  'control_scribble',
  'control_fakescribbles',
  'control_openpose',
  'control_normal',
  'control_mlsd',
  'control_hough',
  'control_hed',
  'control_canny',
  'control_depth',
  'control_qr',
  'control_qr_xl',
  'control_lineart',
  'control_lineart_anime',
  'control_normal_bae',
  'control_recolor',
  'control_tile',
] as const;

/** A known ControlNet style, or any newer string (the server only warns on unknown ones). */
export type ControlnetStyle = (typeof CONTROLNET_STYLES)[number] | (string & {});

/** A ControlNet model. */
export interface ControlnetRecord extends GenericModelRecord<'controlnet'> {
  controlnet_style?: ControlnetStyle | null | undefined;
}

/** Schema of {@link ControlnetRecord}. */
export const controlnetRecordSchema: Schema<ControlnetRecord> = z.looseObject({
  ...baseRecordShape('controlnet'),
  controlnet_style: z.optional(nullableString),
});

/** A ControlNet annotator (preprocessor) model; its files live under `annotators/`. */
export interface ControlnetAnnotatorRecord extends GenericModelRecord<'controlnet_annotator'> {
  /** Control types it produces, e.g. `['depth']`. @default [] */
  control_types: string[];
  /** comfyui_controlnet_aux node class names. @default [] */
  preprocessors: string[];
}

/** Schema of {@link ControlnetAnnotatorRecord}. */
export const controlnetAnnotatorRecordSchema: Schema<ControlnetAnnotatorRecord> = z.looseObject({
  ...baseRecordShape('controlnet_annotator'),
  control_types: z._default(z.array(z.string()), () => []),
  preprocessors: z._default(z.array(z.string()), () => []),
});
