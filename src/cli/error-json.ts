import type { Category } from '../categories.js';
import { isModelReferenceError } from '../errors/model-reference-error.js';
import { isSourceUnavailableError } from '../errors/source-unavailable-error.js';
import { isUnknownCategoryError } from '../errors/unknown-category-error.js';
import {
  closestCategories,
  describeError,
  describeFailures,
  type ErrorContext,
} from './describe-error.js';
import { groupFailures } from './failure-groups.js';
import { CliError } from './io.js';

/** What `--json` writes on stderr when a run fails: one line, this object. */
export interface JsonError {
  readonly error: {
    /** Stable: the library's code (`MODEL_NOT_FOUND`), or the CLI's (`USAGE`, `UNKNOWN_COMMAND`, `INTERRUPTED`). */
    readonly code: string;
    readonly name: string;
    /** What the run says without `--json`. */
    readonly message: string;
    readonly exitCode: number;
    readonly [field: string]: unknown;
  };
}

// Not repeated from the error: said above, internal, or large (an API error's whole body).
const LEFT_OUT = new Set(['name', 'message', 'code', 'stack', 'cause', 'body']);

/** An error's own fields as JSON data: nested errors as their name and message. */
function fieldsOf(error: Error): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error))
    if (!LEFT_OUT.has(key)) fields[key] = plain(value);
  return fields;
}

function plain(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v, depth + 1)]));
}

/**
 * The `--json` form of an error that ended a run: its code, name and the message the CLI prints
 * otherwise, the exit code, and its fields (a `SourceUnavailableError`'s attempts without their
 * causes, a `ModelNotFoundError`'s `closest`, an `InvalidSearchParamsError`'s issues, ...).
 */
export function errorJson(error: unknown, exitCode: number, context: ErrorContext): JsonError {
  const message = describeError(error, context);
  if (error instanceof CliError)
    return {
      error: {
        code: error.code,
        name: error.name,
        message,
        exitCode,
        ...(error.closest.length > 0 ? { closest: error.closest } : {}),
      },
    };
  if (error instanceof Error && error.name === 'AbortError')
    return { error: { code: 'INTERRUPTED', name: error.name, message, exitCode } };
  if (isModelReferenceError(error)) {
    const fields = fieldsOf(error);
    if (isSourceUnavailableError(error))
      fields.attempts = error.attempts.map(({ origin, url, outcome, reason }) => ({
        origin,
        url,
        outcome,
        reason,
      }));
    if (isUnknownCategoryError(error)) fields.closest = closestCategories(error.category);
    return { error: { code: error.code, name: error.name, message, exitCode, ...fields } };
  }
  const name = error instanceof Error ? error.name : 'Error';
  return { error: { code: 'INTERNAL', name, message, exitCode } };
}

/**
 * The `--json` form of "no category could be loaded": the code of the categories' errors when
 * they share one (`SOURCE_UNAVAILABLE`), the causes grouped as in the text, and each category's
 * message.
 */
export function failuresJson(
  failures: ReadonlyMap<Category, Error>,
  total: number,
  exitCode: number,
  context: ErrorContext,
): JsonError {
  const errors = [...failures.values()];
  const codes = new Set(errors.map((e) => (isModelReferenceError(e) ? e.code : 'FAILED')));
  const names = new Set(errors.map((e) => e.name));
  const [code] = codes.size === 1 ? codes : ['FAILED'];
  const [name] = names.size === 1 ? names : ['Error'];
  return {
    error: {
      code: code ?? 'FAILED',
      name: name ?? 'Error',
      message: describeFailures(failures, total, context),
      exitCode,
      causes: context.offline
        ? [
            {
              host: null,
              origins: [],
              reason: 'nothing is cached, and --offline uses no network',
              categories: [...failures.keys()],
            },
          ]
        : groupFailures(failures, context),
      categories: Object.fromEntries([...failures].map(([c, e]) => [c, e.message])),
    },
  };
}
