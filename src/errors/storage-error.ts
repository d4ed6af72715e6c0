import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/** What a storage adapter was asked to do when it failed. */
export type StorageOperation = 'get' | 'set' | 'delete';

const VERB: Readonly<Record<StorageOperation, string>> = {
  get: 'read',
  set: 'write',
  delete: 'delete',
};

/**
 * A snapshot store could not read, write or delete one key: a full disk (`ENOSPC`), no permission
 * (`EACCES`, `EPERM`), a read-only file system (`EROFS`), a directory where the file should be
 * (`EISDIR`), a folder that is a file (`ENOTDIR`, `EEXIST`), or IndexedDB missing or failing.
 *
 * A failed write never touches what was stored before: the previous value stays readable. The
 * manager reports a failed write as an `error` event and keeps serving from memory.
 *
 * @example
 * ```ts
 * refs.on('error', ({ error }) => {
 *   if (isStorageError(error)) console.warn(error.operation, error.key, error.errno);
 * });
 * ```
 */
export class StorageError extends ModelReferenceError {
  override readonly name = 'StorageError' as const;
  /** What was asked of the store. */
  readonly operation: StorageOperation;
  /** The storage key (`horde-model-reference:clip`, ...). */
  readonly key: string;
  /** The system error code (`ENOSPC`, `EACCES`, ...), or the DOM exception name, when known. */
  readonly errno: string | undefined;

  constructor(
    operation: StorageOperation,
    key: string,
    detail: string,
    options: { readonly errno?: string | undefined; readonly cause?: unknown } = {},
  ) {
    const kept = operation === 'get' ? '' : '; what was stored before is unchanged';
    super(
      'STORAGE_FAILED',
      `Could not ${VERB[operation]} ${key} in storage: ${detail}${kept}.`,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.operation = operation;
    this.key = key;
    this.errno = options.errno;
  }
}

/** Cross-realm guard for {@link StorageError}. */
export const isStorageError: (error: unknown) => error is StorageError = /* @__PURE__ */ errorGuard(
  StorageError,
  'StorageError',
);
