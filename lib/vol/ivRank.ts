/** IV rank and percentile on one day, with the window they were computed over. */
export type IvRankResult = {
  iv: number; // today's value, as given (decimal IV or index points)
  rank: number; // (iv - min) / (max - min) over the window, 0..1; NaN when max = min or fewer than 2 days
  percentile: number; // share of the other days in the window with a value below today's, 0..1
  min: number;
  max: number;
  daysUsed: number; // finite values in the window, today included
  windowDays: number; // the window asked for
  complete: boolean; // daysUsed === windowDays
};

/**
 * IV rank and IV percentile of `ivs[index]` over the trailing `windowDays` observations ending at `index`
 * (today included):
 * - rank = (IV - min) / (max - min) of the window: 1 on the window's high, 0 on its low;
 * - percentile = (number of other days in the window with IV lower than today) / (daysUsed - 1).
 * NaN values (missing days) are skipped and not counted. With fewer observations than the window,
 * the result uses what there is and says so (`daysUsed`, `complete: false`). Units cancel: pass decimals
 * or index points alike. Rank a constant-maturity (e.g. 30-day ATM) IV, not a rolling contract's IV.
 * @throws RangeError for windowDays < 2 or an index outside the series.
 */
export function ivRank(ivs: ArrayLike<number>, {index = ivs.length - 1, windowDays = 252} = {}): IvRankResult {
  if (!(Number.isInteger(windowDays) && windowDays >= 2)) throw new RangeError(`ivRank: windowDays must be an integer >= 2, got ${windowDays}`);
  if (!(Number.isInteger(index) && index >= 0 && index < ivs.length)) {
    throw new RangeError(`ivRank: index must be in 0..${ivs.length - 1}, got ${index}`);
  }
  const iv = ivs[index];
  let min = Infinity;
  let max = -Infinity;
  let below = 0;
  let daysUsed = 0;
  for (let j = Math.max(0, index - windowDays + 1); j <= index; ++j) {
    const v = ivs[j];
    if (!Number.isFinite(v)) continue;
    ++daysUsed;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v < iv) ++below;
  }
  const valid = Number.isFinite(iv) && daysUsed >= 2;
  return {
    iv,
    rank: valid && max > min ? (iv - min) / (max - min) : NaN,
    percentile: valid ? below / (daysUsed - 1) : NaN,
    min: daysUsed ? min : NaN,
    max: daysUsed ? max : NaN,
    daysUsed,
    windowDays,
    complete: daysUsed === windowDays
  };
}

/** ivRank for every day of a series: rank, percentile and daysUsed as same-length arrays. */
export function rollingIvRank(
  ivs: ArrayLike<number>,
  {windowDays = 252} = {}
): {rank: Float64Array; percentile: Float64Array; daysUsed: Int32Array} {
  const rank = new Float64Array(ivs.length);
  const percentile = new Float64Array(ivs.length);
  const daysUsed = new Int32Array(ivs.length);
  for (let i = 0; i < ivs.length; ++i) {
    const r = ivRank(ivs, {index: i, windowDays});
    rank[i] = r.rank;
    percentile[i] = r.percentile;
    daysUsed[i] = r.daysUsed;
  }
  return {rank, percentile, daysUsed};
}
