import type { Category } from '../categories.js';
import { isInvalidSearchParamsError } from '../errors/invalid-search-params-error.js';
import {
  isSourceUnavailableError,
  type OriginAttempt,
} from '../errors/source-unavailable-error.js';
import { table } from './table.js';

/** What an error message needs to know of the run. */
export interface ErrorContext {
  readonly offline: boolean;
  readonly cacheDir: string;
}

const SEED_HINT = 'or seed it with `horde-model-reference snapshot import <file>`';

/** The origins tried, one aligned line each: origin, outcome, reason, URL. */
function attemptLines(attempts: readonly OriginAttempt[], withUrl: boolean): string {
  return table(
    withUrl ? ['origin', 'outcome', 'reason', 'url'] : ['origin', 'outcome', 'reason'],
    attempts.map((a) => [a.origin, a.outcome, a.reason, ...(withUrl ? [a.url] : [])]),
  )
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/**
 * An error as a person should read it: no stack, and for "no source answered" every source
 * tried with what happened to it, and what to do next.
 */
export function describeError(error: unknown, context: ErrorContext): string {
  if (isSourceUnavailableError(error) && error.source !== 'horde') {
    // A read of the pending channel alone: its key is what usually fails.
    const why = error.attempts.map((a) => a.reason).join('; ');
    return `the ${error.source} source could not provide category ${error.category}: ${why}. Check the API key (--api-key or $HORDE_API_KEY): it needs the pending queue's reader role.`;
  }
  if (isSourceUnavailableError(error)) {
    const { category, attempts } = error;
    if (context.offline || attempts.length === 0)
      return `nothing is cached for category ${category} in ${context.cacheDir}, and --offline uses no network. Run once without --offline, ${SEED_HINT}.`;
    return `no source could provide category ${category}, and nothing is cached for it in ${context.cacheDir}. Tried:
${attemptLines(attempts, true)}
Check --primary-url / --github-raw-url, ${SEED_HINT}.`;
  }
  if (isInvalidSearchParamsError(error)) {
    const issues = error.issues.map(
      (i) =>
        `  --${kebab(i.param)}: ${i.message}${i.allowed ? ` (allowed: ${i.allowed.join(', ')})` : ''}`,
    );
    return `invalid search:\n${issues.join('\n')}`;
  }
  if (error instanceof Error && error.name === 'AbortError') return 'interrupted';
  return error instanceof Error ? error.message : String(error);
}

/** The origins tried, on one line: `v2 failed (HTTP 503), v1 skipped (...)`. */
export function attemptsInline(attempts: readonly OriginAttempt[]): string {
  return attempts.map((a) => `${a.origin} ${a.outcome} (${a.reason})`).join(', ');
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Why some categories could not be loaded, for the commands that load them all: which ones, and
 * each source's distinct reasons (the same outage repeats for every category).
 */
export function describeFailures(
  failures: ReadonlyMap<Category, Error>,
  total: number,
  context: ErrorContext,
): string {
  const names = [...failures.keys()].join(', ');
  const attempts = [...failures.values()].flatMap((e) =>
    isSourceUnavailableError(e) ? e.attempts : [],
  );
  const head = `${failures.size} of ${total} categories could not be loaded (${names})`;
  if (context.offline || attempts.length === 0) {
    const others = [...failures.values()].filter((e) => !isSourceUnavailableError(e));
    const reasons = [...new Set(others.map((e) => e.message))].map((m) => `  ${m}`);
    return [
      `${head}: nothing is cached for them in ${context.cacheDir}${context.offline ? ', and --offline uses no network' : ''}.`,
      ...reasons,
    ].join('\n');
  }
  const seen = new Set<string>();
  const distinct = attempts.filter((a) => {
    // Cool-down reasons name a deadline that differs by milliseconds between categories.
    const key = `${a.origin} ${a.outcome} ${a.reason.replace(/ until \S+/, '')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return `${head}, and nothing is cached for them in ${context.cacheDir}. Sources tried:
${attemptLines(distinct, false)}`;
}
