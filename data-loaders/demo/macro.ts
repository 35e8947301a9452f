import {createRng} from "../../lib/random/createRng.js";
import type {MacroRow} from "../../lib/rows.js";
import {dateOfDay, dayNumber, newYorkTimeToMs} from "./calendarDays.js";
import {hashSeed} from "../../lib/random/hashSeed.js";
import type {SimulatedMarket} from "./simulate.js";

/** The three Polymarket questions the demo quotes, with the MacroRow series each feeds. */
export const DEMO_POLYMARKET_SERIES = [
  {series: "Polymarket_Recession_Prob", key: "recession", question: "US recession in the next 12 months? (demo)"},
  {series: "Polymarket_RateCut_Prob", key: "rate-cut", question: "Fed cuts rates at the next FOMC meeting? (demo)"},
  {series: "Polymarket_Inflation_Prob", key: "inflation", question: "US CPI inflation above 3% YoY at the next print? (demo)"}
] as const;

/** Days of Polymarket / DVOL macro history emitted (Fear & Greed covers the whole history). */
const MACRO_WINDOW_DAYS = 365;

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** The macro snapshot: MacroRow history, the latest values, and the Gamma API market objects. */
export type DemoMacro = {
  rows: MacroRow[];
  latest: {fearGreedScore: number; recessionProb: number; rateCutProb: number; inflationProb: number};
  polymarketGamma: Record<string, unknown>[];
};

/**
 * Returns the demo's macro inputs, all derived causally from the simulated market so they move with it:
 * Fear & Greed (0–100, from SPY's distance to its 125-session mean and VIX against its 50-session mean),
 * Polymarket probabilities (recession, rate cut, inflation: logistic in VIX, drawdown and slow noise) and DVOL.
 */
export function demoMacro(sim: SimulatedMarket): DemoMacro {
  const spy = sim.bars.get("SPY")!.close;
  const vix = sim.levels.get("VIX")!.close;
  const rows: MacroRow[] = [];
  const windowStart = dateOfDay(dayNumber(sim.asOf) - MACRO_WINDOW_DAYS);
  let fgNoise = 0;
  const noise = [0, 0, 0];
  let latest = {fearGreedScore: 50, recessionProb: 0, rateCutProb: 0, inflationProb: 0};
  let spySum = 0;
  let vixSum = 0;
  let peak = 0;
  const peakWindow: number[] = [];
  for (let i = 0; i < sim.tradingDates.length; i++) {
    const date = sim.tradingDates[i];
    const rng = createRng([sim.seed, "macro", date]);
    spySum += spy[i] - (i >= 125 ? spy[i - 125] : 0);
    vixSum += vix[i] - (i >= 50 ? vix[i - 50] : 0);
    const spyMean = spySum / Math.min(i + 1, 125);
    const vixMean = vixSum / Math.min(i + 1, 50);
    peakWindow.push(spy[i]);
    if (peakWindow.length > 252) peakWindow.shift();
    peak = Math.max(...peakWindow);
    const drawdown = 1 - spy[i] / peak;
    fgNoise = 0.9 * fgNoise + 3 * rng.normal();
    const fear = 50 + 400 * (spy[i] / spyMean - 1) - 1.6 * (vix[i] - vixMean) - 1.4 * (vix[i] - 19) + fgNoise;
    const fearGreedScore = Math.round(Math.min(Math.max(fear, 1), 99) * 100) / 100;
    for (let k = 0; k < 3; k++) noise[k] = 0.98 * noise[k] + 0.06 * rng.normal();
    const recessionProb = logistic(-2.2 + 0.07 * (vix[i] - 18) + 6 * drawdown + noise[0]);
    const rateCutProb = logistic(0.2 + 0.05 * (vix[i] - 18) + 4 * drawdown + noise[1]);
    const inflationProb = logistic(-0.5 + noise[2]);
    const round3 = (p: number) => Math.round(p * 1000) / 1000;
    latest = {
      fearGreedScore,
      recessionProb: round3(recessionProb),
      rateCutProb: round3(rateCutProb),
      inflationProb: round3(inflationProb)
    };
    const asOfMs = newYorkTimeToMs(date, 16);
    rows.push({series: "FearGreed", asOfMs, value: fearGreedScore, unit: "score0to100", source: "demo", label: "Fear & Greed (demo)"});
    if (date >= windowStart) {
      const probs = [latest.recessionProb, latest.rateCutProb, latest.inflationProb];
      DEMO_POLYMARKET_SERIES.forEach(({series, question}, k) =>
        rows.push({series, asOfMs, value: probs[k], unit: "prob", source: "demo", label: question})
      );
    }
  }
  for (const name of ["DVOL_BTC", "DVOL_ETH"]) {
    const dvol = sim.levels.get(name);
    if (!dvol) continue;
    dvol.dates.forEach((date, i) => {
      if (date < windowStart) return;
      rows.push({
        series: name,
        asOfMs: (dayNumber(date) + 1) * 86_400_000,
        value: Math.round(dvol.close[i] * 100) / 100,
        unit: "volPct",
        source: "demo",
        label: `Deribit ${name.slice(5)} DVOL, 30-day implied vol (demo)`
      });
    });
  }
  return {rows, latest, polymarketGamma: gammaMarkets(sim, latest)};
}

