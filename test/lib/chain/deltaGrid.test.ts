import {describe, expect, it} from "vitest";
import type {ChainAnalysis, ExpirySummary, SurfacePoint} from "../../../lib/chain/analyzeChain.js";
import {deltaGrid} from "../../../lib/chain/deltaGrid.js";

/** A flat 20% smile on one 0.25-year expiry, F = 100, r = q = 0 (so F = S), OTM nodes from K = 60 to 160. */
function flatAnalysis(vol: number): ChainAnalysis {
  const expiry: ExpirySummary = {
    expiry: "2027-02-19",
    tYears: 0.25,
    days: 91.25,
    forward: 100,
    discount: 1,
    divYield: 0,
    atmIv: vol,
    put25Strike: NaN,
    put25Iv: NaN,
    call25Strike: NaN,
    call25Iv: NaN,
    putSkew: NaN,
    callSkew: NaN,
    quotesUsed: 0
  };
  const surface = [] as SurfacePoint[];
  for (let strike = 60; strike <= 160; strike += 2.5) {
    const right = strike < 100 ? "P" : "C";
    surface.push({strike, right, logMoneyness: Math.log(strike / 100), mid: 1, iv: vol, delta: NaN, otm: true, expiry: expiry.expiry, tYears: 0.25, vendorIv: NaN, bid: 1, ask: 1, openInterest: 0, wideSpread: false});
  }
  return {underlying: "X", spot: 100, asOfMs: 0, rate: 0, model: "european-forward", expiries: [expiry], constantMaturity: [], surface, dropped: {} as ChainAnalysis["dropped"], skippedExpiries: []};
}

describe("deltaGrid(analysis)", () => {
  it("finds the closed-form delta strikes on a flat smile", () => {
    // q = r = 0: put delta -N(-d1) = -0.25 ⇒ d1 = N⁻¹(0.75) = 0.6744897501960817;
    // d1 = ln(F/K)/(σ√T) + σ√T/2 with σ√T = 0.1 ⇒ ln(F/K) = 0.1·(0.67449 - 0.05), K = 100·e^{-0.062449}
    const z75 = 0.6744897501960817;
    const cells = deltaGrid(flatAnalysis(0.2));
    expect(cells.map((c) => c.bucket)).toEqual(["10ΔP", "15ΔP", "20ΔP", "25ΔP", "30ΔP", "35ΔP", "40ΔP", "ATM", "40ΔC", "35ΔC", "30ΔC", "25ΔC", "20ΔC", "15ΔC", "10ΔC"]);
    expect(cells.map((c) => c.column)).toEqual([...Array(15).keys()]);
    const put25 = cells.find((c) => c.bucket === "25ΔP")!;
    expect(put25.strike).toBeCloseTo(100 * Math.exp(-0.1 * (z75 - 0.05)), 6);
    expect(put25.iv).toBeCloseTo(0.2, 12);
    // call delta N(d1) = 0.25 ⇒ d1 = -z75 ⇒ ln(F/K) = 0.1·(-z75 - 0.05)
    const call25 = cells.find((c) => c.bucket === "25ΔC")!;
    expect(call25.strike).toBeCloseTo(100 * Math.exp(0.1 * (z75 + 0.05)), 6);
    const atm = cells.find((c) => c.bucket === "ATM")!;
    expect(atm).toMatchObject({strike: 100, iv: 0.2});
    // strikes rise from deep puts to deep calls
    const strikes = cells.map((c) => c.strike);
    expect(strikes.every((k, i) => i === 0 || k > strikes[i - 1])).toBe(true);
  });
  it("leaves cells the listed strikes do not reach NaN", () => {
    const narrow = flatAnalysis(0.2);
    narrow.surface = narrow.surface.filter((p) => p.strike >= 95 && p.strike <= 105);
    const cells = deltaGrid(narrow);
    expect(cells.find((c) => c.bucket === "10ΔP")!.iv).toBeNaN();
    expect(cells.find((c) => c.bucket === "40ΔC")!.iv).toBeCloseTo(0.2, 12);
  });
});
