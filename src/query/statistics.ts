import { assertCategory, type Category } from '../categories.js';
import type { CategoryRecords } from '../schemas/record-schemas.js';
import { roundTo2 } from '../util/python-round.js';
import { checkRecordsArgument, refuseRecord } from './check-records.js';
import { recordList } from './record-list.js';

/** Count and share of one baseline. */
export interface BaselineStats {
  baseline: string;
  count: number;
  /** Percent of all models, rounded to 2 decimals (Python rounding). */
  percentage: number;
}

/** Count and share of one tag or style. */
export interface TagStats {
  tag: string;
  count: number;
  percentage: number;
}

/** Download facts over a category. */
export interface DownloadStats {
  total_models_with_downloads: number;
  total_download_entries: number;
  /** Sum of `size_on_disk_bytes` over models that have it. */
  total_size_bytes: number;
  models_with_size_info: number;
  average_size_bytes: number;
  /** Download hosts (URL authority) by number of files, most first. */
  hosts: Record<string, number>;
}

/** Text models per parameter-count range. */
export interface ParameterBucketStats {
  bucket_label: string;
  min_params: number;
  max_params: number | null;
  count: number;
  percentage: number;
}

/** The server's `CategoryStatistics`, computed locally (field names as the server sends them). */
export interface CategoryStatistics {
  category: Category;
  total_models: number;
  returned_models: number;
  offset: number;
  limit: number | null;
  nsfw_count: number;
  /** `total_models - nsfw_count`; a property on the server, so not in its JSON. */
  sfw_count: number;
  baseline_distribution: Record<string, BaselineStats>;
  download_stats: DownloadStats;
  top_tags: TagStats[];
  top_styles: TagStats[];
  parameter_buckets: ParameterBucketStats[];
  models_without_param_info: number;
  models_with_trigger_words: number;
  models_with_inpainting: number;
  models_with_requirements: number;
  models_with_showcases: number;
  /** Unix seconds. */
  computed_at: number;
}

const BUCKETS: readonly [number, number, string][] = [
  [0, 3e9, '< 3B'],
  [3e9, 6e9, '3B-6B'],
  [6e9, 9e9, '6B-9B'],
  [9e9, 13e9, '9B-13B'],
  [13e9, 20e9, '13B-20B'],
  [20e9, 35e9, '20B-35B'],
  [35e9, 70e9, '35B-70B'],
  [70e9, Number.POSITIVE_INFINITY, '> 70B'],
];

const TOP = 20;

// The authority part of a URL exactly as Python's urlparse().netloc gives it (userinfo and port
// kept, case kept); URL.host would drop userinfo and lower-case it.
const netloc = (url: string) => /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1] ?? '';

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

// JS sort is stable, so ties keep first-seen order, as Python's sorted(reverse=True) does.
const byCount = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1]);
const share = (count: number, total: number) => roundTo2((count / total) * 100);

/**
 * Computes the statistics `GET /model_references/statistics/{category}` returns, from records.
 *
 * Two deliberate differences: the server looks for `parameters_count` in raw text records, which
 * store `parameters`, so its `parameter_buckets` is always empty and every text model counts as
 * without parameter info; this reads the parameter count and fills the buckets. And for a
 * category with no records the server answers 404 (`Category '...' not found or has no models`);
 * this returns the statistics of nothing: every count 0, every distribution empty.
 *
 * @example
 * ```ts
 * const stats = computeCategoryStatistics('image_generation', await refs.getCategory('image_generation'));
 * stats.baseline_distribution.stable_diffusion_xl?.count;
 * ```
 * @throws {UnknownCategoryError} for a name that is not a category.
 * @throws {InvalidOptionsError} when `records` is not an object of records.
 */
