import { ApiError, isApiError } from '../errors/api-error.js';
import type { ApiRoute } from '../http/routes.js';

const HINTS: Readonly<Record<number, (route: ApiRoute) => string | undefined>> = {
  // Requestor and approver lists fail closed: while one is empty the server answers 401, not 403.
  401: (route) =>
    route.role === 'requestor' || route.role === 'approver'
      ? `This route needs a valid AI-Horde API key with the ${route.role} role, passed as \`apiKey\` (the server also answers 401 while its ${route.role} list is empty).`
      : route.role === 'license_editor'
        ? 'This route needs a valid AI-Horde API key on the licensing editor allowlist (the license_editor role, separate from the pending queue roles), passed as `apiKey`.'
        : route.role
          ? 'This route needs a valid AI-Horde API key, passed as `apiKey`.'
          : 'Pass a valid AI-Horde API key as `apiKey`.',
  403: (route) =>
    route.role
      ? `The key is valid but lacks the ${route.role} role on the model reference: ask for it to be added to the ${route.role} list.`
      : undefined,
  503: (route) =>
    route.role === 'license_editor'
      ? 'Licensing writes are applied directly, by a PRIMARY only: a REPLICA answers 503; see replicateMode().'
      : route.write
        ? 'The server refuses writes as a REPLICA, or as a PRIMARY whose canonical format does not match this API version (v2 writes need canonical_format v2, except v2-only categories), or while its pending queue is disabled; see replicateMode().'
        : route.path.includes('/metadata/')
          ? 'Metadata is served only by a PRIMARY (a REPLICA answers 503); last_updated also needs the canonical format to match the API version.'
          : route.role
            ? 'The pending queue (or its audit trail) is disabled on this deployment, or it is a REPLICA.'
            : undefined,
};

/** What an error status of `route` usually means: the role it needs, or the deployment mode. */
export const statusHint =
  (route: ApiRoute) =>
  (status: number): string | undefined =>
    HINTS[status]?.(route);

/**
 * The error of a bulk apply (`apply`, `applyBatch`) that stopped at a failing change: the server
 * answers that change's status (503 when its storage failed, 400 or 404 otherwise) with the apply
 * summary as body (`failed_error`, `applied`, ...). The message says what the server said, where
 * the route's usual hint for the status (REPLICA mode, a disabled queue) would mislead. Any other
 * error is returned as it is.
 */
export function applyFailure(error: unknown): unknown {
  const body = isApiError(error) ? (error.body as ApplySummary | null) : null;
  if (!isApiError(error) || typeof body?.failed_error !== 'string') return error;
  const type = typeof body.failed_error_type === 'string' ? ` (${body.failed_error_type})` : '';
  const applied = Array.isArray(body.applied) ? body.applied.length : 0;
  const moved =
    typeof body.batch_split_new_batch_id === 'number'
      ? `; the approved changes left were moved to batch ${body.batch_split_new_batch_id}`
      : '';
  return new ApiError({
    status: error.status,
    detail: `change ${String(body.failed_change_id)} could not be applied: ${body.failed_error}${type}`,
    issues: error.issues,
    method: error.method,
    url: error.url,
    body,
    hint: `The ${applied} change(s) before it were applied (\`body.applied\`), it and the rest were not${moved}.${error.status === 503 ? ' The server could not write it (a storage failure on its side, not its deployment mode): apply again once it is back.' : ''}`,
  });
}

interface ApplySummary {
  readonly applied?: unknown;
  readonly failed_change_id?: unknown;
  readonly failed_error?: unknown;
  readonly failed_error_type?: unknown;
  readonly batch_split_new_batch_id?: unknown;
}
