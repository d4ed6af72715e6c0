/**
 * A duration in words for messages: `850 ms`, `9 s`, `14 min`, `3 h`, `2 d`.
 *
 * @example
 * ```ts
 * formatDuration(86_400_000); // '1 d'
 * ```
 */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Math.round(ms / 1_000)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 86_400_000) return `${Math.round(ms / 3_600_000)} h`;
  return `${Math.round(ms / 86_400_000)} d`;
}
