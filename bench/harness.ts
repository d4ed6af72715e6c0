// Shared benchmark helpers: medians over repeated runs, so ratios measured in one run hold on a
// noisy machine.
import { cpus } from 'node:os';

/** One row of the results table. */
export interface BenchResult {
  readonly name: string;
  /** The measured figure (a ratio, a time in the given unit, or a count). */
  readonly value: number;
  readonly unit: string;
  /** The target, written as the table shows it (e.g. `<= 2.0×`). */
  readonly target: string;
  readonly met: boolean;
  readonly detail?: string;
}

/** A benchmark: returns one or more result rows. */
export type Bench = () => Promise<BenchResult[]> | BenchResult[];

/** The median of `values` (the upper one of an even count; sorts `values` in place). */
export function median(values: number[]): number {
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] ?? Number.NaN;
}

/** Median duration in milliseconds of `fn`, after `warmup` unmeasured runs. */
export function medianMs(fn: () => unknown, runs = 200, warmup = 50): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The machine the figures were measured on. */
export function machine(): { cpu: string; cores: number; node: string } {
  return { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version };
}

/** Median over `batches` of the mean time per call of an async `fn` (`perBatch` calls each), in ms. */
export async function medianAsyncMs(
  fn: () => Promise<unknown>,
  perBatch = 1_000,
  batches = 30,
): Promise<number> {
  for (let i = 0; i < perBatch; i++) await fn();
  const times: number[] = [];
  for (let b = 0; b < batches; b++) {
    const start = performance.now();
    for (let i = 0; i < perBatch; i++) await fn();
    times.push((performance.now() - start) / perBatch);
  }
  return median(times);
}
