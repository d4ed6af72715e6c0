import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import type { ImageBaselineCatalog } from '../schemas/baseline-catalog.js';
import { KNOWN_IMAGE_BASELINES } from '../schemas/image-generation-record.js';
import type { ModelRecord } from '../schemas/record-schemas.js';
import { downloadManifest } from './download-manifest.js';

/** The values `baseline` takes in records of type `R` (the open enum of image baselines, ...). */
// Exclude, not NonNullable: NonNullable turns `'a' | (string & {})` into plain `string`.
export type RecordBaseline<R> = R extends { readonly baseline?: infer B }
  ? Exclude<B, null | undefined>
  : never;

/**
 * What a worker can and wants to serve. Every criterion given must hold. `R` is the record type
 * selected from, which types `baselines` (image baselines autocomplete, any string is accepted).
 */
export interface ModelSelection<R extends ModelRecord = ModelRecord> {
  /**
   * Baselines the worker supports. Records without a baseline (clip, esrgan, ...) are not
   * filtered by it.
   * @default every baseline this SDK knows
   */
  readonly baselines?: readonly RecordBaseline<R>[] | undefined;
  /**
   * Also select image models whose baseline this SDK does not know yet (a baseline added to the
   * reference after this release). Off by default: a worker cannot run what it has never heard
   * of. Naming such a baseline in `baselines` opts in for that one.
   * @default false
   */
  readonly includeUnknownBaselines?: boolean | undefined;
  /**
   * A baseline catalog that makes more image baselines known, by name or alternative name: pass
   * the served one (`await api.baselines.catalog()`) to accept baselines published after this
   * release, or `BUNDLED_BASELINE_CATALOG` to accept the alternative names it lists (`SDXL`).
   * @default none: the baselines this release lists (`KNOWN_IMAGE_BASELINES`, the bundled names)
   */
  readonly baselineCatalog?: ImageBaselineCatalog | undefined;
  /**
   * `false`: SFW models only; `true`: NSFW models only; left out: both. The same vocabulary as
   * search's `nsfw` and the query builder's `nsfw()` (and as `inpainting` here). Note that `true`
   * does not mean "NSFW allowed": to serve both, leave it out.
   *
   * The 0.1 spelling is still accepted, deprecated (to be removed in 1.0): `'exclude'` is `false`,
   * `'only'` is `true`, `'include'` is leaving it out.
   * @default undefined (both)
   */
  readonly nsfw?: boolean | 'include' | 'exclude' | 'only' | undefined;
  /** `true`: inpainting models only; `false`: none of them (image models). */
  readonly inpainting?: boolean | undefined;
  /**
   * Largest download accepted, in bytes. Models of unknown size are left out when this is set.
   */
  readonly maxSizeBytes?: number | undefined;
  /** Only these names (exact). */
  readonly allow?: readonly string[] | undefined;
  /** Never these names (exact); wins over `allow`. */
  readonly deny?: readonly string[] | undefined;
}

const KNOWN: ReadonlySet<string> = new Set(KNOWN_IMAGE_BASELINES);

function field(record: ModelRecord, key: string): unknown {
  return (record as unknown as Record<string, unknown>)[key];
}

// By name or alternative name, exactly (as `isCataloguedBaseline`); a scan, not an index, to keep
// the core small: a catalog has a few dozen baselines.
function catalogues(catalog: ImageBaselineCatalog, baseline: string): boolean {
  return Object.values(catalog.baselines).some(
    (record) => record.name === baseline || record.alternative_names.includes(baseline),
  );
}

function baselineAllowed(record: ModelRecord, selection: ModelSelection<ModelRecord>): boolean {
  const baseline = field(record, 'baseline');
  if (typeof baseline !== 'string') return true;
  if (selection.baselines) return selection.baselines.includes(baseline);
  // Only image baselines form a closed, known set; text baselines are model names.
  return (
    record.record_type !== 'image_generation' ||
    KNOWN.has(baseline) ||
    selection.includeUnknownBaselines === true ||
    (selection.baselineCatalog !== undefined && catalogues(selection.baselineCatalog, baseline))
  );
}

function sizeAllowed(record: ModelRecord, maxSizeBytes: number | undefined): boolean {
  if (maxSizeBytes === undefined) return true;
  const total = downloadManifest(record).totalBytes;
  return total !== null && total <= maxSizeBytes;
}

/**
 * The models a worker should offer, in catalogue order.
 *
 * @example
 * ```ts
 * const models = selectModels(await refs.getCategory('image_generation'), {
 *   baselines: ['stable_diffusion_xl', 'flux_1'],
 *   nsfw: false,
 *   maxSizeBytes: 12 * 2 ** 30,
 * });
 * ```
 * @throws {InvalidOptionsError} when `maxSizeBytes` is negative or not a number.
 */
export function selectModels<R extends ModelRecord>(
  records: Readonly<Record<string, R>> | Iterable<R>,
  selection: ModelSelection<R> = {},
): R[] {
  const { maxSizeBytes, nsfw, inpainting } = selection;
  const onlyNsfw =
    nsfw === 'only' || (nsfw === 'exclude' ? false : nsfw === 'include' ? undefined : nsfw);
  if (maxSizeBytes !== undefined && !(Number.isFinite(maxSizeBytes) && maxSizeBytes >= 0))
    throw new InvalidOptionsError('maxSizeBytes', `expected bytes >= 0, got ${maxSizeBytes}`);
  const allow = selection.allow ? new Set(selection.allow) : null;
  const deny = new Set(selection.deny ?? []);
  const list: Iterable<R> = Symbol.iterator in records ? records : Object.values(records);
  const selected: R[] = [];
  for (const record of list) {
    if (deny.has(record.name) || (allow && !allow.has(record.name))) continue;
    if (onlyNsfw !== undefined && (field(record, 'nsfw') === true) !== onlyNsfw) continue;
    if (inpainting !== undefined && record.record_type === 'image_generation') {
      if ((field(record, 'inpainting') === true) !== inpainting) continue;
    }
    if (!baselineAllowed(record, selection as ModelSelection) || !sizeAllowed(record, maxSizeBytes))
      continue;
    selected.push(record);
  }
  return selected;
}
