import { DownloadFailedError } from '../errors/download-failed-error.js';
import { downloadManifest } from '../worker/download-manifest.js';
import type { FileJob } from './download-file.js';
import type { DownloadOptions } from './download-models.js';
import type { FileDownloadResult } from './download-types.js';
import type { DownloadUrl } from './download-urls.js';
import type { DownloadPlan, PlannedModel } from './plan.js';

const WRONG = new Set(['wrong-size', 'wrong-hash']);

/** A failure nothing else caught, still a result: one file never fails the batch. */
export function unexpected(job: FileJob, error: unknown): FileDownloadResult {
  const code = (error as { code?: unknown } | null)?.code;
  return {
    model: job.model,
    models: job.models,
    category: job.category,
    file: job.file,
    relativePath: job.relativePath,
    path: job.targetPath,
    bytesTransferred: 0,
    attempts: [],
    elapsedMs: 0,
    status: 'failed',
    partBytes: 0,
    error: new DownloadFailedError({
      reason: typeof code === 'string' ? 'file-system' : 'network',
      model: job.model,
      fileName: job.file.fileName,
      detail: error instanceof Error ? error.message : String(error),
      cause: error,
    }),
  };
}

/** A model's files: jobs for those to fetch, `present` results for the rest. */
export function jobsOf(
  model: PlannedModel,
  options: DownloadOptions,
): (FileJob | FileDownloadResult)[] {
  return model.files.map((planned) => {
    const { file } = planned;
    const common = {
      model: model.name,
      models: [model.name],
      category: model.category,
      file,
      relativePath: planned.relativePath,
    };
    if (planned.status !== 'missing' && !WRONG.has(planned.status))
      return {
        ...common,
        path: planned.path,
        bytesTransferred: 0,
        attempts: [],
        elapsedMs: 0,
        status: 'present',
        sizeBytes: planned.diskBytes ?? 0,
        sha256: planned.sha256,
        verified: planned.status === 'verified',
        resumedFromBytes: 0,
      } satisfies FileDownloadResult;
    const given = options.resolveUrls?.({ model: model.name, category: model.category, file });
    const listed = given ?? (file.url === null ? [] : [file.url]);
    const urls: DownloadUrl[] = listed.map((s) => {
      const from = typeof s === 'string' ? { url: s } : s;
      return { ...from, headers: { ...options.headers, ...from.headers } };
    });
    return {
      ...common,
      targetPath: planned.targetPath,
      urls,
      replace: WRONG.has(planned.status) ? planned.path : null,
    };
  });
}

export function unsupportedResults(
  model: DownloadPlan['unsupported'][number],
): FileDownloadResult[] {
  return downloadManifest(model.record).files.map((file) => {
    const refusal = model.errors.find((e) => e.fileName === file.fileName);
    const reason = model.reason === 'no-folder' ? 'no-folder' : 'unsafe-path';
    return {
      model: model.name,
      models: [model.name],
      category: model.category,
      file,
      relativePath: null,
      path: null,
      bytesTransferred: 0,
      attempts: [],
      elapsedMs: 0,
      status: 'failed',
      partBytes: 0,
      error: new DownloadFailedError({
        reason,
        model: model.name,
        fileName: file.fileName,
        detail:
          reason === 'no-folder'
            ? `category ${model.category} has no folder under the weights root`
            : refusal
              ? refusal.message
              : 'another file of this model has an unsafe name; none of its files is fetched',
        cause: refusal,
      }),
    };
  });
}
