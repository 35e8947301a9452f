import {createRng} from "../../lib/random/createRng.js";
import {dateOfDay, dayNumber} from "./calendarDays.js";
import {earningsDates, earningsReactionDate} from "./earnings.js";
import {
  CRYPTO_THETA,
  cryptoAtmVariance,
  type EquityVolState,
  symbolAtmVariance,
  vixStyleLevel
} from "./impliedVariance.js";
import {isNyseTradingDay} from "./nyseCalendar.js";
import type {Watchlist, WatchlistEntry} from "./watchlist.js";

/** First simulated day. Fixed, so a later as-of date extends the same history instead of re-drawing it. */
export const DEMO_START_DATE = "2015-01-02";
/** Earliest accepted as-of date: five years of history after the start. */
export const MIN_DEMO_ASOF = "2020-01-02";

/** Daily bars of one symbol, oldest first (NYSE sessions for equities, every UTC day for crypto). */
export type BarSeries = {
  dates: string[];
  open: number[];
  high: number[];
  low: number[];
  close: number[];
  volume: number[];
};

/** Daily OHLC of a simulated index; open/high/low are NaN for close-only indexes (VVIX, SKEW, IV30_*). */
export type LevelSeries = {dates: string[]; open: number[]; high: number[]; low: number[]; close: number[]};

/** Everything the path simulation produces; the dataset builders turn it into rows. */
export type SimulatedMarket = {
  seed: number;
  asOf: string;
  tradingDates: string[]; // NYSE sessions from DEMO_START_DATE to asOf
  bars: Map<string, BarSeries>;
  levels: Map<string, LevelSeries>; // VIX, VIX9D, VIX3M, VVIX, SKEW, DVOL_BTC, DVOL_ETH, IV30_<symbol>
  volStates: EquityVolState[]; // per trading day, at the close
  idioScale: number[]; // per trading day: multiplier of every idiosyncratic vol (co-moves with market vol)
  cryptoSpotVariance: {btc: number; eth: number; btcTheta: number; ethTheta: number}; // at the as-of close
  earnings: Map<string, {dates: string[]; reactionDates: string[]; move: number}>; // scheduled to asOf + 1 year
};

const DT_EQUITY = 1 / 252;
const DT_CRYPTO = 1 / 365;
const OVERNIGHT_SHARE = 0.2; // share of daily variance realised between the close and the open
const TREND_PULL_PER_YEAR = 0.6; // keeps levels near the configured anchor path over the years
const CRYPTO_TREND_PULL_PER_YEAR = 1.0;
/** Physical-measure log-vol targets per regime (calm, normal, stressed, crisis) and their dynamics. */
const LOG_VOL_TARGET = [Math.log(0.085), Math.log(0.13), Math.log(0.2), Math.log(0.34)];
const LOG_VOL_KAPPA = 9; // per year: vol shocks halve in ~19 sessions
const LOG_VOL_XI = 1.15; // vol of log-vol, per sqrt(year)
const LEVERAGE_RHO = -0.85; // correlation of return and log-vol shocks
/** Daily regime transition probabilities. */
const P_CALM_TO_NORMAL = 1 / 180;
const P_NORMAL_TO_CALM = 1 / 220;
const P_NORMAL_TO_STRESSED = 1 / 300;
const P_STRESSED_TO_NORMAL = 1 / 70;
const P_CRISIS_TO_STRESSED = 1 / 11;
const ANNUAL_JUMPS = 4;

function bridgeExtremes(open: number, logReturn: number, variance: number, u1: number, u2: number) {
  // Max and min of a Brownian bridge from 0 to logReturn with total variance `variance` (exact inverse-CDF draws)
  const up = (logReturn + Math.sqrt(logReturn * logReturn - 2 * variance * Math.log(u1))) / 2;
  const down = (logReturn - Math.sqrt(logReturn * logReturn - 2 * variance * Math.log(u2))) / 2;
  return {high: open * Math.exp(up), low: open * Math.exp(down)};
}

function emptyBars(): BarSeries {
  return {dates: [], open: [], high: [], low: [], close: [], volume: []};
}

function emptyLevels(): LevelSeries {
  return {dates: [], open: [], high: [], low: [], close: []};
}

