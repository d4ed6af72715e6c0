/**
 * Python's `round(x, 2)`: the nearest hundredth, exact halves to even. Only values that are
 * exact binary halves of a hundredth (`x * 8` an integer, like 0.125) are real ties; every other
 * value rounds the same way as `toFixed`.
 */
export function roundTo2(x: number): number {
  const hundredths = x * 100;
  if (Number.isInteger(x * 8) && !Number.isInteger(hundredths)) {
    const floor = Math.floor(hundredths);
    return (floor % 2 === 0 ? floor : floor + 1) / 100;
  }
  return Number(x.toFixed(2));
}
