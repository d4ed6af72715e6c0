import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/**
 * A change set was refused with 409: a record it touches changed after the proposal was reviewed
 * (its `expected_before` no longer equals the live record). Re-read the records, rebuild the change
 * set against what is there now, and submit it again.
 */
export class ChangeSetConflictError extends ModelReferenceError {
  override readonly name = 'ChangeSetConflictError' as const;
  /** What the change set edits. */
  readonly resource: 'text_guidance' | 'image_baseline';
  /** The server's explanation, e.g. `Baseline 'flux_1' changed after review.` */
  readonly detail: string;
  /** Always 409. */
  readonly status: number;
  readonly method: string;
  readonly url: string;

  constructor(init: {
    resource: 'text_guidance' | 'image_baseline';
    detail: string;
    method: string;
    url: string;
    cause?: unknown;
  }) {
    super(
      'CHANGE_SET_CONFLICT',
      `${init.method} ${init.url} was refused with 409: ${init.detail} A record the change set touches is no longer what its expected_before says; read it again and rebuild the change set.`,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.resource = init.resource;
    this.detail = init.detail;
    this.status = 409;
    this.method = init.method;
    this.url = init.url;
  }
}

/** Cross-realm guard for {@link ChangeSetConflictError}. */
export const isChangeSetConflictError: (error: unknown) => error is ChangeSetConflictError =
  /* @__PURE__ */ errorGuard(ChangeSetConflictError, 'ChangeSetConflictError');
