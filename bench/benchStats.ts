/** The median of a list of timings or rates (the upper middle for an even count); used by every bench. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
