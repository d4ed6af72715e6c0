import { CATEGORIES, type Category } from '../categories.js';
import {
  isSourceUnavailableError,
  type OriginAttempt,
} from '../errors/source-unavailable-error.js';

/** One reason some categories could not be loaded, and which ones it stopped. */
export interface FailureGroup {
  /** Host and port the reason is about; `null` when it is not about a host (no legacy file). */
  readonly host: string | null;
  /** The origins of the chain it stopped, in chain order (`v2`, `v1`, `github`); may be empty. */
  readonly origins: readonly string[];
  readonly reason: string;
  /** The categories it stopped, in the order of `CATEGORIES`. */
  readonly categories: readonly Category[];
}

/** What the run knows besides the errors: each origin's last failure (from `status().chain`). */
export interface FailureContext {
  readonly lastFailures?: Readonly<Partial<Record<string, string>>>;
}

/** Host and port of a URL (`models.aihorde.net`, `127.0.0.1:8080`); as given when not a URL. */
function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

// A cool-down names a deadline that differs by milliseconds between categories.
const withoutDeadline = (reason: string) => reason.replace(/ until \S+/, '');
const COOLING = /^(?:host (\S+) )?(?:cooling down|a probe request is already testing it)/;

interface Cause {
  readonly host: string | null;
  readonly origin: string;
  readonly reason: string;
}

/**
 * Why each failed category failed, grouped by cause: one group per host and reason (`connection
 * refused by models.aihorde.net`: every category it stopped), not one line per category and
 * origin. A category skipped because its host or origin was cooling down after a failure counts
 * under that failure. Skips that are not failures (`lora has no legacy format`) are grouped by
 * origin and reason, without the category's name. Errors that are not `SourceUnavailableError`
 * (a provider's) are grouped by message.
 */
export function groupFailures(
  failures: ReadonlyMap<Category, Error>,
  context: FailureContext = {},
): FailureGroup[] {
  const attempts = (error: Error): readonly OriginAttempt[] =>
    isSourceUnavailableError(error) ? error.attempts : [];
  // The failures of this run, per origin and per host: what a cool-down skip stands for.
  const failedBy = new Map<string, Cause>();
  for (const error of failures.values())
    for (const a of attempts(error))
      if (a.outcome === 'failed') {
        const cause = { host: hostOf(a.url), origin: a.origin, reason: withoutDeadline(a.reason) };
        failedBy.set(`origin ${a.origin}`, cause);
        if (cause.host) failedBy.set(`host ${cause.host}`, cause);
      }
  const groups = new Map<string, { host: string | null; origins: Set<string>; reason: string }>();
  const members = new Map<string, Set<Category>>();
  const add = (category: Category, cause: Cause) => {
    const key = `${cause.host ?? ''}\n${cause.reason}`;
    let group = groups.get(key);
    if (!group) {
      group = { host: cause.host, origins: new Set(), reason: cause.reason };
      groups.set(key, group);
      members.set(key, new Set());
    }
    if (cause.origin) group.origins.add(cause.origin);
    members.get(key)?.add(category);
  };
  for (const [category, error] of failures) {
    const tried = attempts(error);
    if (!isSourceUnavailableError(error) || tried.length === 0) {
      add(category, { host: null, origin: '', reason: error.message });
      continue;
    }
    for (const a of tried) add(category, causeOf(a, category, failedBy, context));
  }
  const order = (c: Category) => CATEGORIES.indexOf(c);
  return [...groups].map(([key, g]) => ({
    host: g.host,
    origins: [...g.origins],
    reason: g.reason,
    categories: [...(members.get(key) ?? [])].sort((a, b) => order(a) - order(b)),
  }));
}

function causeOf(
  attempt: OriginAttempt,
  category: Category,
  failedBy: ReadonlyMap<string, Cause>,
  context: FailureContext,
): Cause {
  const { origin } = attempt;
  if (attempt.outcome === 'failed')
    return { host: hostOf(attempt.url), origin, reason: withoutDeadline(attempt.reason) };
  const cooling = COOLING.exec(attempt.reason);
  if (cooling) {
    const host = cooling[1] ? hostOf(cooling[1]) : null;
    const earlier =
      (host && failedBy.get(`host ${host}`)) ?? failedBy.get(`origin ${origin}`) ?? null;
    if (earlier) return { ...earlier, origin };
    const last = context.lastFailures?.[origin];
    if (last) return { host, origin, reason: withoutDeadline(last) };
    return { host, origin, reason: withoutDeadline(attempt.reason) };
  }
  // "lora has no legacy format": the same reason for every such category, so without its name.
  const reason = attempt.reason.startsWith(`${category} has `)
    ? attempt.reason.slice(category.length + 5)
    : attempt.reason;
  return { host: null, origin, reason };
}

/** A group's first line: host and reason, then the origins it stopped. */
function headOf(g: FailureGroup): string {
  const origins = g.origins.join(', ');
  if (g.host === null) return origins ? `${origins}: ${g.reason}` : g.reason;
  // Most network reasons name their host already: `connection refused by ...`.
  const reason = g.reason.includes(g.host) ? g.reason : `${g.host}: ${g.reason}`;
  return origins ? `${reason} (${origins})` : reason;
}

/**
 * The groups for people: each cause (host and reason, the origins in parentheses), then on the
 * next line the categories it stopped (`every category` when all of them). Causes that stopped
 * exactly the same categories (the PRIMARY refused them, and GitHub has no file for them) share
 * one list.
 */
export function failureGroupLines(groups: readonly FailureGroup[], total: number): string[] {
  const byCategories = new Map<string, { heads: string[]; categories: readonly Category[] }>();
  for (const g of groups) {
    const key = g.categories.join(',');
    const entry = byCategories.get(key) ?? { heads: [], categories: g.categories };
    entry.heads.push(headOf(g));
    byCategories.set(key, entry);
  }
  return [...byCategories.values()].flatMap(({ heads, categories }) => [
    ...heads.map((head) => `  ${head}`),
    `    ${categories.length === total && total === CATEGORIES.length ? 'every category' : categories.join(', ')}`,
  ]);
}