export function computeCategoryStatistics<C extends Category>(
  category: C,
  records: CategoryRecords<C>,
  now: number = Date.now(),
): CategoryStatistics {
  assertCategory(category);
  checkRecordsArgument(records);
  const models = recordList(records) as unknown as Record<string, unknown>[];
  const total = models.length;
  const baselines = new Map<string, number>();
  const hosts = new Map<string, number>();
  const tags = new Map<string, number>();
  const styles = new Map<string, number>();
  const parameters: number[] = [];
  let nsfw = 0;
  let withDownloads = 0;
  let downloadEntries = 0;
  let sizeTotal = 0;
  let withSize = 0;
  let withoutParams = 0;
  let withTriggers = 0;
  let withInpainting = 0;
  let withRequirements = 0;
  let withShowcases = 0;
  for (const model of models) {
    if (typeof model !== 'object' || model === null) refuseRecord(model);
    if (model.nsfw) nsfw++;
    // Validated records hold strings here; anything else (a caller's own records) is not counted.
    if (model.baseline && typeof model.baseline === 'string') bump(baselines, model.baseline);
    const downloads = (model.config as { download?: unknown } | undefined)?.download;
    if (Array.isArray(downloads) && downloads.length > 0) {
      withDownloads++;
      downloadEntries += downloads.length;
      for (const download of downloads) {
        const url = (download as { file_url?: unknown } | null)?.file_url;
        const host = typeof url === 'string' ? netloc(url) : '';
        if (host) bump(hosts, host);
      }
    }
    const size = model.size_on_disk_bytes;
    if (typeof size === 'number' && size > 0) {
      withSize++;
      sizeTotal += Math.trunc(size);
    }
    if (Array.isArray(model.tags))
      for (const tag of model.tags) if (tag && typeof tag === 'string') bump(tags, tag);
    if (model.style && typeof model.style === 'string') bump(styles, model.style);
    if (category === 'text_generation') {
      const count = model.parameters;
      if (typeof count === 'number' && count > 0) parameters.push(count);
      else withoutParams++;
    }
    if (category === 'image_generation') {
      if (Array.isArray(model.trigger) && model.trigger.length > 0) withTriggers++;
      if (model.inpainting) withInpainting++;
      const requirements = model.requirements;
      if (requirements && typeof requirements === 'object' && Object.keys(requirements).length > 0)
        withRequirements++;
    }
    if (Array.isArray(model.showcases) && model.showcases.length > 0) withShowcases++;
  }
  const bucketCounts = new Map<string, number>();
  for (const count of parameters) {
    const bucket = BUCKETS.find(([min, max]) => count >= min && count < max);
    if (bucket) bump(bucketCounts, bucket[2]);
  }
  return {
    category,
    total_models: total,
    returned_models: total,
    offset: 0,
    limit: null,
    nsfw_count: nsfw,
    sfw_count: total - nsfw,
    baseline_distribution: Object.fromEntries(
      byCount(baselines).map(([baseline, count]) => [
        baseline,
        { baseline, count, percentage: share(count, total) },
      ]),
    ),
    download_stats: {
      total_models_with_downloads: withDownloads,
      total_download_entries: downloadEntries,
      total_size_bytes: sizeTotal,
      models_with_size_info: withSize,
      average_size_bytes: withSize > 0 ? roundTo2(sizeTotal / withSize) : 0,
      hosts: Object.fromEntries(byCount(hosts)),
    },
    top_tags: byCount(tags)
      .slice(0, TOP)
      .map(([tag, count]) => ({ tag, count, percentage: share(count, total) })),
    top_styles: byCount(styles)
      .slice(0, TOP)
      .map(([tag, count]) => ({ tag, count, percentage: share(count, total) })),
    parameter_buckets: BUCKETS.flatMap(([min, max, label]) => {
      const count = bucketCounts.get(label) ?? 0;
      return count > 0
        ? [
            {
              bucket_label: label,
              min_params: min,
              max_params: Number.isFinite(max) ? max : null,
              count,
              percentage: share(count, total),
            },
          ]
        : [];
    }),
    models_without_param_info: withoutParams,
    models_with_trigger_words: withTriggers,
    models_with_inpainting: withInpainting,
    models_with_requirements: withRequirements,
    models_with_showcases: withShowcases,
    computed_at: Math.floor(now / 1000),
  };
}
