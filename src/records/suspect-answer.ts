/**
 * When an answer that would empty or gut a category is not trusted. A server that answers `{}`
 * (as the real one does for a category it has no data for), an error object with a 200, or records
 * that all fail validation after a type change would otherwise replace good data with nothing.
 */
export interface SuspectAnswerPolicy {
  /**
   * Largest share of the records held that one answer may remove (0 to 1). An empty answer for a
   * category that held records removes all of them.
   * @default 0.5
   */
  readonly maxRemovedShare: number;
  /**
   * Largest share of an answer's records that may fail validation (0 to 1).
   * @default 0.5
   */
  readonly maxInvalidShare: number;
}

/** What an answer would do to the records held, counted. */
export interface AnswerCounts {
  /** Names held before the answer. */
  readonly held: readonly string[];
  /** Names in the answer that validated. */
  readonly answered: Readonly<Record<string, unknown>>;
  /** Records in the answer that failed validation. */
  readonly invalid: number;
  /**
   * Removals the PRIMARY's own counters confirm (its delete counter moved by this much since the
   * data held was read); those do not count against the answer.
   */
  readonly confirmedRemovals: number;
}

/**
 * Why an answer is suspect, in words, or `null` when it can be taken.
 *
 * @example
 * ```ts
 * suspectReason({ held: ['a', 'b'], answered: {}, invalid: 0, confirmedRemovals: 0 }, policy);
 * // 'it would remove 2 of the 2 records held (100 %, more than the 50 % allowed)'
 * ```
 */
export function suspectReason(counts: AnswerCounts, policy: SuspectAnswerPolicy): string | null {
  const { held, answered, invalid, confirmedRemovals } = counts;
  const valid = Object.keys(answered).length;
  if (valid + invalid > 0 && invalid / (valid + invalid) > policy.maxInvalidShare)
    return `${invalid} of its ${valid + invalid} records fail validation (${percent(invalid / (valid + invalid))}, more than the ${percent(policy.maxInvalidShare)} allowed)`;
  if (held.length === 0) return null;
  let removed = 0;
  for (const name of held) if (!Object.hasOwn(answered, name)) removed++;
  const unconfirmed = Math.max(0, removed - confirmedRemovals);
  if (unconfirmed / held.length > policy.maxRemovedShare)
    return `it would remove ${removed} of the ${held.length} records held (${percent(removed / held.length)}, more than the ${percent(policy.maxRemovedShare)} allowed${confirmedRemovals > 0 ? `; the PRIMARY confirms ${confirmedRemovals} deletion(s)` : ''})`;
  return null;
}

const percent = (share: number) => `${Math.round(share * 100)} %`;
