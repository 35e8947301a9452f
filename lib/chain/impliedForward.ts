/** A call and a put mid at one strike of one expiry. */
export type ParityPair = {strike: number; callMid: number; putMid: number};

/** An expiry's implied forward and discount factor from put-call parity. */
export type ImpliedForward = {
  forward: number;
  discount: number; // D = e^{-rT}
  rate: number; // -ln(D) / T, continuous
  method: "parity-regression" | "given-rate";
  strikesUsed: number;
  parityStrike: number; // the strike where |C - P| is smallest
};

/**
 * Implied forward F and discount D of one expiry from put-call parity C - P = D (F - K), on the `nearest` strikes
 * around the one where |C - P| is smallest (the most reliable, near-the-money pairs).
 * - With `rate` given: D = e^{-rT} and F = median over those strikes of K + (C - P) / D.
 * - Without: ordinary least squares of C - P on K gives D = -slope and F = intercept / D. The slope is noisy for
 *   short expiries (a one-cent error over a 10-point strike range moves the rate by 0.1% / T), so callers should
 *   estimate the rate on longer expiries and pass it for the rest.
 * For American options parity holds only approximately (early exercise), best near the money and short-dated.
 * Returns NaN fields when there is no pair (or fewer than 3 pairs for the regression).
 */
export function impliedForward(pairs: readonly ParityPair[], {tYears, rate, nearest = 6}: {tYears: number; rate?: number; nearest?: number}): ImpliedForward {
  const valid = pairs.filter((p) => p.strike > 0 && Number.isFinite(p.callMid) && Number.isFinite(p.putMid)).sort((a, b) => a.strike - b.strike);
  const empty: ImpliedForward = {forward: NaN, discount: NaN, rate: NaN, method: rate === undefined ? "parity-regression" : "given-rate", strikesUsed: 0, parityStrike: NaN};
  if (!valid.length || !(tYears > 0)) return empty;
  let at = 0;
  for (let i = 1; i < valid.length; ++i) {
    if (Math.abs(valid[i].callMid - valid[i].putMid) < Math.abs(valid[at].callMid - valid[at].putMid)) at = i;
  }
  const half = Math.floor(nearest / 2);
  const from = Math.max(0, Math.min(at - half, valid.length - nearest));
  const used = valid.slice(from, from + nearest);
  const parityStrike = valid[at].strike;
  if (rate !== undefined) {
    const discount = Math.exp(-rate * tYears);
    const forwards = used.map((p) => p.strike + (p.callMid - p.putMid) / discount).sort((a, b) => a - b);
    const m = forwards.length >> 1;
    const forward = forwards.length % 2 ? forwards[m] : (forwards[m - 1] + forwards[m]) / 2;
    return {forward, discount, rate, method: "given-rate", strikesUsed: used.length, parityStrike};
  }
  if (used.length < 3) return {...empty, parityStrike};
  const n = used.length;
  const meanK = used.reduce((a, p) => a + p.strike, 0) / n;
  const meanY = used.reduce((a, p) => a + p.callMid - p.putMid, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of used) {
    sxy += (p.strike - meanK) * (p.callMid - p.putMid - meanY);
    sxx += (p.strike - meanK) ** 2;
  }
  const discount = -sxy / sxx;
  const forward = (meanY + discount * meanK) / discount;
  return {forward, discount, rate: -Math.log(discount) / tYears, method: "parity-regression", strikesUsed: n, parityStrike};
}
