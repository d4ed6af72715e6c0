import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import type { UnsafePathError } from '../errors/unsafe-path-error.js';
import type { ModelRecord } from '../schemas/record-schemas.js';
import type { ManifestFile } from '../worker/download-manifest.js';
import { type DownloadFileSystem, nodeFileSystem } from './file-system.js';
import { freeBytes } from './free-space.js';
import { fileSize } from './locate.js';
import { checkOptionKeys } from './option-keys.js';
import { type DeletableModel, findDeletable } from './plan-deletions.js';
import { orderRecords, type PlanOrder } from './plan-order.js';
import { fileSizeEstimates } from './plan-sizes.js';
import { modelKey, type RecordsInput, recordList } from './records.js';
import { type RootOption, WeightsRoots } from './roots.js';
import {
  type FileStatus,
  type FileVerification,
  type VerifyOptions,
  verifyModelFiles,
} from './verify.js';

export type { DeletableModel } from './plan-deletions.js';

/** One file of a planned model. */
export interface PlannedFile {
  readonly file: ManifestFile;
  /** Relative to a root, `/`-separated. */
  readonly relativePath: string;
  /** The copy on disk, or {@link targetPath} when there is none. */
  readonly path: string;
  /** Where a download goes: under the first root. */
  readonly targetPath: string;
  readonly status: FileStatus;
  /** Its size once complete: as on disk when present, else as the reference gives it; `null` when unknown. */
  readonly sizeBytes: number | null;
  /** Size of the copy on disk now (a wrong one, to be replaced, included); `null` when missing. */
  readonly diskBytes: number | null;
  /** The sha256 of the copy on disk, when known (sidecar or hashed). */
  readonly sha256: string | null;
  /** Bytes of a `.part` left by an earlier download, resumed rather than fetched again. */
  readonly partBytes: number;
}

/** A model of the plan. */
export interface PlannedModel {
  readonly name: string;
  readonly category: string;
  readonly record: ModelRecord;
  readonly files: readonly PlannedFile[];
  /** Bytes it takes on disk once complete (files shared with models before it not counted again); `null` when unknown. */
  readonly sizeBytes: number | null;
  /** Bytes still to fetch (size, less files present and `.part` bytes); `null` when unknown. */
  readonly downloadBytes: number | null;
}

/** A selected model left out, and why. */
export interface UnfitModel extends PlannedModel {
  /** `budget`: over `budgetBytes`; `free-space`: over the target's free space; `unknown-size`: a budget is set and its size is unknown. */
  readonly reason: 'budget' | 'free-space' | 'unknown-size';
  /** How many more bytes the budget (or free space) would need for it to fit; `null` when its size is unknown. */
  readonly missingBytes: number | null;
}

/** A selected model that cannot be placed on disk. */
export interface UnsupportedModel {
  readonly name: string;
  readonly category: string;
  readonly record: ModelRecord;
  /** `no-folder`: its category has none; `refused`: an unsafe file name or symlink; `no-files`: it declares none. */
  readonly reason: 'no-folder' | 'refused' | 'no-files';
  readonly errors: readonly UnsafePathError[];
}

/** What to download, what is there, what does not fit, and what could go. */
export interface DownloadPlan {
  /** The roots, absolute; downloads go to the first. */
  readonly roots: readonly string[];
  readonly budgetBytes: number | null;
  /** Free bytes of the first root's file system when planned; `null` when unknown. */
  readonly freeBytes: number | null;
  /** Models to download (some of their files may be there already), in priority order. */
  readonly download: readonly PlannedModel[];
  /** Models complete on disk (verified, or present without a known hash). */
  readonly present: readonly PlannedModel[];
  /** Selected models that do not fit, in priority order. */
  readonly doesNotFit: readonly UnfitModel[];
  /** Files on disk of models no longer selected (`known` minus the selection and `keep`). */
  readonly deletable: readonly DeletableModel[];
  readonly unsupported: readonly UnsupportedModel[];
  readonly totals: {
    /** Bytes the planned selection (present and to download) takes once complete. */
    readonly plannedBytes: number;
    readonly downloadBytes: number;
    readonly presentBytes: number;
    readonly deletableBytes: number;
    /** Models of the download list whose size is unknown (not in the byte totals). */
    readonly unknownSizeModels: number;
  };
}

