import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/**
 * A `source` that names neither the canonical reference (`horde`), `any`, nor a registered
 * provider. Thrown before any request. An origin of the fallback chain (`v2`, `v1`, `github`) is
 * not a source: the chain is the `chain` option.
 *
 * @example
 * ```ts
 * await refs.getCategory('clip', { source: 'pending' }); // UnknownSourceError until pendingProvider() is registered
 * ```
 */
export class UnknownSourceError extends ModelReferenceError {
  override readonly name = 'UnknownSourceError' as const;
  /** The ids that are not sources. */
  readonly unknown: readonly string[];
  /** The ids that would have been accepted. */
  readonly allowed: readonly string[];

  constructor(unknown: readonly string[], allowed: readonly string[]) {
    const origins = unknown.filter((id) => id === 'v2' || id === 'v1' || id === 'github');
    const note =
      origins.length > 0
        ? ` (${origins.join(', ')} ${origins.length > 1 ? 'are origins' : 'is an origin'} of the fallback chain, set with the \`chain\` option, not a source)`
        : '';
    const named = unknown.map((id) => JSON.stringify(id)).join(', ');
    const what =
      unknown.length === 0
        ? 'An empty list of sources selects nothing'
        : `Unknown source ${named}: no provider is registered under ${named}${note}`;
    super(
      'UNKNOWN_SOURCE',
      `${what}. Sources: ${allowed.join(', ')}; register a provider to add one.`,
    );
    this.unknown = unknown;
    this.allowed = allowed;
  }
}

/** Cross-realm guard for {@link UnknownSourceError}. */
export const isUnknownSourceError: (error: unknown) => error is UnknownSourceError =
  /* @__PURE__ */ errorGuard(UnknownSourceError, 'UnknownSourceError');
