/** Bid/ask of the call and the put at one strike of one expiry. */
export type VixStrikeQuote = {strike: number; callBid: number; callAsk: number; putBid: number; putAsk: number};

/** One strike's term in the variance sum: ΔK / K² e^{RT} Q(K). */
export type VixContribution = {strike: number; side: "put" | "call" | "put/call"; mid: number; deltaK: number; contribution: number};

/** One term (expiry) of the VIX calculation. */
export type VixTerm = {
  minutes: number; // minutes to settlement
  tYears: number; // minutes / 525,600
  rate: number;
  forward: number; // F = K* + e^{RT} (C - P) at K*, the strike with the smallest |C - P|
  parityStrike: number; // K*
  k0: number; // first strike at or below F
  variance: number; // σ² = (2/T) Σ ΔK/K² e^{RT} Q(K) - (1/T)(F/K0 - 1)²
  contributions: VixContribution[];
  lowestPutStrike: number;
  highestCallStrike: number;
};

/**
 * One term of CBOE's VIX methodology (Cboe Volatility Index Mathematics Methodology / VIX white paper), for any
 * chain of European-style options:
 * 1. F from put-call parity at the strike with the smallest |call mid - put mid|; K0 = first strike at or below F;
 * 2. out-of-the-money puts below K0 walking down and calls above K0 walking up, each skipping zero bids and stopping
 *    after two consecutive zero bids; at K0 the average of the call and put mids;
 * 3. ΔK = half the distance between the neighbouring *included* strikes (one-sided at the ends);
 * 4. σ² = (2/T) Σ ΔK/K² e^{RT} Q(K) - (1/T)(F/K0 - 1)².
 * Mids are (bid + ask) / 2. Returns variance NaN when there is no strike with both sides quoted.
 * @param minutes time to settlement in minutes (T = minutes / 525,600)
 */
export function vixTermVariance(strikes: readonly VixStrikeQuote[], {minutes, rate}: {minutes: number; rate: number}): VixTerm {
  const tYears = minutes / 525_600;
  const rows = [...strikes].sort((a, b) => a.strike - b.strike);
  const callMid = (r: VixStrikeQuote) => (r.callBid + r.callAsk) / 2;
  const putMid = (r: VixStrikeQuote) => (r.putBid + r.putAsk) / 2;
  const growth = Math.exp(rate * tYears);
  const priced = rows.filter((r) => [r.callBid, r.callAsk, r.putBid, r.putAsk].every(Number.isFinite));
  const empty: VixTerm = {minutes, tYears, rate, forward: NaN, parityStrike: NaN, k0: NaN, variance: NaN, contributions: [], lowestPutStrike: NaN, highestCallStrike: NaN};
  if (!priced.length || !(tYears > 0)) return empty;
  const star = priced.reduce((best, r) => (Math.abs(callMid(r) - putMid(r)) < Math.abs(callMid(best) - putMid(best)) ? r : best));
  const forward = star.strike + growth * (callMid(star) - putMid(star));
  let k0At = -1;
  for (let i = 0; i < rows.length; ++i) if (rows[i].strike <= forward) k0At = i;
  if (k0At < 0) return {...empty, forward, parityStrike: star.strike};
  const k0Row = rows[k0At];

  const selected: {strike: number; side: VixContribution["side"]; mid: number}[] = [
    {strike: k0Row.strike, side: "put/call", mid: (callMid(k0Row) + putMid(k0Row)) / 2}
  ];
  // walk away from K0; skip zero bids; two consecutive zero bids end the walk
  for (const [side, step] of [["put", -1], ["call", 1]] as const) {
    let zeroRun = 0;
    for (let i = k0At + step; i >= 0 && i < rows.length; i += step) {
      const r = rows[i];
      const bid = side === "put" ? r.putBid : r.callBid;
      if (!(bid > 0)) {
        if (++zeroRun === 2) break;
        continue;
      }
      zeroRun = 0;
      selected.push({strike: r.strike, side, mid: side === "put" ? putMid(r) : callMid(r)});
    }
  }
  selected.sort((a, b) => a.strike - b.strike);
  let sum = 0;
  const contributions = selected.map((s, i): VixContribution => {
    const below = selected[i - 1]?.strike;
    const above = selected[i + 1]?.strike;
    const deltaK = below === undefined ? above! - s.strike : above === undefined ? s.strike - below : (above - below) / 2;
    const contribution = (deltaK / (s.strike * s.strike)) * growth * s.mid;
    sum += contribution;
    return {...s, deltaK, contribution};
  });
  const variance = (2 / tYears) * sum - (1 / tYears) * (forward / k0Row.strike - 1) ** 2;
  return {
    minutes,
    tYears,
    rate,
    forward,
    parityStrike: star.strike,
    k0: k0Row.strike,
    variance,
    contributions,
    lowestPutStrike: selected[0].strike,
    highestCallStrike: selected[selected.length - 1].strike
  };
}

/**
 * The VIX-style index level (vol points, e.g. 13.93) from a near and a next term: their variances interpolated in
 * minutes to `targetDays` (30) and annualised,
 * 100 sqrt{ [T1 σ1² (N2 - N30)/(N2 - N1) + T2 σ2² (N30 - N1)/(N2 - N1)] × N365 / N30 }.
 * With N1 = N2 (one expiry at the target) that expiry's variance is used alone. `bracketed` is false when the terms
 * do not straddle the target (the same formula then extrapolates linearly, as Cboe does in special cases).
 */
export function vixIndex(near: VixTerm, next: VixTerm, {targetDays = 30} = {}): {level: number; weightNear: number; bracketed: boolean} {
  const [n1, n2, nTarget, nYear] = [near.minutes, next.minutes, targetDays * 1440, 525_600];
  const weightNear = n2 === n1 ? 1 : (n2 - nTarget) / (n2 - n1);
  const weighted = near.tYears * near.variance * weightNear + next.tYears * next.variance * (1 - weightNear);
  return {level: 100 * Math.sqrt((weighted * nYear) / nTarget), weightNear, bracketed: n1 <= nTarget && nTarget <= n2};
}
