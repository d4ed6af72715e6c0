/** Bytes per second over a sliding window: recent speed, not the average since the start. */
export class RateMeter {
  readonly #windowMs: number;
  readonly #samples: { at: number; bytes: number }[] = [];

  constructor(windowMs = 5_000) {
    this.#windowMs = windowMs;
  }

  /** Records that `bytes` (a running total) were reached at `at` (ms). */
  add(at: number, bytes: number): void {
    this.#samples.push({ at, bytes });
    while (this.#samples.length > 2 && (this.#samples[0]?.at ?? at) < at - this.#windowMs)
      this.#samples.shift();
  }

  /** Bytes per second over the window; 0 until two samples are apart. */
  rate(): number {
    const first = this.#samples[0];
    const last = this.#samples[this.#samples.length - 1];
    if (!first || !last || last.at <= first.at) return 0;
    return ((last.bytes - first.bytes) * 1000) / (last.at - first.at);
  }
}
