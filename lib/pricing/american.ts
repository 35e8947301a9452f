/**
 * American options on US equities and ETFs: price, greeks, early-exercise premium and implied vol, with a
 * continuous dividend yield and/or discrete cash dividends.
 *
 * Engines: "bjerksund-stensland-2002" (closed form, ~microseconds, continuous yield only) and "binomial" (BBSR
 * CRR tree, the accurate reference; cash dividends by the escrowed-dividend model, see binomialAmerican.ts).
 * The default is Bjerksund-Stensland without cash dividends and the binomial engine with them.
 */
import {checkBsmInputs, type BsmInputs} from "./bsm.js";
import {binomialAmericanPrice, type CashDividend} from "./binomialAmerican.js";
import {bjerksundStensland2002Price} from "./bjerksundStensland.js";
import {emptyGreeks, DAYS_PER_YEAR, type Greeks} from "./greeks.js";
import type {IvResult} from "./impliedVol.js";
import {impliedVol} from "./impliedVol.js";
import {normalisedBlack} from "./normalisedBlack.js";

export type {CashDividend} from "./binomialAmerican.js";

/** One American option: BSM inputs plus optional cash dividends, engine and binomial steps (default 2000). */
export type AmericanInputs = BsmInputs & {
  dividends?: CashDividend[];
  engine?: "bjerksund-stensland-2002" | "binomial";
  steps?: number;
};

function checkAmerican(fn: string, inputs: AmericanInputs): void {
  checkBsmInputs(fn, inputs);
  for (const [i, d] of (inputs.dividends ?? []).entries()) {
    if (!Number.isFinite(d.tYears) || !Number.isFinite(d.amount) || d.amount < 0) {
      throw new RangeError(`${fn}: dividends[${i}] must have finite tYears and amount >= 0, got ${JSON.stringify(d)}`);
    }
  }
  if (inputs.steps !== undefined && !(inputs.steps >= 4)) throw new RangeError(`${fn}: steps must be >= 4, got ${inputs.steps}`);
  if (inputs.engine === "bjerksund-stensland-2002" && (inputs.dividends ?? []).some((d) => d.tYears > 0 && d.tYears <= inputs.tYears && d.amount > 0)) {
    throw new RangeError(`${fn}: engine bjerksund-stensland-2002 handles a continuous yield only; use engine "binomial" for cash dividends`);
  }
}

function hasCashDividends(inputs: AmericanInputs): boolean {
  return (inputs.dividends ?? []).some((d) => d.tYears > 0 && d.tYears <= inputs.tYears && d.amount > 0);
}

function priceUnchecked(inputs: AmericanInputs): number {
  const {right, spot, strike, tYears, rate, divYield = 0, vol} = inputs;
  const engine = inputs.engine ?? (hasCashDividends(inputs) ? "binomial" : "bjerksund-stensland-2002");
  if (engine === "binomial") {
    return binomialAmericanPrice(right === "C", spot, strike, tYears, rate, divYield, vol, inputs.dividends ?? [], inputs.steps ?? 2000);
  }
  return bjerksundStensland2002Price(right === "C", spot, strike, tYears, rate, divYield, vol);
}

/**
 * Returns the American option price. Engine: inputs.engine, else Bjerksund-Stensland 2002 without cash
 * dividends and the binomial engine with them. Throws RangeError on bad inputs (or on Bjerksund-Stensland with
 * cash dividends).
 */
export function americanPrice(inputs: AmericanInputs): number {
  checkAmerican("americanPrice", inputs);
  return priceUnchecked(inputs);
}

/** European BSM value of the same contract; cash dividends come off the spot as their present value. */
function europeanValue(inputs: AmericanInputs): number {
  const {right, spot, strike, tYears, rate, divYield = 0, vol} = inputs;
  let pv = 0;
  for (const d of inputs.dividends ?? []) if (d.tYears > 0 && d.tYears <= tYears) pv += d.amount * Math.exp(-rate * d.tYears);
  const forward = (spot - pv) * Math.exp((rate - divYield) * tYears);
  if (!(forward > 0)) return right === "C" ? 0 : Math.exp(-rate * tYears) * strike;
  const b = normalisedBlack(Math.log(forward / strike), vol * Math.sqrt(tYears), right === "C" ? 1 : -1);
  return Math.exp(-rate * tYears) * Math.sqrt(forward * strike) * b;
}

/**
 * Returns the early-exercise premium: American price minus the European BSM price of the same contract (cash
 * dividends taken off the spot at present value, matching the escrowed model), floored at 0.
 */
export function earlyExercisePremium(inputs: AmericanInputs): number {
  checkAmerican("earlyExercisePremium", inputs);
  return Math.max(priceUnchecked(inputs) - europeanValue(inputs), 0);
}

/**
 * Returns the American price and greeks by central finite differences of the chosen engine: spot bumps of 0.1%
 * (1% for the binomial engine), vol bumps of 1e-4 (1e-3 binomial), rate bumps of 1e-4, and calendar time
 * passing by one day (ex-dates move with it) for theta, quoted per year (x365) and per day.
 */
