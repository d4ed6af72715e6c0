import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/** One problem with a search parameter. */
export interface SearchParamIssue {
  /** The parameter, in this SDK's camelCase (`limit`, `sortBy`, ...). */
  readonly param: string;
  /** What was wrong. */
  readonly message: string;
  /** What would have been accepted, when that is a short list. */
  readonly allowed?: readonly string[];
}

/**
 * Search or query parameters the server would reject (400/422). Raised before any work is done,
 * never answered with a silent empty page.
 */
export class InvalidSearchParamsError extends ModelReferenceError {
  override readonly name = 'InvalidSearchParamsError' as const;
  /** Every problem found, not just the first. */
  readonly issues: readonly SearchParamIssue[];

  /**
   * @param options - `cause`: the server's answer, when the server refused the parameters (the API
   * client's sorts the server cannot carry out).
   */
  constructor(issues: readonly SearchParamIssue[], options?: ErrorOptions) {
    const text = issues
      .map(
        (i) => `${i.param}: ${i.message}${i.allowed ? ` (allowed: ${i.allowed.join(', ')})` : ''}`,
      )
      .join('; ');
    super('INVALID_SEARCH_PARAMS', `Invalid search parameters: ${text}.`, options);
    this.issues = issues;
  }
}

/** Cross-realm guard for {@link InvalidSearchParamsError}. */
export const isInvalidSearchParamsError: (error: unknown) => error is InvalidSearchParamsError =
  /* @__PURE__ */ errorGuard(InvalidSearchParamsError, 'InvalidSearchParamsError');
