// "Did you mean" hints. Only ever run when something was not found (an error is being built, a
// filter matched nothing), never on the path of a successful read.

// Names longer than this are compared by containment only: the edit distance costs the product
// of both lengths, and a name from a hostile server could be very long.
const MAX_EDIT_LENGTH = 200;

/** Case, spaces, `_`, `-` and `.` ignored: `Stable_Diffusion_XL` ~ `stable-diffusion xl`. */
const loose = (text: string): string => text.toLowerCase().replace(/[\s_.-]+/g, '');

/**
 * Optimal string alignment distance (insertions, deletions, substitutions and swaps of two
 * neighbours each cost 1), or `limit + 1` as soon as it must exceed `limit`.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current[j] = value;
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** How far `candidate` is from `input` (lower is closer), or `null` when it is not close. */
function score(input: string, candidate: string): number | null {
  const a = loose(input);
  const b = loose(candidate);
  if (a === '' || b === '') return null;
  if (a === b) return 0;
  // A third of the longer name may be wrong (at least one character): `serch` ~ `search`.
  const limit = Math.max(1, Math.floor(Math.max(a.length, b.length) / 3));
  if (a.length <= MAX_EDIT_LENGTH && b.length <= MAX_EDIT_LENGTH) {
    const distance = editDistance(a, b, limit);
    // Of two names as far away, the one that goes on from what was typed: `stable_diffusion_x`
    // is `stable_diffusion_xl` sooner than `stable_diffusion_1`.
    if (distance <= limit) return b.startsWith(a) ? distance - 0.5 : distance;
  }
  // A part of a long name: `albedo` ~ `AlbedoBase XL (SDXL)`, `imagegen` ~ `image_generation`.
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && long.includes(short))
    return MAX_EDIT_LENGTH + long.length - short.length;
  return null;
}

/**
 * The candidates closest to `input`, best first, for a "did you mean" hint: those equal but for
 * case and separators (`_`, `-`, `.`, spaces), and only those when there are any; else those a
 * few typing mistakes away (a third of the name at most), then those that contain it or that it
 * contains (three characters or more). Candidates equal to `input` are left out. Of two as far
 * away, one that starts with `input` comes first; other ties keep the candidates' order.
 *
 * @param limit - how many to return at most. @default 3
 * @example
 * ```ts
 * closestMatches('serch', ['search', 'stats', 'status']); // ['search']
 * closestMatches('Stable_Diffusion_XL', ['stable_diffusion_xl', 'flux_1']); // ['stable_diffusion_xl']
 * ```
 */
export function closestMatches(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const scored: { candidate: string; score: number; index: number }[] = [];
  const seen = new Set<string>();
  let index = 0;
  for (const candidate of candidates) {
    if (candidate === input || seen.has(candidate)) continue;
    seen.add(candidate);
    const value = score(input, candidate);
    if (value !== null) scored.push({ candidate, score: value, index: index++ });
  }
  scored.sort((x, y) => x.score - y.score || x.index - y.index);
  // The same name but for case or separators leaves no doubt: the others would only distract.
  const sure = scored[0]?.score === 0 ? scored.filter((s) => s.score === 0) : scored;
  return sure.slice(0, limit).map((s) => s.candidate);
}