export function americanGreeks(inputs: AmericanInputs): Greeks {
  checkAmerican("americanGreeks", inputs);
  const out = emptyGreeks();
  const tree = (inputs.engine ?? (hasCashDividends(inputs) ? "binomial" : "bjerksund-stensland-2002")) === "binomial";
  const at = (o: Partial<AmericanInputs>) => priceUnchecked({...inputs, ...o});
  const {spot, vol, rate, tYears} = inputs;
  const price = at({});
  const hs = spot * (tree ? 1e-2 : 1e-3);
  const up = at({spot: spot + hs});
  const dn = at({spot: spot - hs});
  const hv = Math.min(tree ? 1e-3 : 1e-4, 0.5 * vol || 1e-4);
  const vUp = at({vol: vol + hv});
  const vDn = at({vol: Math.max(vol - hv, 0)});
  const hr = 1e-4;
  out.price = price;
  out.delta = (up - dn) / (2 * hs);
  out.gamma = (up - 2 * price + dn) / (hs * hs);
  out.vegaPerVol = (vUp - vDn) / (vol + hv - Math.max(vol - hv, 0));
  out.vegaPerVolPt = out.vegaPerVol / 100;
  out.volga = (vUp - 2 * price + vDn) / (hv * hv);
  const cross = (s: number, v: number) => at({spot: s, vol: v});
  out.vanna = (cross(spot + hs, vol + hv) - cross(spot + hs, vol - hv) - cross(spot - hs, vol + hv) + cross(spot - hs, vol - hv)) / (4 * hs * hv);
  out.rhoPerRate = (at({rate: rate + hr}) - at({rate: rate - hr})) / (2 * hr);
  out.rhoPerPct = out.rhoPerRate / 100;
  const day = 1 / DAYS_PER_YEAR;
  if (tYears > day) {
    const shifted = (inputs.dividends ?? []).map((d) => ({tYears: d.tYears - day, amount: d.amount}));
    out.thetaPerDay = at({tYears: tYears - day, dividends: shifted}) - price;
  } else {
    out.thetaPerDay = at({tYears: 0}) - price;
  }
  out.thetaPerYear = out.thetaPerDay * DAYS_PER_YEAR;
  return out;
}

/**
 * Returns the implied vol under the American model (same engine choice as americanPrice), or a typed failure:
 * "bad-input", "below-intrinsic" (price < max(theta (S - K), 0)), "zero-time-value" (price at the exercise value,
 * where every low vol fits), "above-upper-bound" (call >= S, put >= K). Solved by a bracketed secant/bisection
 * (Illinois) on vol in [1e-6, 20] to 1e-12 absolute in price.
 */
export function americanImpliedVol(inputs: Omit<AmericanInputs, "vol"> & {price: number}): IvResult {
  const {price, right, spot, strike, tYears} = inputs;
  if (right !== "C" && right !== "P") return {ok: false, reason: "bad-input", detail: `right must be "C" or "P", got ${String(right)}`};
  for (const [name, value] of [["spot", spot], ["strike", strike], ["tYears", tYears]] as const) {
    if (!(value > 0) || !Number.isFinite(value)) return {ok: false, reason: "bad-input", detail: `americanImpliedVol: ${name} must be > 0, got ${value}`};
  }
  if (!Number.isFinite(price) || price < 0) return {ok: false, reason: "bad-input", detail: `americanImpliedVol: price must be finite and >= 0, got ${price}`};
  const base: AmericanInputs = {...inputs, vol: 0.2};
  try {
    checkAmerican("americanImpliedVol", base);
  } catch (e) {
    return {ok: false, reason: "bad-input", detail: (e as Error).message};
  }
  const theta = right === "C" ? 1 : -1;
  const exercise = Math.max(theta * (spot - strike), 0);
  const upper = right === "C" ? spot : strike;
  if (price < exercise) return {ok: false, reason: "below-intrinsic", detail: `price ${price} < exercise value ${exercise}`};
  if (price >= upper) return {ok: false, reason: "above-upper-bound", detail: `price ${price} >= upper bound ${upper}`};
  const f = (vol: number) => priceUnchecked({...base, vol}) - price;
  let lo = 1e-6;
  let hi = 20;
  let fLo = f(lo);
  let fHi = f(hi);
  if (fLo >= 0) {
    return {ok: false, reason: "zero-time-value", detail: `price ${price} is at or below the American value at vol ${lo} (${price + fLo})`};
  }
  if (fHi <= 0) return {ok: false, reason: "above-upper-bound", detail: `price ${price} exceeds the American value at vol ${hi}`};
  // Start from the European implied vol, a good guess for the American one.
  const eu = impliedVol({right, price: Math.max(price - 0, 0), spot, strike, tYears, rate: inputs.rate, divYield: inputs.divYield});
  let x = eu.ok ? Math.min(Math.max(eu.vol, lo), hi) : 0.5 * (lo + hi);
  let side = 0;
  for (let i = 0; i < 100; ++i) {
    const fx = f(x);
    if (Math.abs(fx) <= 1e-12 * Math.max(price, 1e-300) || hi - lo <= 1e-15 * x) return {ok: true, vol: x};
    if (fx < 0) {
      lo = x;
      fLo = fx;
      if (side === -1) fHi /= 2;
      side = -1;
    } else {
      hi = x;
      fHi = fx;
      if (side === 1) fLo /= 2;
      side = 1;
    }
    x = (lo * fHi - hi * fLo) / (fHi - fLo);
    if (!(x > lo && x < hi)) x = 0.5 * (lo + hi);
  }
  return {ok: true, vol: x};
}
