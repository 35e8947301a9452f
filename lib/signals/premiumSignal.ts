import type {IvTermState} from "./ivTermStructure.js";

/** What the premium-selling score looks at, for one underlying. NaN (or "unknown") = not available. */
export type PremiumSignalInputs = {
  ivPercentile: number; // 0–1, share of the last year's days with a lower 30-day IV
  ivRvRatio: number; // 30-day IV / 21-day realised vol
  termState: IvTermState; // 30-day vs 90-day ATM IV from the chain
  putSkew: number; // 25-delta put IV / ATM IV at the target expiry
};

/** The thresholds of the rules; every one is shown on the page next to the stars. */
export type PremiumSignalThresholds = {ivPercentileRich: number; ivPercentileHigh: number; ivRvMin: number; putSkewMin: number};

export const DEFAULT_PREMIUM_SIGNAL_THRESHOLDS: PremiumSignalThresholds = {
  ivPercentileRich: 0.5,
  ivPercentileHigh: 0.8,
  ivRvMin: 1.2,
  putSkewMin: 1.1
};

/** One rule's outcome: `met` is null when its input is missing (it then scores nothing). */
export type PremiumSignalCheck = {id: PremiumSignalRuleId; rule: string; met: boolean | null; stars: number};

export type PremiumSignalRuleId = "iv-percentile-rich" | "iv-percentile-high" | "iv-over-rv" | "contango" | "put-skew";

/** The score: 0–5 stars (one per rule met) with every rule's outcome. */
export type PremiumSignal = {stars: number; checks: PremiumSignalCheck[]; missing: number};

/** The rules in words, with the thresholds filled in (for the page's legend). */
export function premiumSignalRules(t: PremiumSignalThresholds = DEFAULT_PREMIUM_SIGNAL_THRESHOLDS): {id: PremiumSignalRuleId; rule: string}[] {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return [
    {id: "iv-percentile-rich", rule: `IV percentile ≥ ${pct(t.ivPercentileRich)}: 30-day IV above its median of the last year`},
    {id: "iv-percentile-high", rule: `IV percentile ≥ ${pct(t.ivPercentileHigh)}: 30-day IV in the top fifth of the last year`},
    {id: "iv-over-rv", rule: `IV/RV ≥ ${t.ivRvMin.toFixed(2)}: options price at least ${pct(t.ivRvMin - 1)} more movement than the last 21 sessions realised`},
    {id: "contango", rule: "Term structure in contango (90-day ATM IV above 30-day): no stress or event priced into the front"},
    {id: "put-skew", rule: `Put skew ≥ ${t.putSkewMin.toFixed(2)}: 25-delta put IV at least ${pct(t.putSkewMin - 1)} over ATM at the target expiry, so the put side pays`}
  ];
}

/**
 * A transparent rules-based score for selling premium (short strangles, iron condors, put spreads): one star per
 * rule met, 0–5. The rules (premiumSignalRules): IV percentile above the median (+1) and in the top fifth (+1),
 * IV/RV at least `ivRvMin` (+1), the IV term structure in contango (+1), a put skew of at least `putSkewMin` (+1).
 * A rule whose input is missing is not met (`met: null`) and counted in `missing`. A screen, not a trade signal:
 * it says where premium is rich, not whether the risk is acceptable (that is the regime's and the limits' job).
 */
export function premiumSignal(
  inputs: PremiumSignalInputs,
  thresholds: PremiumSignalThresholds = DEFAULT_PREMIUM_SIGNAL_THRESHOLDS
): PremiumSignal {
  const {ivPercentile, ivRvRatio, termState, putSkew} = inputs;
  const atLeast = (x: number, min: number): boolean | null => (Number.isFinite(x) ? x >= min : null);
  const outcomes: Record<PremiumSignalRuleId, boolean | null> = {
    "iv-percentile-rich": atLeast(ivPercentile, thresholds.ivPercentileRich),
    "iv-percentile-high": atLeast(ivPercentile, thresholds.ivPercentileHigh),
    "iv-over-rv": atLeast(ivRvRatio, thresholds.ivRvMin),
    contango: termState === "unknown" ? null : termState === "contango",
    "put-skew": atLeast(putSkew, thresholds.putSkewMin)
  };
  const checks = premiumSignalRules(thresholds).map(({id, rule}) => ({id, rule, met: outcomes[id], stars: outcomes[id] ? 1 : 0}));
  return {
    stars: checks.reduce((sum, c) => sum + c.stars, 0),
    checks,
    missing: checks.filter((c) => c.met === null).length
  };
}
