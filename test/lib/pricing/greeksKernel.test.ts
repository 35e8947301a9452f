import {describe, expect, it} from "vitest";
import {expInline} from "../../../lib/pricing/greeksKernel.js";

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
