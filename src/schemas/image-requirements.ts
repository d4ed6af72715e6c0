// Image `requirements`, with the schedule vocabulary of 8.x (upstream `model_consts/image.py` at
// 24886069) and the normalisation of the legacy `karras` flag (`model_reference_records.py` at
// 76fc074e). See docs/upstream-8x.md.
import type { SettingsMap, SettingValue } from './shared.js';

/** Sigma schedules a model may require, as the reference library knows them. */
export const IMAGE_SCHEDULERS = [
  'normal',
  'karras',
  'exponential',
  'sgm_uniform',
  'simple',
  'ddim_uniform',
  'beta',
  'linear_quadratic',
  'kl_optimal',
  'align_your_steps',
  'gits',
] as const;

/**
 * A known schedule, or any other string: upstream only warns about an unknown one (a typo in
 * published data must not make the whole file unparseable), so it stays in the record.
 */
export type ImageScheduler = (typeof IMAGE_SCHEDULERS)[number] | (string & {});

/**
 * Generation constraints of an image model (`clip_skip`, `max_cfg_scale`, `samplers`, ...), with
 * `schedulers` typed. A legacy `karras` flag never survives parsing: see
 * {@link normalizeSchedulerRequirements}.
 */
export interface ImageRequirements {
  /** The schedules the model needs. */
  schedulers?: ImageScheduler[] | undefined;
  // `| undefined` so the optional `schedulers` fits the index under either setting of
  // `exactOptionalPropertyTypes` (a consumer's declaration check runs without it).
  [setting: string]: SettingValue | undefined;
}

/**
 * Rewrites the legacy `karras` boolean into `schedulers`, exactly as the reference library does
 * on parse: the `karras` key is always removed; an explicit `schedulers` list wins; otherwise
 * `true` becomes `['karras']` and `false` `['normal']` (the flag chose the normal schedule, it did
 * not decline to choose). A non-boolean `karras` is dropped without a replacement. The input is
 * never changed; without a `karras` key it is returned as is.
 *
 * @example
 * ```ts
 * normalizeSchedulerRequirements({ karras: false, clip_skip: 2 }); // { clip_skip: 2, schedulers: ['normal'] }
 * normalizeSchedulerRequirements({ karras: true, schedulers: ['simple'] }); // { schedulers: ['simple'] }
 * ```
 */
export function normalizeSchedulerRequirements<R extends SettingsMap | null | undefined>(
  requirements: R,
): R {
  if (requirements === null || requirements === undefined || !Object.hasOwn(requirements, 'karras'))
    return requirements;
  const { karras, ...rest } = requirements as Record<string, SettingValue>;
  if (Object.hasOwn(rest, 'schedulers') || typeof karras !== 'boolean') return rest as R;
  return { ...rest, schedulers: [karras ? 'karras' : 'normal'] } as unknown as R;
}
