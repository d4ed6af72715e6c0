import { dirname } from 'node:path';
import {
  type DownloadAttempt,
  DownloadFailedError,
  type DownloadFailureReason,
} from '../errors/download-failed-error.js';
import type { ManifestFile } from '../worker/download-manifest.js';
import type { FileDownloadResult } from './download-types.js';
import type { DownloadUrl } from './download-urls.js';
import { fetchFromUrl } from './fetch-from-url.js';
import { errorCode, isDiskFull } from './file-system.js';
import { partSize } from './part-state.js';
import { redactUrl } from './redact-url.js';
import { fetchSegmented, type SegmentOptions } from './segmented.js';
import { removeSidecar, writeSidecar } from './sidecar.js';
import type { StreamContext } from './stream-types.js';

/** One file to fetch, with where it goes and where from. */
export interface FileJob {
  readonly model: string;
  readonly models: readonly string[];
  readonly category: string;
  readonly file: ManifestFile;
  readonly relativePath: string;
  readonly targetPath: string;
  /** In order: mirrors, then the record's URL. */
  readonly urls: readonly DownloadUrl[];
  /** A wrong copy to delete first (known bad: it frees its space and must never be trusted). */
  readonly replace: string | null;
}

/** What fetching one file needs beyond the single-stream engine. */
export interface FileContext extends StreamContext {
  /** Retries of the last URL. */
  readonly retries: number;
  /** Parallel ranges for large files; `null`: one stream per file. */
  readonly segments: SegmentOptions | null;
  readonly onBytes: (job: FileJob, bytes: number, total: number | null) => void;
}

/**
 * Fetches one file through its URLs in order (a mirror that says no, or fails, yields to the
 * next one), then moves the verified `.part` onto its final name (atomic, in the same folder) and
 * writes its sidecar from the hash computed while writing, so it is never read twice. Never
 * throws: every ending is a {@link FileDownloadResult}.
 */
export async function downloadFile(
  job: FileJob,
  context: FileContext,
): Promise<FileDownloadResult> {
  const { fileSystem: fs } = context;
  const started = Date.now();
  const partPath = `${job.targetPath}.part`;
  const metaPath = `${partPath}.json`;
  const attempts: DownloadAttempt[] = [];
  let transferred = 0;
  const base = () => ({
    model: job.model,
    models: job.models,
    category: job.category,
    file: job.file,
    relativePath: job.relativePath,
    path: job.targetPath,
    bytesTransferred: transferred,
    attempts,
    elapsedMs: Date.now() - started,
  });
  const fail = async (
    reason: DownloadFailureReason,
    detail: string,
    extra: { status?: number | undefined; cause?: unknown } = {},
  ): Promise<FileDownloadResult> => ({
    ...base(),
    status: 'failed',
    partBytes: await partSize(fs, partPath).catch(() => 0),
    error: new DownloadFailedError({
      reason,
      model: job.model,
      fileName: job.file.fileName,
      detail,
      attempts,
      ...extra,
    }),
  });
  if (job.urls.length === 0)
    return fail('no-url', 'the record gives no URL and no mirror was given');
  try {
    await fs.mkdir(dirname(job.targetPath), { recursive: true });
    if (job.replace !== null) {
      await fs.rm(job.replace, { force: true });
      await removeSidecar(job.replace, fs);
    }
  } catch (error) {
    return fail(isDiskFull(error) ? 'disk-full' : 'file-system', describeFs(error), {
      cause: error,
    });
  }
  let last: { reason: DownloadFailureReason; outcome: string; status?: number | undefined } | null =
    null;
  for (const [index, from] of job.urls.entries()) {
    const final = index === job.urls.length - 1;
    const retries = from.retries ?? (final ? context.retries : 1);
    const target = {
      partPath,
      metaPath,
      sha256: job.file.sha256,
      declaredBytes: job.file.sizeBytes,
      onBytes: (bytes: number, total: number | null) => context.onBytes(job, bytes, total),
    };
    // A `.part` to resume is worth more than parallel ranges: it keeps the single stream.
    const segmented =
      context.segments && (await partSize(fs, partPath).catch(() => 1)) === 0
        ? await fetchSegmented(from, retries, target, context, context.segments)
        : null;
    const outcome = segmented ?? (await fetchFromUrl(from, retries, target, context));
    transferred += outcome.transferred;
    if (outcome.kind === 'aborted')
      return {
        ...base(),
        status: 'interrupted',
        partBytes: await partSize(fs, partPath).catch(() => 0),
      };
    if (outcome.kind === 'done') {
      try {
        await fs.rename(partPath, job.targetPath);
        const stat = await fs.stat(job.targetPath, { bigint: true });
        await writeSidecar(
          job.targetPath,
          outcome.sha256,
          { size: stat.size, mtimeNs: stat.mtimeNs },
          { fileSystem: fs },
        );
        await fs.rm(metaPath, { force: true });
      } catch (error) {
        return fail('file-system', describeFs(error), { cause: error });
      }
      return {
        ...base(),
        status: outcome.resumedFromBytes > 0 ? 'resumed' : 'downloaded',
        sizeBytes: outcome.sizeBytes,
        sha256: outcome.sha256,
        verified: job.file.sha256 !== null,
        resumedFromBytes: outcome.resumedFromBytes,
      };
    }
    attempts.push({ url: redactUrl(from.url), outcome: outcome.outcome });
    if (outcome.kind === 'fatal')
      return fail(outcome.reason, outcome.outcome, { cause: outcome.cause });
    last = outcome;
  }
  const { reason, outcome, status } = last as NonNullable<typeof last>;
  return fail(reason, final(reason, outcome), { status });
}

function final(reason: DownloadFailureReason, outcome: string): string {
  if (reason === 'wrong-hash') return 'no URL gave bytes with the sha256 of the reference';
  if (reason === 'wrong-size') return 'no URL gave the size the reference gives';
  return `every URL failed (last: ${outcome})`;
}

function describeFs(error: unknown): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}
