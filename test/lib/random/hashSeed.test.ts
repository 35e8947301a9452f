import {describe, expect, it} from "vitest";
import {hashSeed} from "../../../lib/random/hashSeed.js";

describe("hashSeed(parts)", () => {
  it("is a pure function of its parts", () => {
    expect(hashSeed([42, "SPY", 7])).toEqual(hashSeed([42, "SPY", 7]));
  });
  it("separates parts, so concatenations do not collide", () => {
    expect(hashSeed(["1", "23"])).not.toEqual(hashSeed(["12", "3"]));
    expect(hashSeed([1, 23])).not.toEqual(hashSeed([123]));
  });
  it("spreads neighbouring inputs over unrelated words (avalanche: ~half the 128 bits flip)", () => {
    let flips = 0;
    const n = 500;
    for (let day = 0; day < n; day++) {
      const a = hashSeed([1, "market", day]);
      const b = hashSeed([1, "market", day + 1]);
      for (let w = 0; w < 4; w++) {
        let x = (a[w] ^ b[w]) >>> 0;
        while (x) {
          flips += x & 1;
          x >>>= 1;
        }
      }
    }
    // a perfect mixer flips 64 of 128 bits on average; sd of the mean over 500 pairs is 5.66/sqrt(500) ≈ 0.25
    expect(flips / n).toBeGreaterThan(62);
    expect(flips / n).toBeLessThan(66);
  });
  it("returns four unsigned 32-bit words", () => {
    for (const w of hashSeed(["x"])) expect(Number.isInteger(w) && w >= 0 && w < 2 ** 32).toBe(true);
  });
});