function hex(parts: (string | number)[], words = 8): string {
  let out = "0x";
  for (let i = 0; i < words / 4; i++) out += hashSeed([...parts, i]).map((w) => w.toString(16).padStart(8, "0")).join("");
  return out;
}

/** Gamma encodes lists as JSON text with ", " separators: "[\"0.865\", \"0.135\"]". */
function gammaList(items: string[]): string {
  return `[${items.map((item) => JSON.stringify(item)).join(", ")}]`;
}

/** Gamma API `GET /markets` objects (field names and string encodings as in the real response). */
function gammaMarkets(sim: SimulatedMarket, latest: DemoMacro["latest"]): Record<string, unknown>[] {
  const probs = {recession: latest.recessionProb, "rate-cut": latest.rateCutProb, inflation: latest.inflationProb};
  const asOfIso = new Date(newYorkTimeToMs(sim.tradingDates[sim.tradingDates.length - 1], 16)).toISOString();
  const endDate = `${dateOfDay(dayNumber(sim.asOf) + 365)}T12:00:00Z`;
  const startDate = `${dateOfDay(dayNumber(sim.asOf) - 200)}T16:00:00Z`;
  return DEMO_POLYMARKET_SERIES.map(({key, question}, i) => {
    const rng = createRng([sim.seed, "polymarket", key, sim.asOf]);
    const yes = probs[key];
    const price = (p: number) => String(Math.round(p * 1000) / 1000);
    const volumeNum = Math.round(2e6 + 8e6 * rng.uniform());
    const liquidityNum = Math.round(5e4 + 2e5 * rng.uniform());
    const bestBid = Math.max(0.001, Math.round((yes - 0.005) * 1000) / 1000);
    const bestAsk = Math.min(0.999, Math.round((yes + 0.005) * 1000) / 1000);
    const conditionId = hex([sim.seed, key, "condition"]);
    const slug = `demo-${key}`;
    return {
      id: String(900001 + i),
      question,
      conditionId,
      slug,
      resolutionSource: "",
      endDate,
      liquidity: String(liquidityNum),
      startDate,
      description: `DEMO DATA generated by VolDesk's simulator (seed ${sim.seed}, as of ${sim.asOf}); not a real Polymarket market.`,
      outcomes: '["Yes", "No"]',
      outcomePrices: gammaList([price(yes), price(1 - yes)]),
      volume: String(volumeNum),
      active: true,
      closed: false,
      marketMakerAddress: "",
      createdAt: startDate,
      updatedAt: asOfIso,
      new: false,
      featured: false,
      archived: false,
      restricted: true,
      groupItemTitle: key,
      questionID: hex([sim.seed, key, "question"]),
      enableOrderBook: true,
      orderPriceMinTickSize: 0.001,
      orderMinSize: 5,
      volumeNum,
      liquidityNum,
      endDateIso: endDate.slice(0, 10),
      startDateIso: startDate.slice(0, 10),
      volume24hr: Math.round(volumeNum * 0.01 * (1 + rng.uniform())),
      volume1wk: Math.round(volumeNum * 0.06),
      volume1mo: Math.round(volumeNum * 0.25),
      volume1yr: volumeNum,
      clobTokenIds: gammaList([BigInt(hex([sim.seed, key, "yes"])).toString(), BigInt(hex([sim.seed, key, "no"])).toString()]),
      acceptingOrders: true,
      negRisk: false,
      events: [{id: String(80001 + i), ticker: slug, slug, title: question, active: true, closed: false, archived: false}],
      spread: Math.round((bestAsk - bestBid) * 1000) / 1000,
      oneDayPriceChange: Math.round(0.02 * rng.normal() * 1000) / 1000,
      oneWeekPriceChange: Math.round(0.04 * rng.normal() * 1000) / 1000,
      lastTradePrice: Math.round(yes * 1000) / 1000,
      bestBid,
      bestAsk,
      umaResolutionStatuses: "[]"
    };
  });
}
