import {describe, expect, it} from "vitest";
import {allocGreeksColumns, expInline, writeGreeks, writeGreeksRows} from "../../../lib/pricing/greeksKernel.js";
import {ERFC_CENTRE_MAX, erfcCentre, erfcxTail} from "../../../lib/pricing/normal.js";

/** Spacing of doubles at |v| (the subnormal spacing below the normal range). */
function ulp(v: number): number {
  const a = Math.abs(v);
  if (a < 2.2250738585072014e-308) return 5e-324;
  return 2 ** (Math.floor(Math.log2(a)) - 52);
}

describe("expInline", () => {
  it("is within 1 ulp of Math.exp (itself < 1 ulp, fdlibm) from the subnormal range to overflow", () => {
    // deterministic sweep: the kernel takes exp of -r T and -d^2/2
    let worstUlps = 0;
    for (let i = 0; i <= 200000; ++i) {
      const x = -746 + (1455.7 * i) / 200000 + 1e-7 * Math.sin(i); // up to 709.7, below overflow
      worstUlps = Math.max(worstUlps, Math.abs(expInline(x) - Math.exp(x)) / ulp(Math.exp(x)));
    }
    for (let i = 0; i <= 100000; ++i) {
      const x = -((i / 100000) ** 2) * 0.05; // small |x|, where exp(x) ~ 1 - |x|
      worstUlps = Math.max(worstUlps, Math.abs(expInline(x) - Math.exp(x)) / ulp(Math.exp(x)));
    }
    expect(worstUlps).toBeLessThanOrEqual(1);
  });
  it("gives the exact values and limits at the edges", () => {
    expect(expInline(0)).toBe(1);
    expect(expInline(-0)).toBe(1);
    expect(expInline(1)).toBe(Math.E);
    expect(expInline(Math.LN2)).toBe(2);
    expect(expInline(-Infinity)).toBe(0);
    expect(expInline(-800)).toBe(0);
    expect(expInline(-745)).toBe(5e-324); // the smallest subnormal
    expect(expInline(709.7)).toBe(Math.exp(709.7));
    expect(expInline(710)).toBe(Infinity);
    expect(expInline(Infinity)).toBe(Infinity);
    expect(expInline(NaN)).toBeNaN();
  });
});

describe("writeGreeksRows: Cody erfc/erfcx", () => {
  it("gives the delta that erfcCentre / erfcxTail (normal.ts) give, bit for bit, in all three of Cody's intervals", () => {
    // r = q = 0 and a call: delta = Phi(d1), Phi(-|d|) = erfc(|d|/sqrt2)/2 in the centre, phi(d) sqrt(pi/2) erfcx(|d|/sqrt2)
    // beyond it; d1 is recomputed here with the kernel's operations so that only the N(d) evaluation is compared.
    const n = 4001;
    const strike = new Float64Array(n).fill(100);
    const u = Float64Array.from({length: n}, (_, i) => 100 * Math.exp(-9 + (18 * i) / (n - 1))); // |d1| up to ~9
    const cols = allocGreeksColumns(n);
    const ones = new Float64Array(n).fill(1);
    writeGreeksRows(ones, u, strike, ones, new Float64Array(n), undefined, ones, false, cols, 0, n);
    let mismatches = 0;
    for (let i = 0; i < n; ++i) {
      const d1 = Math.log(u[i] / 100) * (1 / 1) + 0.5;
      const y = Math.abs(d1) * Math.SQRT1_2;
      const phi = 0.398942280401432677939946059934 * expInline(-0.5 * d1 * d1);
      const lo = y <= ERFC_CENTRE_MAX ? 0.5 * erfcCentre(y) : phi * (1.253314137315500251207882642405522626503 * erfcxTail(y));
      if (!Object.is(cols.delta[i], d1 <= 0 ? lo : 1 - lo)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});

describe("writeGreeksRows: blocks", () => {
  it("writes every row of a chain that spans several blocks, at an offset, as the one-row entry does, bit for bit", () => {
    // 1,000 rows (blocks of 256 and a partial one) with a dividend yield, both rights and a few degenerate rows
    const n = 1000;
    const isCall = Float64Array.from({length: n}, (_, i) => i % 3 === 0 ? 1 : 0);
    const u = Float64Array.from({length: n}, (_, i) => 60 + (i * 37) % 90);
    const strike = Float64Array.from({length: n}, (_, i) => 50 + (i * 53) % 110);
    const t = Float64Array.from({length: n}, (_, i) => i % 97 === 0 ? 0 : 0.01 + (i % 17) * 0.2);
    const rate = Float64Array.from({length: n}, (_, i) => (i % 7) * 0.01);
    const div = Float64Array.from({length: n}, (_, i) => (i % 5) * 0.005);
    const vol = Float64Array.from({length: n}, (_, i) => i % 89 === 0 ? 0 : 0.05 + (i % 13) * 0.1);
    const offset = 3;
    const chain = allocGreeksColumns(n + offset);
    writeGreeksRows(isCall, u, strike, t, rate, div, vol, false, chain, offset, n);
    const one = allocGreeksColumns(1);
    let mismatches = 0;
    for (let i = 0; i < n; ++i) {
      writeGreeks(isCall[i] === 1, u[i], strike[i], t[i], rate[i], div[i], vol[i], false, one, 0);
      for (const key of Object.keys(one) as (keyof typeof one)[]) if (!Object.is(one[key][0], chain[key][i + offset])) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(chain.price[0]).toBe(0); // rows before the offset are left alone
    expect(chain.price[offset + 97]).toBeGreaterThanOrEqual(0); // t = 0: intrinsic value
  });
  it("reuses the time factors only while expiry, rate and yield all repeat (a chain sorted by expiry)", () => {
    // runs of 40 rows share an expiry while the rate changes every 7th row and the yield every 11th row
    const n = 600;
    const isCall = Float64Array.from({length: n}, (_, i) => i % 2);
    const u = new Float64Array(n).fill(100);
    const strike = Float64Array.from({length: n}, (_, i) => 70 + (i % 40) * 1.5);
    const t = Float64Array.from({length: n}, (_, i) => 0.05 + Math.floor(i / 40) * 0.1);
    const rate = Float64Array.from({length: n}, (_, i) => 0.04 + Math.floor(i / 7) * 1e-4);
    const div = Float64Array.from({length: n}, (_, i) => Math.floor(i / 11) % 3 === 0 ? 0 : 0.01);
    const vol = new Float64Array(n).fill(0.25);
    const chain = allocGreeksColumns(n);
    writeGreeksRows(isCall, u, strike, t, rate, div, vol, false, chain, 0, n);
    const one = allocGreeksColumns(1);
    let mismatches = 0;
    for (let i = 0; i < n; ++i) {
      writeGreeks(isCall[i] === 1, u[i], strike[i], t[i], rate[i], div[i], vol[i], false, one, 0);
      for (const key of Object.keys(one) as (keyof typeof one)[]) if (!Object.is(one[key][0], chain[key][i])) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});
