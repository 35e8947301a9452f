import {americanPrice} from "../../lib/pricing/american.js";
import {black76Greeks, black76Price} from "../../lib/pricing/black76.js";
import {bsmGreeks} from "../../lib/pricing/bsm.js";
import {pricingModelFor} from "../../lib/pricing/model.js";
import {createRng} from "../../lib/random/createRng.js";
import type {OptionQuoteRow, OptionRight} from "../../lib/rows.js";
import {dayNumber, newYorkTimeToMs} from "./calendarDays.js";
import {deribitExpiries, equityExpiries, type ListedExpiry} from "./expiries.js";
import {cryptoAtmVariance, type EquityVolState, symbolAtmVariance} from "./impliedVariance.js";
import type {WatchlistEntry} from "./watchlist.js";

/** USD risk-free rate (continuous, decimal) used for every demo option; crypto forwards carry `CRYPTO_BASIS`. */
export const DEMO_RATE = 0.04;
/** Annualised basis of crypto forwards over spot (Deribit futures trade at a premium). */
export const CRYPTO_BASIS = 0.05;

const MS_PER_YEAR = 365 * 86_400_000;
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

/** Smile skew parameter rho of the SSVI surface per symbol kind (index ETFs skew hardest, crypto almost flat). */
function smileRho(entry: WatchlistEntry): number {
  if (entry.kind === "crypto") return entry.symbol === "BTC" ? -0.1 : -0.05;
  if (["SPY", "QQQ", "IWM"].includes(entry.symbol)) return -0.72;
  if (entry.kind === "etf") return -0.6;
  return entry.symbol === "TSLA" ? -0.25 : -0.45;
}

/**
 * Returns the total implied variance w(k) of Gatheral & Jacquier's SSVI slice at log-moneyness k = ln(K/F), for
 * ATM total variance `atmTotalVariance` (vol² × years); phi uses the power-law form with gamma = 1/2 and
 * eta(1 + |rho|) < 2, the published sufficient condition for no butterfly arbitrage.
 * @see Gatheral & Jacquier (2014), "Arbitrage-free SVI volatility surfaces", Quantitative Finance 14(1), eq. 4.1, thm 4.2
 */
export function ssviTotalVariance(k: number, atmTotalVariance: number, rho: number): number {
  const eta = Math.min(1.1, 1.9 / (1 + Math.abs(rho)));
  const phi = eta / (Math.sqrt(atmTotalVariance) * Math.sqrt(1 + atmTotalVariance));
  const pk = phi * k;
  return (atmTotalVariance / 2) * (1 + rho * pk + Math.sqrt((pk + rho) ** 2 + 1 - rho * rho));
}

/** OCC symbol without padding, as lib/rows.ts documents: SPY261218P00600000. */
export function occSymbol(root: string, expiry: string, right: OptionRight, strike: number): string {
  return `${root}${expiry.slice(2, 4)}${expiry.slice(5, 7)}${expiry.slice(8, 10)}${right}${String(Math.round(strike * 1000)).padStart(8, "0")}`;
}

/** Deribit instrument name: BTC-25DEC26-100000-C. */
export function deribitInstrument(currency: string, expiry: string, strike: number, right: OptionRight): string {
  const day = String(Number(expiry.slice(8, 10)));
  return `${currency}-${day}${MONTHS[Number(expiry.slice(5, 7)) - 1]}${expiry.slice(2, 4)}-${strike}-${right}`;
}

