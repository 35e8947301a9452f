import {describe, expect, it} from "vitest";
import {normalisedBlackOtm} from "../../../lib/pricing/normalisedBlack.js";
import {normalisedImpliedVol} from "../../../lib/pricing/normalisedImpliedVol.js";

describe("normalisedImpliedVol", () => {
  it("round-trips b(x, s) to 1e-11 relative inside, at the edges of and outside its branch-point table (|x| = 1/4096 .. 16)", () => {
    // the guess interpolates tabulated branch points for sqrt|x| in [1/64, 4) and computes them elsewhere
    const xs = [0, -1e-6, -1 / 4096, -((1 / 64 + 1e-9) ** 2), -0.01, -0.5, -1.5, -15.999, -16, -25, -100];
    let worst = 0;
    for (const x of xs) {
      const sc = Math.sqrt(2 * -x) || 1;
      for (let k = 0; k <= 60; ++k) {
        const s = sc * 10 ** (-1 + k / 30);
        const beta = normalisedBlackOtm(x, s);
        // below half the upper bound, where b(x, s) itself is computed to ~1e-15 and s is well conditioned
        if (!(beta > 1e-300) || !(beta < 0.5 * Math.exp(x / 2))) continue;
        worst = Math.max(worst, Math.abs(normalisedImpliedVol(beta, x) / s - 1));
      }
    }
    // measured 1.7e-12 at |x| = 1e-6, where b(x, s) itself loses digits (the solver before the table: the same)
    expect(worst).toBeLessThan(1e-11);
  });
  it("returns NaN outside 0 < beta < e^{x/2}, x <= 0", () => {
    expect(normalisedImpliedVol(0, -1)).toBeNaN();
    expect(normalisedImpliedVol(Math.exp(-0.5), -1)).toBeNaN();
    expect(normalisedImpliedVol(0.1, 1)).toBeNaN();
  });
});
