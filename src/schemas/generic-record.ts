import * as z from 'zod/mini';
import { CATEGORY_DESCRIPTORS, type Category } from '../categories.js';
import { type ModelLicensing, modelLicensingSchema } from './licensing.js';
import {
  type FinetuneSeries,
  finetuneSeriesSchema,
  type ModelClassification,
  modelClassificationSchema,
  nullableNumber,
  nullableString,
  type RecordConfig,
  type RecordMetadata,
  recordConfigSchema,
  recordMetadataSchema,
  type Schema,
} from './shared.js';

/**
 * The fields every v2 record has, whatever its category.
 *
 * Records keep unknown fields at run time (a newer server's fields pass through untouched); the
 * type lists the fields this version knows.
 */
export interface GenericModelRecord<C extends string = Category> {
  /** The record's category. Any string is accepted, as on the server. @default the category read */
  record_type: C | (string & {});
  /** Unique name within the category. May contain `/`, spaces and quotes. */
  name: string;
  description?: string | null | undefined;
  version?: string | null | undefined;
  finetune_series?: FinetuneSeries | null | undefined;
  /** @default { schema_version: '2.0.0' } */
  metadata: RecordMetadata;
  /** @default { download: [] } */
  config: RecordConfig;
  /** @default the category's domain and purpose */
  model_classification: ModelClassification;
  /** Total size on disk in bytes. */
  size_on_disk_bytes?: number | null | undefined;
  /**
   * The reviewed licensing conclusion (8.x servers; absent from 7.6 data). A record without it
   * counts as `NOASSERTION` / `unknown`, as the service serves it: see `effectiveLicensing`.
   */
  licensing?: ModelLicensing | null | undefined;
}

type Optional<T> = z.ZodMiniOptional<Schema<T>>;

/** Schemas of the {@link GenericModelRecord} fields, to spread into a category's object schema. */
export interface BaseRecordShape<C extends Category> {
  record_type: Schema<C | (string & {})>;
  name: Schema<string>;
  description: Optional<string | null>;
  version: Optional<string | null>;
  finetune_series: Optional<FinetuneSeries | null>;
  metadata: Schema<RecordMetadata>;
  config: Schema<RecordConfig>;
  model_classification: Schema<ModelClassification>;
  size_on_disk_bytes: Optional<number | null>;
  licensing: Optional<ModelLicensing | null>;
}

/**
 * The shared field schemas, with the defaults the reference library fills in when a record omits
 * them (`record_type`, `metadata`, `config`, `model_classification`).
 */
export function baseRecordShape<C extends Category>(category: C): BaseRecordShape<C> {
  const { domain, purpose } = CATEGORY_DESCRIPTORS[category].classification;
  return {
    record_type: z._default(z.string(), category) as Schema<C | (string & {})>,
    name: z.string(),
    description: z.optional(nullableString),
    version: z.optional(nullableString),
    finetune_series: z.optional(z.nullable(finetuneSeriesSchema)),
    metadata: z._default(recordMetadataSchema, () => ({ schema_version: '2.0.0' })),
    config: z._default(recordConfigSchema, () => ({ download: [] })),
    model_classification: z._default(modelClassificationSchema, () => ({ domain, purpose })),
    size_on_disk_bytes: z.optional(nullableNumber),
    licensing: z.optional(z.nullable(modelLicensingSchema)),
  };
}
