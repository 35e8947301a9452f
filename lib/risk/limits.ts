import type {RegimeLimits} from "../regime/riskMatrix.js";
import {DELTA_ONE_KINDS, type StrategyGroup} from "../strategies/recognize.js";
import type {GreekKey, GreekTotals} from "./aggregate.js";

/** The four numeric limits of a regime. */
export type LimitName = "maxBetaDelta" | "maxNegativeVega" | "minDailyTheta" | "maxGamma";

/** Which aggregate each limit reads, how, and its risk_matrix.yaml key. */
export const LIMIT_SPECS: Readonly<Record<LimitName, {greek: GreekKey; kind: "abs-max" | "floor"; yamlKey: string; unit: string}>> = {
  maxBetaDelta: {greek: "betaDelta", kind: "abs-max", yamlKey: "max_beta_delta", unit: "SPY-share eq."},
  maxNegativeVega: {greek: "vegaPerVolPt", kind: "floor", yamlKey: "max_negative_vega", unit: "USD/vol pt"},
  minDailyTheta: {greek: "thetaPerDay", kind: "floor", yamlKey: "min_daily_theta", unit: "USD/day"},
  maxGamma: {greek: "betaGamma", kind: "abs-max", yamlKey: "max_gamma", unit: "SPY-share eq./SPY pt"}
};

/** The four numeric limits in LIMIT_SPECS order (the order of `checks`). */
export const LIMIT_NAMES: readonly LimitName[] = Object.keys(LIMIT_SPECS) as LimitName[];

/** One numeric limit compared with its aggregate. */
export type LimitCheck = {
  limit: LimitName;
  yamlKey: string;
  value: number; // the aggregate (betaDelta, vegaPerVolPt, thetaPerDay or betaGamma)
  limitValue: number;
  status: "ok" | "near" | "breach";
  room: number; // how far inside the limit, in the aggregate's unit; negative on a breach
  excess: number; // breach size: -room when breached, else 0
  distancePct: number | null; // room / |limit| x 100 (negative on a breach); null when the limit is 0
  message: string;
};

/** A recognised strategy the regime does not allow. */
export type StrategyBreach = {groupId: string; kind: string; label: string; matrixNames: string[]; allowed: string[]};

/** Everything `checkLimits` found. `ok` is false on any numeric or strategy breach (near-limit warnings keep it true). */
export type LimitReport = {
  ok: boolean;
  checks: LimitCheck[];
  breaches: LimitCheck[];
  warnings: LimitCheck[];
  strategyBreaches: StrategyBreach[];
  incomplete: {missing: GreekTotals["missing"]; symbols: string[]} | null; // positions whose greeks are unknown
};

/** How far inside a limit an aggregate is (negative when breached), in the aggregate's unit. */
export function limitRoom(limit: LimitName, value: number, limitValue: number): number {
  return LIMIT_SPECS[limit].kind === "abs-max" ? limitValue - Math.abs(value) : value - limitValue;
}

/**
 * Compares portfolio aggregates with a regime's limits.
 *
 * - max_beta_delta, max_gamma: |aggregate| <= limit (absolute caps, >= 0).
 * - max_negative_vega: vega >= limit (a floor <= 0: -1200 allows up to $1,200 short per vol point).
 * - min_daily_theta: theta >= limit (a floor on theta collected per day).
 * Each check carries its room, the breach size (`excess`) and `distancePct` = room / |limit| x 100 (null for a
 * zero limit, where any exposure on the wrong side is a breach). A check inside the limit is "near" when
 * distancePct < (1 - nearFraction) x 100, i.e. past 80% of a cap by default (theta within 20% above its floor).
 * Strategies: a group breaches when none of its `matrixNames` is in `allowedStrategies`; delta-one groups (stock,
 * future, crypto) are exempt unless `exemptDeltaOne` is false, since max_beta_delta governs them.
 * Sums that exclude positions with unknown greeks are flagged in `incomplete`. Every strategy breach's `allowed` is
 * one shared frozen copy of the regime's list.
 */
export function checkLimits(
  totals: GreekTotals,
  groups: readonly StrategyGroup[],
  limits: RegimeLimits,
  {nearFraction = 0.8, exemptDeltaOne = true}: {nearFraction?: number; exemptDeltaOne?: boolean} = {}
): LimitReport {
  if (!(nearFraction > 0 && nearFraction <= 1)) throw new RangeError(`checkLimits: nearFraction must be in (0, 1], got ${nearFraction}`);
  const checks = LIMIT_NAMES.map((limit): LimitCheck => {
    const spec = LIMIT_SPECS[limit];
    const value = totals[spec.greek];
    const limitValue = limits[limit];
    const room = limitRoom(limit, value, limitValue);
    const breached = room < -1e-9 * Math.max(1, Math.abs(limitValue));
    const distancePct = limitValue === 0 ? null : (room / Math.abs(limitValue)) * 100;
    const near = !breached && distancePct !== null && distancePct < (1 - nearFraction) * 100;
    const status = breached ? "breach" : near ? "near" : "ok";
    const bound = spec.kind === "abs-max" ? `|${spec.greek}| <= ${fmt(limitValue)}` : `${spec.greek} >= ${fmt(limitValue)}`;
    const where = distancePct === null ? "" : ` (${fmt(Math.abs(distancePct))}% ${room < 0 ? "past" : "inside"} the limit)`;
    const message =
      status === "breach"
        ? `${spec.yamlKey}: ${spec.greek} ${fmt(value)} ${spec.unit} breaks ${bound} by ${fmt(-room)}${where}`
        : `${spec.yamlKey}: ${spec.greek} ${fmt(value)} ${spec.unit} within ${bound}${where}`;
    return {limit, yamlKey: spec.yamlKey, value, limitValue, status, room, excess: breached ? -room : 0, distancePct, message};
  });
  // one pass over the groups with set lookups: a book of 10,000 positions has thousands of groups
  const allowed = new Set(limits.allowedStrategies);
  const exempt = new Set<string>(exemptDeltaOne ? DELTA_ONE_KINDS : []);
  const allowedList = Object.freeze([...limits.allowedStrategies]) as string[]; // one frozen copy shared by the breaches
  const strategyBreaches: StrategyBreach[] = [];
  for (const g of groups) {
    if (exempt.has(g.kind) || g.matrixNames.some((name) => allowed.has(name))) continue;
    strategyBreaches.push({groupId: g.id, kind: g.kind, label: g.label, matrixNames: g.matrixNames, allowed: allowedList});
  }
  const breaches = checks.filter((c) => c.status === "breach");
  const anyMissing = Object.values(totals.missing).some((n) => n > 0);
  return {
    ok: breaches.length === 0 && strategyBreaches.length === 0,
    checks,
    breaches,
    warnings: checks.filter((c) => c.status === "near"),
    strategyBreaches,
    incomplete: anyMissing ? {missing: {...totals.missing}, symbols: [...totals.missingSymbols]} : null
  };
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(Math.abs(x) >= 100 ? 0 : 2);
}
