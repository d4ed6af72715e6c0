import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/** Why a file name from the data was refused. */
export type UnsafePathReason =
  | 'empty'
  | 'absolute'
  | 'parent-segment'
  | 'nul'
  | 'control-character'
  | 'drive-letter'
  | 'colon'
  | 'backslash'
  | 'symlink-outside-root';

const ALLOWED =
  'a relative path of "/"-separated names, without "..", a leading "/", a drive letter, "\\", ":" or control characters, staying inside the weights root';

/**
 * A file name from the reference data that would leave its folder under the weights root (`..`,
 * an absolute path, a drive letter, NUL or other control characters), or a path whose existing
 * file or folder is a symlink pointing outside every configured root. Nothing is read, written or
 * deleted at such a path.
 *
 * @example
 * ```ts
 * try { modelFilePath(record, record.config.download[0], '/models'); }
 * catch (error) { if (isUnsafePathError(error)) console.warn(error.reason, error.fileName); }
 * ```
 */
export class UnsafePathError extends ModelReferenceError {
  override readonly name = 'UnsafePathError' as const;
  /** The file name as the data gives it (may contain control characters: escape it to print). */
  readonly fileName: string;
  /** What is wrong with it. */
  readonly reason: UnsafePathReason;
  /** The weights root it was resolved against, when there was one. */
  readonly root: string | undefined;

  constructor(init: {
    fileName: string;
    reason: UnsafePathReason;
    root?: string;
    detail?: string;
  }) {
    super(
      'UNSAFE_PATH',
      `Refused file name ${JSON.stringify(init.fileName)} (${init.reason}${init.detail ? `: ${init.detail}` : ''}). Allowed: ${ALLOWED}.`,
    );
    this.fileName = init.fileName;
    this.reason = init.reason;
    this.root = init.root;
  }
}

/** Cross-realm guard for {@link UnsafePathError}. */
export const isUnsafePathError: (error: unknown) => error is UnsafePathError = errorGuard(
  UnsafePathError,
  'UnsafePathError',
);
