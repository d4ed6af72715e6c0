const UNITS: Readonly<Record<string, number>> = {
  '': 1,
  k: 1e3,
  m: 1e6,
  g: 1e9,
  t: 1e12,
  p: 1e15,
  ki: 2 ** 10,
  mi: 2 ** 20,
  gi: 2 ** 30,
  ti: 2 ** 40,
  pi: 2 ** 50,
};

/**
 * A size as people write it: bytes (`1500`), decimal units as disk makers and this CLI print
 * them (`200G` = `200GB` = 200 × 10⁹ bytes; K, M, G, T, P), or binary ones (`200Gi` = `200GiB` =
 * 200 × 2³⁰). Case does not matter; decimals are allowed (`1.5T`). `null` when unreadable.
 *
 * @example
 * ```ts
 * parseByteSize('200G'); // 200_000_000_000
 * parseByteSize('1.5Ti'); // 1_649_267_441_664
 * ```
 */
export function parseByteSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([kmgtp]i?)?b?\s*$/i.exec(text);
  if (!match) return null;
  const unit = UNITS[(match[2] ?? '').toLowerCase()];
  if (unit === undefined) return null;
  const bytes = Math.floor(Number(match[1]) * unit);
  return Number.isSafeInteger(bytes) ? bytes : null;
}
