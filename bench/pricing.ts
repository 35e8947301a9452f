/**
 * Pricing kernel benchmark: implied-vol solves/s and price+greeks/s for VolDesk against the npm peers, measured in
 * the same run with the contenders interleaved round by round (medians after warm-up), plus each peer's accuracy
 * on a sample of ../shared/data/pricing/grid.json (60-digit references). Run: `npx tsx bench/run.ts`.
 */
import {existsSync, readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {blackFormulaImpliedStdDev1, Option} from "@quantlib/ql";
import {BlackScholes} from "@uqee/black-scholes";
import {bsmGreeks} from "../lib/pricing/bsm.js";
import {allocGreeksColumns, chainGreeks, chainImpliedVol} from "../lib/pricing/chain.js";
import {impliedVol} from "../lib/pricing/impliedVol.js";

const require = createRequire(import.meta.url);
const ivPeer = require("implied-volatility") as {
  getImpliedVolatility(price: number, s: number, k: number, t: number, r: number, cp: string, est?: number): number;
};
const bsPeer = require("black-scholes") as {blackScholes(s: number, k: number, t: number, v: number, r: number, cp: string): number};
const greeksPeer = require("greeks") as {
  getDelta(s: number, k: number, t: number, v: number, r: number, cp: string): number;
  getGamma(s: number, k: number, t: number, v: number, r: number): number;
  getVega(s: number, k: number, t: number, v: number, r: number): number;
  getTheta(s: number, k: number, t: number, v: number, r: number, cp: string): number;
  getRho(s: number, k: number, t: number, v: number, r: number, cp: string): number;
};

type Cases = {
  n: number;
  isCall: Float64Array;
  spot: Float64Array; // q folded into the spot (Sq) so that q = 0 peers price the same option
  strike: Float64Array;
  tYears: Float64Array;
  rate: Float64Array;
  vol: Float64Array;
  price: Float64Array; // exact price (60-digit reference rounded to double)
  iv: Float64Array; // exact implied vol of that double price
  cond: Float64Array; // best IV accuracy a double solver can reach (grid column `cond`)
};

function loadCases(): Cases {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const dir = process.env.VOLDESK_SHARED_DATA ?? join(root, "..", "shared", "data");
  const path = join(dir, "pricing", "grid.json");
  if (!existsSync(path)) throw new Error(`bench/pricing: ${path} not found (set VOLDESK_SHARED_DATA)`);
  const cols = JSON.parse(readFileSync(path, "utf8")).cols as Record<string, (number | null)[]>;
  const keep: number[] = [];
  for (let i = 0; i < cols.S.length; ++i) if (cols.iv_q0[i] !== null) keep.push(i);
  const col = (name: string) => Float64Array.from(keep, (i) => cols[name][i] as number);
  return {
    n: keep.length,
    isCall: col("call"),
    spot: col("Sq"),
    strike: col("K"),
    tYears: col("T"),
    rate: col("r"),
    vol: col("sigma"),
    price: col("price_q0"),
    iv: col("iv_q0"),
    cond: col("cond")
  };
}

type Contender = {name: string; kind: "iv" | "greeks"; run: (c: Cases) => number};

function contenders(c: Cases): Contender[] {
  const right = Array.from(c.isCall, (x) => (x === 1 ? "C" : "P") as "C" | "P");
  const cp = Array.from(c.isCall, (x) => (x === 1 ? "call" : "put"));
  const qlType = Array.from(c.isCall, (x) => (x === 1 ? Option.Type.Call : Option.Type.Put));
  const uqee = new BlackScholes();
  const uqeeNewton = new BlackScholes({priceToSigmaMethod: "newton-raphson", priceToSigmaAccuracy: 1e-14, priceToSigmaNRIteractions: 100});
  const chainCols = {isCall: c.isCall, underlying: c.spot, strike: c.strike, tYears: c.tYears, rate: c.rate};
  const ivOut = new Float64Array(c.n);
  const greeksOut = allocGreeksColumns(c.n);
  let sink = 0;
  return [
    {
      name: "VolDesk impliedVol (scalar)",
      kind: "iv",
      run: () => {
        for (let i = 0; i < c.n; ++i) {
          const r = impliedVol({right: right[i], price: c.price[i], spot: c.spot[i], strike: c.strike[i], tYears: c.tYears[i], rate: c.rate[i]});
          if (r.ok) sink += r.vol;
        }
        return sink;
      }
    },
    {name: "VolDesk chainImpliedVol", kind: "iv", run: () => chainImpliedVol(chainCols, c.price, ivOut)[0]},
    {
      name: "@quantlib/ql blackFormulaImpliedStdDev 1e-14",
      kind: "iv",
      run: () => {
        for (let i = 0; i < c.n; ++i) {
          const t = c.tYears[i];
          const df = Math.exp(-c.rate[i] * t);
          try {
            sink += blackFormulaImpliedStdDev1(qlType[i], c.strike[i], c.spot[i] / df, c.price[i], df, 0, null as unknown as number, 1e-14, 100) / Math.sqrt(t);
          } catch {
            sink += 1;
          }
        }
        return sink;
      }
    },
    {
      name: "@uqee/black-scholes sigma (bisection, default 1e-3)",
      kind: "iv",
      run: () => {
        for (let i = 0; i < c.n; ++i) {
          sink += uqee.sigma({price: c.price[i], rate: c.rate[i], strike: c.strike[i], time: c.tYears[i], type: cp[i] as "call", underlying: c.spot[i]});
        }
        return sink;
      }
    },
    {
      name: "implied-volatility",
      kind: "iv",
      run: () => {
        for (let i = 0; i < c.n; ++i) sink += ivPeer.getImpliedVolatility(c.price[i], c.spot[i], c.strike[i], c.tYears[i], c.rate[i], cp[i]);
        return sink;
      }
    },
    {
      name: "VolDesk bsmGreeks (scalar, 8 greeks)",
      kind: "greeks",
      run: () => {
        for (let i = 0; i < c.n; ++i) {
          sink += bsmGreeks({right: right[i], spot: c.spot[i], strike: c.strike[i], tYears: c.tYears[i], rate: c.rate[i], vol: c.vol[i]}).delta;
        }
        return sink;
      }
    },
    {name: "VolDesk chainGreeks (8 greeks)", kind: "greeks", run: () => chainGreeks(chainCols, c.vol, greeksOut).delta[0]},
    {
      name: "@uqee/black-scholes option (5 greeks)",
      kind: "greeks",
      run: () => {
        for (let i = 0; i < c.n; ++i) {
          sink += uqee.option({rate: c.rate[i], sigma: c.vol[i], strike: c.strike[i], time: c.tYears[i], type: cp[i] as "call", underlying: c.spot[i]}).delta;
        }
        return sink;
      }
    },
    {
      name: "black-scholes + greeks (5 greeks)",
      kind: "greeks",
      run: () => {
        for (let i = 0; i < c.n; ++i) {
          const s = c.spot[i], k = c.strike[i], t = c.tYears[i], v = c.vol[i], r = c.rate[i];
          sink += bsPeer.blackScholes(s, k, t, v, r, cp[i]) + greeksPeer.getDelta(s, k, t, v, r, cp[i]) + greeksPeer.getGamma(s, k, t, v, r);
          sink += greeksPeer.getVega(s, k, t, v, r) + greeksPeer.getTheta(s, k, t, v, r, cp[i]) + greeksPeer.getRho(s, k, t, v, r, cp[i]);
        }
        return sink;
      }
    },
    // accuracy-only entry (its rate is reported too): @uqee's Newton solver asked for 1e-14
    {
      name: "@uqee/black-scholes sigma (newton, 1e-14)",
      kind: "iv",
      run: () => {
        for (let i = 0; i < c.n; ++i) {
          sink += uqeeNewton.sigma({price: c.price[i], rate: c.rate[i], strike: c.strike[i], time: c.tYears[i], type: cp[i] as "call", underlying: c.spot[i]});
        }
        return sink;
      }
    }
  ];
}

/** Accuracy of each IV solver / pricer on the sample: error quantiles, and misses (non-finite or IV error > 1e-12 + 16 cond). */
function accuracy(c: Cases): {name: string; metric: string; median: number; p99: number; max: number; failures: number}[] {
  const rows = [];
  const cp = Array.from(c.isCall, (x) => (x === 1 ? "call" : "put"));
  const qlType = Array.from(c.isCall, (x) => (x === 1 ? Option.Type.Call : Option.Type.Put));
  const uqee = new BlackScholes();
  const ivSolvers: [string, (i: number) => number][] = [
    ["VolDesk impliedVol", (i) => {
      const r = impliedVol({right: c.isCall[i] === 1 ? "C" : "P", price: c.price[i], spot: c.spot[i], strike: c.strike[i], tYears: c.tYears[i], rate: c.rate[i]});
      return r.ok ? r.vol : NaN;
    }],
    ["@quantlib/ql 1e-14", (i) => {
      const df = Math.exp(-c.rate[i] * c.tYears[i]);
      try {
        return blackFormulaImpliedStdDev1(qlType[i], c.strike[i], c.spot[i] / df, c.price[i], df, 0, null as unknown as number, 1e-14, 100) / Math.sqrt(c.tYears[i]);
      } catch {
        return NaN;
      }
    }],
    ["@uqee/black-scholes sigma", (i) => uqee.sigma({price: c.price[i], rate: c.rate[i], strike: c.strike[i], time: c.tYears[i], type: cp[i] as "call", underlying: c.spot[i]})],
    ["implied-volatility", (i) => ivPeer.getImpliedVolatility(c.price[i], c.spot[i], c.strike[i], c.tYears[i], c.rate[i], cp[i])]
  ];
  const stats = (errs: number[], failures: number) => {
    errs.sort((a, b) => a - b);
    const q = (p: number) => (errs.length ? errs[Math.min(errs.length - 1, Math.floor(p * errs.length))] : NaN);
    return {median: q(0.5), p99: q(0.99), max: errs.length ? errs[errs.length - 1] : NaN, failures};
  };
  for (const [name, solve] of ivSolvers) {
    const errs: number[] = [];
    let failures = 0;
    for (let i = 0; i < c.n; ++i) {
      const e = Math.abs(solve(i) - c.iv[i]);
      if (Number.isFinite(e)) errs.push(e);
      if (!(e <= 1e-12 + 16 * c.cond[i])) failures++;
    }
    rows.push({name, metric: "IV abs error", ...stats(errs, failures)});
  }
  const pricers: [string, (i: number) => number][] = [
    ["VolDesk bsmGreeks", (i) => bsmGreeks({right: c.isCall[i] === 1 ? "C" : "P", spot: c.spot[i], strike: c.strike[i], tYears: c.tYears[i], rate: c.rate[i], vol: c.vol[i]}).price],
    ["@uqee/black-scholes option", (i) => uqee.option({rate: c.rate[i], sigma: c.vol[i], strike: c.strike[i], time: c.tYears[i], type: cp[i] as "call", underlying: c.spot[i]}).price],
    ["black-scholes", (i) => bsPeer.blackScholes(c.spot[i], c.strike[i], c.tYears[i], c.vol[i], c.rate[i], cp[i])]
  ];
  // prices are compared where the grid's price is the BSM price at vol (the exact iv equals vol to 1e-9)
  for (const [name, price] of pricers) {
    const errs: number[] = [];
    let failures = 0;
    for (let i = 0; i < c.n; ++i) {
      if (Math.abs(c.iv[i] - c.vol[i]) > 1e-9 * c.vol[i]) continue;
      const e = Math.abs(price(i) / c.price[i] - 1);
      if (Number.isFinite(e)) errs.push(e);
      else failures++;
    }
    rows.push({name, metric: "price rel error", ...stats(errs, failures)});
  }
  return rows;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Prints the rate table (medians over interleaved rounds after warm-up), ratios, and the accuracy table. */
export async function runPricingBench(): Promise<void> {
  const all = loadCases();
  // A 6,000-contract sample keeps each round short for the slow peers; every 3rd grid case.
  const pick = (a: Float64Array) => a.filter((_, i) => i % 3 === 0);
  const c: Cases = {
    n: Math.ceil(all.n / 3),
    isCall: pick(all.isCall),
    spot: pick(all.spot),
    strike: pick(all.strike),
    tYears: pick(all.tYears),
    rate: pick(all.rate),
    vol: pick(all.vol),
    price: pick(all.price),
    iv: pick(all.iv),
    cond: pick(all.cond)
  };
  const list = contenders(c);
  const warmup = 3;
  const rounds = 11;
  const rates = new Map<string, number[]>(list.map((x) => [x.name, []]));
  for (let round = 0; round < warmup + rounds; ++round) {
    for (const x of list) {
      const t0 = performance.now();
      x.run(c);
      const ms = performance.now() - t0;
      if (round >= warmup) rates.get(x.name)!.push(c.n / (ms / 1000));
    }
  }
  const med = new Map([...rates].map(([k, v]) => [k, median(v)]));
  const ql = med.get("@quantlib/ql blackFormulaImpliedStdDev 1e-14")!;
  const uq = med.get("@uqee/black-scholes option (5 greeks)")!;
  console.log(`\nPricing kernel: ${c.n} grid cases per round, ${rounds} interleaved rounds after ${warmup} warm-up, medians`);
  console.log("| contender | kind | M/s | vs QuantLib IV | vs @uqee greeks |");
  console.log("|---|---|---:|---:|---:|");
  for (const x of list) {
    const m = med.get(x.name)!;
    console.log(`| ${x.name} | ${x.kind} | ${(m / 1e6).toFixed(3)} | ${(m / ql).toFixed(2)}x | ${(m / uq).toFixed(2)}x |`);
  }
  // 20,000-contract chain: IV + 8 greeks for every contract
  const n = 20000;
  const idx = Array.from({length: n}, (_, i) => i % all.n);
  const col = (a: Float64Array) => Float64Array.from(idx, (i) => a[i]);
  const chain = {isCall: col(all.isCall), underlying: col(all.spot), strike: col(all.strike), tYears: col(all.tYears), rate: col(all.rate)};
  const price = col(all.price);
  const iv = new Float64Array(n);
  const out = allocGreeksColumns(n);
  const ms: number[] = [];
  for (let r = 0; r < 25; ++r) {
    const t0 = performance.now();
    chainImpliedVol(chain, price, iv);
    chainGreeks(chain, iv, out);
    if (r >= 5) ms.push(performance.now() - t0);
  }
  console.log(`\n20,000-contract chain, IV + 8 greeks each: median ${median(ms).toFixed(2)} ms (min ${Math.min(...ms).toFixed(2)} ms)`);
  console.log("\nAccuracy on the same sample (vs 60-digit references; IV misses = non-finite or error > 1e-12 + 16 cond)");
  console.log("| solver | metric | median | p99 | max | misses |");
  console.log("|---|---|---:|---:|---:|---:|");
  for (const r of accuracy(c)) {
    const f = (v: number) => v.toExponential(1);
    console.log(`| ${r.name} | ${r.metric} | ${f(r.median)} | ${f(r.p99)} | ${f(r.max)} | ${r.failures} |`);
  }
}