/** Options of {@link planDownloads}. */
export interface PlanOptions {
  /** The weights root, or several (a copy under any counts; downloads go to the first). */
  readonly root: RootOption;
  /** Bytes the selected models may take on disk in all (present ones included). @default no limit */
  readonly budgetBytes?: number | undefined;
  /** Names of models to keep on disk although not selected: never `deletable`. */
  readonly keep?: Iterable<string> | undefined;
  /** Every record of the reference (or of the categories you manage): what is on disk of those not selected is `deletable`. */
  readonly known?: RecordsInput | undefined;
  /** Who gets disk space first. @default 'catalogue' */
  readonly order?: PlanOrder | undefined;
  /** Plan only the first `limit` models after ordering (`TOP n`, `NEW n`). */
  readonly limit?: number | undefined;
  /** `hash`: hash present files without a trusted sidecar; `exists`: trust presence and size. @default 'hash' */
  readonly verify?: 'hash' | 'exists' | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Trust sidecars of the Python library newer than their file. @default true */
  readonly trustForeignSidecars?: boolean | undefined;
  /** Called while a present file is hashed (see {@link VerifyOptions}). */
  readonly onHashProgress?: VerifyOptions['onHashProgress'];
  readonly fileSystem?: DownloadFileSystem | undefined;
}

const PLAN_OPTION_KEYS: Readonly<Record<keyof PlanOptions, true>> = {
  root: true,
  budgetBytes: true,
  keep: true,
  known: true,
  order: true,
  limit: true,
  verify: true,
  signal: true,
  trustForeignSidecars: true,
  onHashProgress: true,
  fileSystem: true,
};

const NEEDS_DOWNLOAD: ReadonlySet<FileStatus> = new Set(['missing', 'wrong-size', 'wrong-hash']);

/**
 * Plans a worker's disk: which selected models to download, which are already there, which do
 * not fit the budget or the free space (with the bytes missing), and which files of models no
 * longer selected could be deleted. Models get space in `order` (`TOP n`: a usage map and
 * `limit: n`; `NEW n`: `'newest'` and `limit: n`; `ALL SDXL`: a `selectModels` result); one that
 * does not fit is skipped and the next, smaller one may still fit. Nothing is written or deleted.
 *
 * @example
 * ```ts
 * const sdxl = selectModels(images, { baselines: ['stable_diffusion_xl'] });
 * const plan = await planDownloads(sdxl, { root: '/models', budgetBytes: 200e9, known: images, order: 'newest' });
 * console.log(plan.totals.downloadBytes, plan.doesNotFit.map((m) => `${m.name}: ${m.missingBytes} bytes short`));
 * ```
 * @throws {InvalidOptionsError} for an unknown option, a negative budget, a bad `order`/`limit` or an empty `root`;
 * the abort reason when `signal` aborts.
 */