const NICE_STEPS = [0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

function strikeGrid(forward: number, volSqrtT: number, baseStep: number): number[] {
  const lo = forward * Math.exp(-Math.max(3.5 * volSqrtT, 0.04));
  const hi = forward * Math.exp(Math.max(2.5 * volSqrtT, 0.03));
  const step = NICE_STEPS.find((s) => s >= baseStep && (hi - lo) / s <= 60) ?? NICE_STEPS[NICE_STEPS.length - 1];
  const out: number[] = [];
  for (let k = Math.ceil(lo / step) * step; k <= hi; k += step) out.push(Math.round(k * 1000) / 1000);
  return out;
}

function roundToTick(x: number, tick: number, mode: "floor" | "ceil" | "round"): number {
  const ticks = Math[mode](x / tick - (mode === "ceil" ? 1e-9 : mode === "floor" ? -1e-9 : 0));
  return Number((ticks * tick).toFixed(tick < 0.01 ? 4 : 2));
}

/** Inputs for one underlying's chain on the snapshot day. */
export type ChainInputs = {
  seed: number;
  entry: WatchlistEntry;
  today: string; // snapshot trading day (equities) or UTC day (crypto)
  asOfMs: number; // snapshot instant (equity close, or the crypto day's end)
  spot: number;
  volState: EquityVolState;
  idioScale: number;
  cryptoVariance?: {spot: number; theta: number};
  earningsReactionDates?: string[]; // sessions carrying an earnings move, for the IV bump
  earningsMove?: number;
  vixLevel: number; // widens spreads in stress
};

/**
 * Returns the option chain of one underlying (calls and puts, every listed expiry, strikes around the forward)
 * as OptionQuoteRow with source "demo". Vols come from an SSVI smile per expiry on the demo's ATM term structure
 * (with earnings bumps); prices from lib/pricing via pricingModelFor (American Bjerksund-Stensland for US equities
 * and ETFs, Black-76 on the forward for Deribit, in USD); bid/ask straddle the model price at the tick, wider for
 * long-dated (high-vega) and stressed quotes. vendorIv/Delta/Gamma are the model vol and its European greeks.
 */
export function demoOptionChain(inputs: ChainInputs): OptionQuoteRow[] {
  const {entry, today, asOfMs, spot, seed} = inputs;
  const crypto = entry.kind === "crypto";
  const model = pricingModelFor({underlying: entry.symbol, venue: crypto ? "deribit" : undefined});
  const rng = createRng([seed, "chain", entry.symbol, today]);
  const expiries: ListedExpiry[] = crypto
    ? deribitExpiries(today)
    : entry.kind === "stock"
      ? equityExpiries(today, {weeklies: 3, monthlies: 4})
      : ["SPY", "QQQ", "IWM"].includes(entry.symbol)
        ? equityExpiries(today)
        : equityExpiries(today, {weeklies: 2, monthlies: 4});
  const rho = smileRho(entry);
  const stress = Math.sqrt(Math.max(inputs.vixLevel / 18, 1));
  const rows: OptionQuoteRow[] = [];
  const vegaRef = (spot * Math.sqrt(30 / 365) * 0.3989) / 100;
  const oiBase = crypto ? entry.demo.avgVolume / 20 : entry.demo.avgVolume / 2000;
  for (const {expiry, kind} of expiries) {
    const expiryMs = crypto ? dayNumber(expiry) * 86_400_000 + 8 * 3_600_000 : expiryCloseMs(expiry);
    const tYears = (expiryMs - asOfMs) / MS_PER_YEAR;
    if (!(tYears > 0)) continue;
    let atmVariance: number;
    if (crypto) atmVariance = cryptoAtmVariance(inputs.cryptoVariance!.spot, inputs.cryptoVariance!.theta, tYears);
    else {
      const moves = (inputs.earningsReactionDates ?? []).filter((d) => d > today && d <= expiry).map(() => inputs.earningsMove ?? 0);
      atmVariance = symbolAtmVariance(
        inputs.volState,
        {beta: entry.demo.beta, idioVol: entry.demo.idioVol * inputs.idioScale, earningsMoves: moves},
        tYears
      );
    }
    const carry = crypto ? CRYPTO_BASIS : DEMO_RATE - entry.demo.divYield;
    const forward = spot * Math.exp(carry * tYears);
    const atmTotal = atmVariance * tYears;
    const expiryWeight = kind === "monthly" ? 1 : kind === "quarterly" ? 0.7 : kind === "weekly" ? 0.45 : 0.25;
    for (const strike of strikeGrid(forward, Math.sqrt(atmTotal), entry.demo.strikeStep)) {
      const k = Math.log(strike / forward);
      const vol = Math.sqrt(ssviTotalVariance(k, atmTotal, rho) / tYears);
      const z = k / Math.sqrt(atmTotal);
      for (const right of ["C", "P"] as const) {
        let mid: number;
        let greeks: {delta: number; gamma: number; vegaPerVolPt: number};
        if (model === "american") {
          const base = {right, spot, strike, tYears, rate: DEMO_RATE, divYield: entry.demo.divYield, vol};
          mid = americanPrice(base);
          greeks = bsmGreeks(base);
        } else {
          const base = {right, forward, strike, tYears, rate: CRYPTO_BASIS, vol};
          mid = black76Price(base);
          greeks = black76Greeks(base);
        }
        const tick = crypto ? Math.max(0.0001 * spot, 0.01) : entry.symbol.match(/^(SPY|QQQ|IWM)$/) || mid < 3 ? 0.01 : 0.05;
        const width = crypto
          ? Math.max(tick, 0.6 * greeks.vegaPerVolPt * stress)
          : Math.max(tick, 0.01 * entry.demo.spreadTicks * (0.35 + 0.65 * (greeks.vegaPerVolPt / vegaRef)) * stress);
        const tickRound = crypto ? 0.01 : tick;
        let bid = roundToTick(mid - width / 2, tickRound, "floor");
        let ask = roundToTick(mid + width / 2, tickRound, "ceil");
        if (bid < 0) bid = 0;
        if (ask <= bid) ask = roundToTick(bid + tickRound, tickRound, "round");
        const moneyWeight = Math.exp(-0.5 * (z + (right === "P" ? 0.4 : -0.3)) ** 2 * 0.6);
        const openInterest = Math.round(oiBase * expiryWeight * moneyWeight * (right === "P" ? 1.25 : 1) * Math.exp(0.5 * rng.normal()));
        const volume = Math.round(openInterest * 0.12 * (tYears < 0.06 ? 3 : 1) * Math.exp(0.7 * rng.normal()));
        const last = roundToTick(bid + (ask - bid) * rng.uniform(), tickRound, "round");
        rows.push({
          underlying: entry.symbol,
          symbol: crypto ? deribitInstrument(entry.symbol, expiry, strike, right) : occSymbol(entry.symbol, expiry, right, strike),
          expiry,
          strike,
          right,
          bid,
          ask,
          last,
          volume,
          openInterest,
          vendorIv: vol,
          vendorDelta: greeks.delta,
          vendorGamma: greeks.gamma,
          underlyingPrice: spot,
          asOfMs,
          source: "demo"
        });
      }
    }
  }
  return rows;
}

/** Epoch ms of 16:00 America/New_York on an expiry day (US equity options stop trading at the close). */
function expiryCloseMs(expiry: string): number {
  return newYorkTimeToMs(expiry, 16);
}