/**
 * Returns the simulated market from DEMO_START_DATE to `asOf`. Each day draws from its own random stream
 * `createRng([seed, stream, date])`, and every state update uses only earlier days, so day d depends only on the
 * seed and days <= d: moving the as-of date later appends days and leaves the past byte-identical.
 * Throws RangeError when asOf is before MIN_DEMO_ASOF (less than five years of history).
 */
export function simulateMarket({
  seed,
  asOf,
  watchlist,
  onProgress = () => {}
}: {
  seed: number;
  asOf: string;
  watchlist: Watchlist;
  onProgress?: (message: string) => void;
}): SimulatedMarket {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`simulateMarket: seed must be a safe integer, got ${seed}`);
  const asOfDay = dayNumber(asOf);
  if (asOf < MIN_DEMO_ASOF) throw new RangeError(`simulateMarket: asOf must be >= ${MIN_DEMO_ASOF}, got ${asOf}`);
  const startDay = dayNumber(DEMO_START_DATE);
  const anchorDay = dayNumber(watchlist.anchorDate);
  const equities = watchlist.symbols.filter((s) => s.kind !== "crypto");
  const btc = watchlist.symbols.find((s) => s.symbol === "BTC");
  const alts = watchlist.symbols.filter((s) => s.kind === "crypto" && s.symbol !== "BTC");

  const bars = new Map<string, BarSeries>(watchlist.symbols.map((s) => [s.symbol, emptyBars()]));
  const levels = new Map<string, LevelSeries>();
  const level = (name: string) => {
    let series = levels.get(name);
    if (!series) levels.set(name, (series = emptyLevels()));
    return series;
  };
  const horizonEnd = dateOfDay(asOfDay + 400);
  const earnings = new Map<string, {dates: string[]; reactionDates: string[]; move: number}>();
  const reactionMove = new Map<string, number>(); // "SYMBOL|date" -> typical move
  for (const entry of equities) {
    if (!entry.earnings) continue;
    const dates = earningsDates(entry.earnings, DEMO_START_DATE, horizonEnd);
    const reactionDates = dates.map((d) => earningsReactionDate(d, entry.earnings!.session));
    earnings.set(entry.symbol, {dates, reactionDates, move: entry.earnings.movePct / 100});
    for (const r of reactionDates) reactionMove.set(`${entry.symbol}|${r}`, entry.earnings.movePct / 100);
  }

  const init = createRng([seed, "init"]);
  const trendLog = (entry: WatchlistEntry, day: number) =>
    Math.log(entry.demo.anchorPrice) + (entry.demo.trendGrowth * (day - anchorDay)) / 365;
  const lastClose = new Map<string, number>();
  for (const entry of watchlist.symbols) lastClose.set(entry.symbol, Math.exp(trendLog(entry, startDay) + 0.05 * init.normal()));

  let logVol = Math.log(0.13);
  let regime = 1;
  let lastCrisisDay = startDay - 730; // as if the last crisis were two years before the history starts
  let logNoise = 0;
  let noise9d = 0;
  let noise3m = 0;
  let vvixEwma = 0.065 ** 2;
  let skewOu = 0;
  let prevVix = NaN;
  let prevVix9d = NaN;
  let prevVix3m = NaN;
  let cryptoLogVol = Math.log(0.6);
  let cryptoShockFromEquity = 0;
  let equityCrisisToday = false;
  const tradingDates: string[] = [];
  const volStates: EquityVolState[] = [];
  const idioScale: number[] = [];
  let cryptoSpot = {btc: 0.36, eth: 0.5, btcTheta: CRYPTO_THETA, ethTheta: CRYPTO_THETA};

  for (let day = startDay; day <= asOfDay; day++) {
    const date = dateOfDay(day);
    cryptoShockFromEquity = 0;
    equityCrisisToday = false;
    if (isNyseTradingDay(date)) {
      const rng = createRng([seed, "equity", date]);
      // 1. regime switching and the crisis renewal process (hazard rises with the time since the last crisis)
      const u = rng.uniform();
      if (regime === 0 && u < P_CALM_TO_NORMAL) regime = 1;
      else if (regime === 1 && u < P_NORMAL_TO_CALM) regime = 0;
      else if (regime === 1 && u < P_NORMAL_TO_CALM + P_NORMAL_TO_STRESSED) regime = 2;
      else if (regime === 2 && u < P_STRESSED_TO_NORMAL) regime = 1;
      else if (regime === 3 && u < P_CRISIS_TO_STRESSED) regime = 2;
      const yearsSinceCrisis = (day - lastCrisisDay) / 365.25;
      const hazardPerYear = yearsSinceCrisis < 2.75 ? 0.1 : 0.1 + 4 * (yearsSinceCrisis - 2.75);
      let jumpReturn = 0;
      let volJump = 0;
      const crisisDraw = rng.uniform();
      const crisisSize = rng.uniform();
      if (regime !== 3 && crisisDraw < hazardPerYear * DT_EQUITY) {
        regime = 3;
        lastCrisisDay = day;
        equityCrisisToday = true;
        volJump = Math.log(2 + 0.8 * crisisSize);
        jumpReturn = -(0.035 + 0.035 * crisisSize);
      }
      // 2. ordinary jumps (Merton), with a vol spike on down-jumps
      const jumpDraw = rng.uniform();
      const jumpSize = -0.008 + 0.012 * rng.normal();
      if (jumpDraw < ANNUAL_JUMPS * DT_EQUITY) {
        jumpReturn += jumpSize;
        if (jumpSize < 0) volJump += Math.min(0.5, -jumpSize * 15);
      }
      // 3. the market shock and the correlated log-vol update (leverage effect)
      const zOvernight = rng.normal();
      const zIntraday = rng.normal();
      const zVolPerp = rng.normal();
      const zReturn = Math.sqrt(OVERNIGHT_SHARE) * zOvernight + Math.sqrt(1 - OVERNIGHT_SHARE) * zIntraday;
      const sigma = Math.exp(logVol);
      const marketOvernight = sigma * Math.sqrt(DT_EQUITY * OVERNIGHT_SHARE) * zOvernight + jumpReturn;
      const marketIntraday = sigma * Math.sqrt(DT_EQUITY * (1 - OVERNIGHT_SHARE)) * zIntraday;
      cryptoShockFromEquity = marketOvernight + marketIntraday;
      logVol +=
        LOG_VOL_KAPPA * (LOG_VOL_TARGET[regime] - logVol) * DT_EQUITY +
        LOG_VOL_XI * Math.sqrt(DT_EQUITY) * (LEVERAGE_RHO * zReturn + Math.sqrt(1 - LEVERAGE_RHO ** 2) * zVolPerp) +
        volJump;
      logVol = Math.min(Math.max(logVol, Math.log(0.05)), Math.log(1.2));
      const idio = Math.min(Math.max(Math.sqrt(sigma / 0.15), 0.6), 2.5);

      // 4. every equity: beta × market + idiosyncratic + earnings, with a pull towards its anchor path
      for (const entry of equities) {
        const {beta, idioVol, trendGrowth, avgVolume} = entry.demo;
        const prev = lastClose.get(entry.symbol)!;
        const idioSd = idioVol * idio;
        const totalVariance = beta * beta * sigma * sigma + idioSd * idioSd;
        const drift =
          (trendGrowth - 0.5 * totalVariance) * DT_EQUITY +
          TREND_PULL_PER_YEAR * (trendLog(entry, day) - Math.log(prev)) * DT_EQUITY;
        const eOvernight = rng.normal();
        const eIntraday = rng.normal();
        const eEarnings = rng.normal();
        const u1 = rng.uniform();
        const u2 = rng.uniform();
        const volumeNoise = rng.normal();
        const move = reactionMove.get(`${entry.symbol}|${date}`) ?? 0;
        const overnight =
          beta * marketOvernight +
          idioSd * Math.sqrt(DT_EQUITY * OVERNIGHT_SHARE) * eOvernight +
          move * eEarnings +
          OVERNIGHT_SHARE * drift;
        const intraday =
          beta * marketIntraday + idioSd * Math.sqrt(DT_EQUITY * (1 - OVERNIGHT_SHARE)) * eIntraday + (1 - OVERNIGHT_SHARE) * drift;
        const open = prev * Math.exp(overnight);
        const close = open * Math.exp(intraday);
        const {high, low} = bridgeExtremes(open, intraday, totalVariance * DT_EQUITY * (1 - OVERNIGHT_SHARE), u1, u2);
        const refVol = Math.sqrt(beta * beta * 0.15 * 0.15 + idioVol * idioVol);
        const series = bars.get(entry.symbol)!;
        series.dates.push(date);
        series.open.push(open);
        series.high.push(high);
        series.low.push(low);
        series.close.push(close);
        series.volume.push(
          Math.round(avgVolume * Math.sqrt(totalVariance) / refVol * Math.exp(0.25 * volumeNoise + (move ? 1 : 0)))
        );
        lastClose.set(entry.symbol, close);
      }

      // 5. the VIX family from the closing variance state
      logNoise = 0.85 * logNoise + 0.02 * rng.normal();
      noise9d = 0.7 * noise9d + 0.02 * rng.normal();
      noise3m = 0.8 * noise3m + 0.01 * rng.normal();
      const state: EquityVolState = {spotVariance: Math.exp(2 * logVol), regime, logNoise};
      const vixClose = vixStyleLevel(state, 30);
      const closes = [vixClose, vixStyleLevel(state, 9, noise9d), vixStyleLevel(state, 93, noise3m)];
      const prevs = [prevVix, prevVix9d, prevVix3m];
      const names = ["VIX", "VIX9D", "VIX3M"];
      const gapFactor = [4, 5, 2.5];
      for (let k = 0; k < 3; k++) {
        const close = closes[k];
        const previous = Number.isNaN(prevs[k]) ? close : prevs[k];
        const open = previous * Math.exp(-gapFactor[k] * marketOvernight + 0.01 * rng.normal());
        const series = level(names[k]);
        series.dates.push(date);
        series.open.push(open);
        series.high.push(Math.max(open, close) * Math.exp(0.025 * Math.abs(rng.normal())));
        series.low.push(Math.min(open, close) * Math.exp(-0.018 * Math.abs(rng.normal())));
        series.close.push(close);
      }
      if (!Number.isNaN(prevVix)) vvixEwma = 0.9 * vvixEwma + 0.1 * Math.log(vixClose / prevVix) ** 2;
      [prevVix, prevVix9d, prevVix3m] = closes;
      const vvix = Math.min(Math.max(34 + 0.46 * 100 * Math.sqrt(252 * vvixEwma), 62), 210) * Math.exp(0.03 * rng.normal());
      skewOu = 0.97 * skewOu + 2.2 * rng.normal();
      const skew = Math.min(Math.max(134 + skewOu - 0.4 * (vixClose - 18), 108), 170);
      for (const [name, value] of [
        ["VVIX", vvix],
        ["SKEW", skew]
      ] as const) {
        const series = level(name);
        series.dates.push(date);
        series.open.push(NaN);
        series.high.push(NaN);
        series.low.push(NaN);
        series.close.push(value);
      }
      // 6. 30-day ATM implied vol per equity (earnings inside the next 30 days bump it)
      for (const entry of equities) {
        const plan = earnings.get(entry.symbol);
        const moves: number[] = [];
        if (plan) {
          const horizon = dateOfDay(day + 30);
          for (const r of plan.reactionDates) if (r > date && r <= horizon) moves.push(plan.move);
        }
        const iv30 = Math.sqrt(
          symbolAtmVariance(state, {beta: entry.demo.beta, idioVol: entry.demo.idioVol * idio, earningsMoves: moves}, 30 / 365)
        );
        const series = level(`IV30_${entry.symbol}`);
        series.dates.push(date);
        series.open.push(NaN);
        series.high.push(NaN);
        series.low.push(NaN);
        series.close.push(100 * iv30);
      }
      tradingDates.push(date);
      volStates.push(state);
      idioScale.push(idio);
    }

    // 7. crypto trades every UTC day; on NYSE sessions it also loads on the equity market shock
    if (btc) {
      const rng = createRng([seed, "crypto", date]);
      const sigma = Math.exp(cryptoLogVol);
      const z = rng.normal();
      const zVol = -0.3 * z + Math.sqrt(1 - 0.09) * rng.normal();
      const jumpDraw = rng.uniform();
      const jumpSize = -0.015 + 0.05 * rng.normal();
      const jump = jumpDraw < 8 * DT_CRYPTO ? jumpSize : 0;
      const btcShock = sigma * Math.sqrt(DT_CRYPTO) * z + 0.8 * cryptoShockFromEquity + jump;
      cryptoLogVol +=
        4 * (Math.log(0.46) - cryptoLogVol) * DT_CRYPTO +
        1.0 * Math.sqrt(DT_CRYPTO) * zVol +
        (equityCrisisToday ? 0.35 : 0) +
        (jump < 0 ? Math.min(0.4, -jump * 5) : 0);
      cryptoLogVol = Math.min(Math.max(cryptoLogVol, Math.log(0.2)), Math.log(2.5));
      const cryptoIdio = Math.sqrt(sigma / 0.6);
      const shocks = new Map<string, {shock: number; variance: number}>();
      shocks.set("BTC", {shock: btcShock, variance: sigma * sigma});
      for (const entry of alts) {
        const idioSd = entry.demo.idioVol * cryptoIdio;
        shocks.set(entry.symbol, {
          shock: entry.demo.beta * btcShock + idioSd * Math.sqrt(DT_CRYPTO) * rng.normal(),
          variance: entry.demo.beta ** 2 * sigma * sigma + idioSd * idioSd
        });
      }
      for (const entry of [btc, ...alts]) {
        const {shock, variance} = shocks.get(entry.symbol)!;
        const prev = lastClose.get(entry.symbol)!;
        const logReturn =
          shock +
          (entry.demo.trendGrowth - 0.5 * variance) * DT_CRYPTO +
          CRYPTO_TREND_PULL_PER_YEAR * (trendLog(entry, day) - Math.log(prev)) * DT_CRYPTO;
        const close = prev * Math.exp(logReturn);
        const {high, low} = bridgeExtremes(prev, logReturn, variance * DT_CRYPTO, rng.uniform(), rng.uniform());
        const series = bars.get(entry.symbol)!;
        series.dates.push(date);
        series.open.push(prev);
        series.high.push(high);
        series.low.push(low);
        series.close.push(close);
        series.volume.push(
          Math.round(entry.demo.avgVolume * Math.sqrt(variance) / 0.6 * Math.exp(0.3 * rng.normal()))
        );
        lastClose.set(entry.symbol, close);
        // DVOL: 30-day implied vol from the closing variance state
        const closeVariance = entry.symbol === "BTC" ? Math.exp(2 * cryptoLogVol) : variance * Math.exp(2 * cryptoLogVol) / (sigma * sigma);
        const theta =
          entry.symbol === "BTC" ? CRYPTO_THETA : entry.demo.beta ** 2 * CRYPTO_THETA + entry.demo.idioVol ** 2;
        const dvolClose = 100 * Math.sqrt(cryptoAtmVariance(closeVariance, theta, 30 / 365)) * Math.exp(0.02 * rng.normal());
        const dvol = level(`DVOL_${entry.symbol}`);
        const dvolOpen = dvol.close.length ? dvol.close[dvol.close.length - 1] : dvolClose;
        dvol.dates.push(date);
        dvol.open.push(dvolOpen);
        dvol.high.push(Math.max(dvolOpen, dvolClose) * Math.exp(0.02 * Math.abs(rng.normal())));
        dvol.low.push(Math.min(dvolOpen, dvolClose) * Math.exp(-0.02 * Math.abs(rng.normal())));
        dvol.close.push(dvolClose);
        if (entry.symbol === "BTC") cryptoSpot = {...cryptoSpot, btc: closeVariance, btcTheta: theta};
        else cryptoSpot = {...cryptoSpot, eth: closeVariance, ethTheta: theta};
      }
    }
    if ((day - startDay) % 1000 === 999) onProgress(`demo: simulated through ${date}`);
  }
  return {
    seed,
    asOf,
    tradingDates,
    bars,
    levels,
    volStates,
    idioScale,
    cryptoSpotVariance: cryptoSpot,
    earnings
  };
}
