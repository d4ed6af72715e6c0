export { ApiError, type ApiFieldIssue, isApiError } from './api-error.js';
export { ChangeSetConflictError, isChangeSetConflictError } from './change-set-conflict-error.js';
export {
  FeatureUnavailableError,
  isFeatureUnavailableError,
  type ServerFeature,
} from './feature-unavailable-error.js';
export { InvalidOptionsError, isInvalidOptionsError } from './invalid-options-error.js';
export {
  InvalidSearchParamsError,
  isInvalidSearchParamsError,
  type SearchParamIssue,
} from './invalid-search-params-error.js';
export { isLegacyFormatError, LegacyFormatError } from './legacy-format-error.js';
export {
  isMalformedResponseError,
  MalformedResponseError,
} from './malformed-response-error.js';
export { isModelNotFoundError, ModelNotFoundError } from './model-not-found-error.js';
export {
  isModelReferenceError,
  ModelReferenceError,
  type ModelReferenceErrorCode,
} from './model-reference-error.js';
export {
  isSourceUnavailableError,
  type SourceAttempt,
  SourceUnavailableError,
} from './source-unavailable-error.js';
export { isUnknownCategoryError, UnknownCategoryError } from './unknown-category-error.js';
