/** Small numeric helpers for the report: percentiles and number formatting. */

/** Nearest-rank percentile (p in 0..100) of unsorted samples; NaN when empty. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** A fixed number of significant-looking digits: 0.123, 1.23, 12.3, 123. */
export function fmt(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

/** `value` with its ratio to the reference beside it, e.g. `12.3 (×2.1)`. */
export function withRatio(value: number, reference: number | undefined, isReference: boolean): string {
  if (isReference || reference === undefined || !Number.isFinite(reference) || reference === 0 || !Number.isFinite(value)) return fmt(value);
  return `${fmt(value)} (×${fmt(value / reference)})`;
}
