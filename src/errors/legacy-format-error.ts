import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/**
 * A legacy (v1) file that cannot be read at all: not JSON, not an object, a CSV without the
 * expected header. Problems with single records are reported as issues instead, never thrown.
 */
export class LegacyFormatError extends ModelReferenceError {
  override readonly name = 'LegacyFormatError' as const;
  /** The legacy file, e.g. `models.csv`. */
  readonly file: string;
  /** 1-based line (CSV) when known. */
  readonly line: number | undefined;

  constructor(file: string, message: string, options?: { line?: number; cause?: unknown }) {
    const where = options?.line === undefined ? file : `${file}:${options.line}`;
    super('LEGACY_FORMAT', `${where}: ${message}`, { cause: options?.cause });
    this.file = file;
    this.line = options?.line;
  }
}

/** Cross-realm guard for {@link LegacyFormatError}. */
export const isLegacyFormatError: (error: unknown) => error is LegacyFormatError =
  /* @__PURE__ */ errorGuard(LegacyFormatError, 'LegacyFormatError');
