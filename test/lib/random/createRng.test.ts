import {describe, expect, it} from "vitest";
import {createRng} from "../../../lib/random/createRng.js";

const N = 200_000;

describe("createRng(seedParts)", () => {
  it("is deterministic in its seed and differs across seeds", () => {
    const a = createRng([7, "x"]);
    const b = createRng([7, "x"]);
    const c = createRng([8, "x"]);
    const xs = Array.from({length: 20}, () => a.normal());
    expect(Array.from({length: 20}, () => b.normal())).toEqual(xs);
    expect(Array.from({length: 20}, () => c.normal())).not.toEqual(xs);
  });
  it("draws uniforms strictly inside (0, 1) with mean 1/2 and variance 1/12", () => {
    const rng = createRng([1]);
    let sum = 0;
    let sum2 = 0;
    let outside = 0;
    for (let i = 0; i < N; i++) {
      const u = rng.uniform();
      if (!(u > 0 && u < 1)) outside++;
      sum += u;
      sum2 += u * u;
    }
    const mean = sum / N;
    expect(outside).toBe(0);
    // standard error of the mean: sqrt(1/12 / 2e5) ≈ 6.5e-4, tolerance ~5 SE
    expect(Math.abs(mean - 0.5)).toBeLessThan(3.5e-3);
    expect(Math.abs(sum2 / N - mean * mean - 1 / 12)).toBeLessThan(2e-3);
  });
  it("draws standard normals: mean 0, variance 1, skew 0, kurtosis 3, tail share P(|Z|>1.96) = 5%", () => {
    const rng = createRng([2, "normal"]);
    let m1 = 0;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    let tail = 0;
    for (let i = 0; i < N; i++) {
      const z = rng.normal();
      m1 += z;
      m2 += z * z;
      m3 += z * z * z;
      m4 += z * z * z * z;
      if (Math.abs(z) > 1.959963984540054) tail++;
    }
    // SEs at n=2e5: mean 0.0022, var 0.0032, skew 0.0055, kurt 0.011, tail share 0.00049
    expect(Math.abs(m1 / N)).toBeLessThan(0.012);
    expect(Math.abs(m2 / N - 1)).toBeLessThan(0.016);
    expect(Math.abs(m3 / N)).toBeLessThan(0.03);
    expect(Math.abs(m4 / N - 3)).toBeLessThan(0.06);
    expect(Math.abs(tail / N - 0.05)).toBeLessThan(0.0025);
  });
  it("draws Poisson counts with the right mean and variance", () => {
    const rng = createRng([3]);
    let s = 0;
    let s2 = 0;
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      const k = rng.poisson(2.5);
      s += k;
      s2 += k * k;
    }
    expect(s / n).toBeCloseTo(2.5, 1);
    expect(s2 / n - (s / n) ** 2).toBeCloseTo(2.5, 1);
  });
  it("rejects a bad argument with a RangeError naming it", () => {
    expect(() => createRng([1]).int(0)).toThrow(/int: n must be a positive integer, got 0/);
    expect(() => createRng([1]).poisson(-1)).toThrow(RangeError);
  });
});
