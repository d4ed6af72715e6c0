// Answers of the baseline catalog routes (upstream `service/v2/routers/image_baselines.py` at
// 24886069).
import * as z from 'zod/mini';
import {
  type ImageBaselineCatalogMetadata,
  type ImageBaselineRecord,
  imageBaselineCatalogMetadataSchema,
  imageBaselineRecordSchema,
} from '../../schemas/baseline-catalog.js';
import type { Schema } from '../../schemas/shared.js';
import { num } from './fields.js';

/** `GET .../image_generation/baselines/`: every baseline in name order. */
export interface ImageBaselinePage {
  items: ImageBaselineRecord[];
  total: number;
  metadata: ImageBaselineCatalogMetadata;
}
/** Schema of {@link ImageBaselinePage}. */
export const baselinePageSchema: Schema<ImageBaselinePage> = z.looseObject({
  items: z.array(imageBaselineRecordSchema),
  total: num,
  metadata: imageBaselineCatalogMetadataSchema,
});