export async function planDownloads(
  records: RecordsInput,
  options: PlanOptions,
): Promise<DownloadPlan> {
  checkOptionKeys(options, PLAN_OPTION_KEYS);
  const { budgetBytes } = options;
  if (budgetBytes !== undefined && !(Number.isFinite(budgetBytes) && budgetBytes >= 0))
    throw new InvalidOptionsError('budgetBytes', `expected bytes >= 0, got ${budgetBytes}`);
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  const roots = new WeightsRoots(options.root, fileSystem);
  const seen = new Set<string>();
  const unique = recordList(records).filter((r) => !seen.has(modelKey(r)) && seen.add(modelKey(r)));
  const ordered = orderRecords(unique, options.order, options.limit);
  const report = await verifyModelFiles(ordered, {
    root: roots.list,
    signal: options.signal,
    hash: options.verify !== 'exists',
    trustForeignSidecars: options.trustForeignSidecars,
    onHashProgress: options.onHashProgress,
    fileSystem,
  });
  const free = await freeBytes(roots.target, fileSystem);
  let budgetLeft = budgetBytes ?? Number.POSITIVE_INFINITY;
  let freeLeft = free ?? Number.POSITIVE_INFINITY;
  const counted = new Set<string>();
  const plan = {
    download: [] as PlannedModel[],
    present: [] as PlannedModel[],
    doesNotFit: [] as UnfitModel[],
    unsupported: [] as UnsupportedModel[],
  };
  for (const [index, record] of ordered.entries()) {
    const verification = report.models[index];
    if (!verification) continue;
    if (verification.status === 'refused' || verification.status === 'unsupported') {
      plan.unsupported.push(unsupported(record, verification.files));
      continue;
    }
    const files = await plannedFiles(record, verification.files, fileSystem);
    const fresh = files.filter((f) => !counted.has(f.path));
    const sizeBytes = sum(fresh.map((f) => f.sizeBytes));
    const pending = fresh.filter((f) => NEEDS_DOWNLOAD.has(f.status));
    const downloadBytes = sum(
      pending.map((f) => (f.sizeBytes === null ? null : Math.max(0, f.sizeBytes - f.partBytes))),
    );
    // A wrong file is deleted before its replacement comes: its bytes are free for it.
    const freed = pending.reduce((total, f) => total + (f.diskBytes ?? 0), 0);
    const model: PlannedModel = {
      name: record.name,
      category: record.record_type,
      record,
      files,
      sizeBytes,
      downloadBytes,
    };
    if (budgetBytes !== undefined && sizeBytes === null) {
      plan.doesNotFit.push({ ...model, reason: 'unknown-size', missingBytes: null });
      continue;
    }
    if (sizeBytes !== null && sizeBytes > budgetLeft) {
      plan.doesNotFit.push({ ...model, reason: 'budget', missingBytes: sizeBytes - budgetLeft });
      continue;
    }
    if (pending.length > 0 && downloadBytes !== null && downloadBytes > freeLeft + freed) {
      plan.doesNotFit.push({
        ...model,
        reason: 'free-space',
        missingBytes: downloadBytes - freeLeft - freed,
      });
      continue;
    }
    budgetLeft -= sizeBytes ?? 0;
    freeLeft += freed - (downloadBytes ?? 0);
    for (const f of fresh) counted.add(f.path);
    (pending.length > 0 ? plan.download : plan.present).push(model);
  }
  const selected = [...plan.download, ...plan.present, ...plan.doesNotFit].map((m) => m.record);
  const deletable = options.known
    ? await findDeletable(
        recordList(options.known),
        selected,
        new Set(options.keep ?? []),
        roots,
        fileSystem,
      )
    : [];
  const bytes = (models: readonly PlannedModel[], pick: (m: PlannedModel) => number | null) =>
    models.reduce((total, m) => total + (pick(m) ?? 0), 0);
  return {
    roots: roots.list,
    budgetBytes: budgetBytes ?? null,
    freeBytes: free,
    ...plan,
    deletable,
    totals: {
      plannedBytes: bytes([...plan.download, ...plan.present], (m) => m.sizeBytes),
      downloadBytes: bytes(plan.download, (m) => m.downloadBytes),
      presentBytes: bytes(plan.present, (m) => m.sizeBytes),
      deletableBytes: deletable.reduce((total, m) => total + m.bytes, 0),
      unknownSizeModels: plan.download.filter((m) => m.downloadBytes === null).length,
    },
  };
}

function sum(values: readonly (number | null)[]): number | null {
  let total = 0;
  for (const value of values) {
    if (value === null) return null;
    total += value;
  }
  return total;
}

function unsupported(record: ModelRecord, files: readonly FileVerification[]): UnsupportedModel {
  const errors = files.flatMap((f) => (f.error ? [f.error] : []));
  const reason = files.length === 0 ? 'no-files' : errors.length > 0 ? 'refused' : 'no-folder';
  return { name: record.name, category: record.record_type, record, reason, errors };
}

async function plannedFiles(
  record: ModelRecord,
  verified: readonly FileVerification[],
  fileSystem: DownloadFileSystem,
): Promise<PlannedFile[]> {
  const estimates = fileSizeEstimates(record);
  return Promise.all(
    verified.map(async (v, i) => {
      const present = !NEEDS_DOWNLOAD.has(v.status);
      const targetPath = v.targetPath as string;
      const partBytes = present ? 0 : ((await fileSize(fileSystem, `${targetPath}.part`)) ?? 0);
      return {
        file: v.file,
        relativePath: v.relativePath as string,
        path: v.path as string,
        targetPath,
        status: v.status,
        diskBytes: v.sizeBytes,
        sha256: v.actualSha256,
        // A wrong file's size says nothing of the right one's.
        sizeBytes: present ? v.sizeBytes : (estimates[i] ?? null),
        partBytes,
      };
    }),
  );
}
