import { CATEGORIES, type Category } from '../categories.js';
import { describeValue } from '../errors/describe-value.js';
import { didYouMean } from '../errors/did-you-mean.js';
import { isInvalidSearchParamsError } from '../errors/invalid-search-params-error.js';
import {
  isSourceUnavailableError,
  type OriginAttempt,
} from '../errors/source-unavailable-error.js';
import { isUnknownCategoryError } from '../errors/unknown-category-error.js';
import { closestMatches } from '../util/closest-matches.js';
import { type FailureContext, failureGroupLines, groupFailures } from './failure-groups.js';
import { table } from './table.js';

/** What an error message needs to know of the run. */
export interface ErrorContext extends FailureContext {
  readonly offline: boolean;
  readonly cacheDir: string;
}

const WHERE_HINT =
  'Check --primary-url / --github-raw-url (or $HORDE_PRIMARY_URL / $HORDE_GITHUB_RAW_URL)';

/** The categories closest to a rejected category name (none for a value that is not text). */
export function closestCategories(value: unknown): string[] {
  return typeof value === 'string' ? closestMatches(value, CATEGORIES) : [];
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
${WHERE_HINT}, ${SEED_HINT}.`;
  }
  if (isUnknownCategoryError(error)) {
    // The closest first, then all of them: `imagegen` is one look away from `image_generation`.
    const closest = didYouMean(closestCategories(error.category));
    return `unknown category ${describeValue(error.category)}.${closest} Valid categories: ${CATEGORIES.join(', ')}.`;
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
 * Why some categories could not be loaded, for the commands that load them all: how many, then
 * one entry per cause (host and reason, then the categories it stopped), never one line per
 * category and origin: an outage of one host reads as one line however many categories it hit.
 */
export function describeFailures(
  failures: ReadonlyMap<Category, Error>,
  total: number,
  context: ErrorContext,
): string {
  const head = `${failures.size} of ${total} categories could not be loaded`;
  // No origin to ask (--offline): nothing was tried, so there is no cause but the empty cache.
  const untried = (e: Error) => isSourceUnavailableError(e) && e.attempts.length === 0;
  if (context.offline || [...failures.values()].every(untried)) {
    const others = new Map([...failures].filter(([, e]) => !untried(e)));
    return [
      `${head} (${[...failures.keys()].join(', ')}): nothing is cached for them in ${context.cacheDir}${context.offline ? ', and --offline uses no network' : ''}.`,
      ...failureGroupLines(groupFailures(others, context), total),
    ].join('\n');
  }
  const lines = failureGroupLines(groupFailures(failures, context), total);
  const all = failures.size === total;
  return [
    `${head}, and nothing is cached for ${all ? 'any' : 'them'} in ${context.cacheDir}. Why:`,
    ...lines,
    ...(all ? [`${WHERE_HINT}, ${SEED_HINT}.`] : []),
  ].join('\n');
}
