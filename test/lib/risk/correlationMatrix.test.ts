import {describe, expect, it} from "vitest";
import {correlationMatrix} from "../../../lib/risk/correlationMatrix.js";

const dates = Array.from({length: 60}, (_, i) => `2024-${String(1 + Math.floor(i / 28)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`);
// deterministic wiggle: log returns r_i = 0.01 sin(i) + 0.004 cos(3i)
const returns = dates.map((_, i) => 0.01 * Math.sin(i) + 0.004 * Math.cos(3 * i));
const series = (scale: number, sign = 1) => {
  let level = 100;
  return dates.map((date, i) => ({date, close: (level *= Math.exp(sign * scale * returns[i]))}));
};

describe("correlationMatrix(closesBySymbol)", () => {
  it("is 1 for series with proportional returns, -1 for mirrored ones, symmetric with a unit diagonal", () => {
    const m = correlationMatrix({A: series(1), B: series(2.5), C: series(1, -1)});
    expect(m.symbols).toEqual(["A", "B", "C"]);
    expect(m.correlation[0 * 3 + 1]).toBeCloseTo(1, 12);
    expect(m.correlation[0 * 3 + 2]).toBeCloseTo(-1, 12);
    expect(m.correlation[2 * 3 + 0]).toBe(m.correlation[0 * 3 + 2]);
    expect([m.correlation[0], m.correlation[4], m.correlation[8]]).toEqual([1, 1, 1]);
    expect(m.nReturns[1]).toBe(59);
  });
  it("aligns each pair by date and gives NaN when too few returns overlap", () => {
    const short = series(1).slice(0, 10);
    const m = correlationMatrix({A: series(1), S: short});
    expect(m.nReturns[1]).toBe(9);
    expect(m.correlation[1]).toBeNaN();
    expect(m.correlation[3]).toBeNaN(); // S alone has 9 returns < 20
  });
  it("uses only the last windowDays returns", () => {
    expect(correlationMatrix({A: series(1), B: series(3)}, {windowDays: 30}).nReturns[1]).toBe(30);
  });
});
