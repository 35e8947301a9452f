import {hashSeed} from "./hashSeed.js";
import {sfc32} from "./sfc32.js";

/** A seeded random stream: uniform, normal and friends. Deterministic: same seed parts → same sequence. */
export type Rng = {
  /** Uniform on the open interval (0, 1), 53 random bits. */
  uniform(): number;
  /** Uniform on [min, max). */
  between(min: number, max: number): number;
  /** Standard normal N(0, 1) (Marsaglia's polar method, pairs cached). */
  normal(): number;
  /** Integer uniform on [0, n). */
  int(n: number): number;
  /** true with probability `prob` (0–1). */
  bernoulli(prob: number): boolean;
  /** Poisson count with mean `mean` (Knuth's product method; intended for small means, < 30). */
  poisson(mean: number): number;
};

const TWO_POW_M32 = 2 ** -32;
const TWO_POW_M53 = 2 ** -53;

/**
 * Returns an sfc32-backed random stream seeded by hashing `seedParts` (strings or integers), e.g.
 * `createRng([seed, "market", dayIndex])`. Warm-up: the first 12 outputs are discarded, as PractRand recommends
 * for sfc32 seeded from a hash. Uses only +, *, log and sqrt, so sequences are identical on every IEEE-754 engine
 * whose Math.log/Math.sqrt agree (V8, SpiderMonkey and JavaScriptCore do).
 * @see https://doi.org/10.1137/1006063 (Marsaglia & Bray 1964, the polar method)
 */
export function createRng(seedParts: readonly (string | number)[]): Rng {
  const next = sfc32(hashSeed(seedParts));
  for (let i = 0; i < 12; i++) next();
  let spare = NaN;
  const uniform = (): number => {
    // 53 bits: 27 high + 26 low, then shift into (0, 1) by adding half an ulp of the grid
    const hi = next() >>> 5;
    const lo = next() >>> 6;
    return (hi * 67108864 + lo + 0.5) * TWO_POW_M53;
  };
  const rng: Rng = {
    uniform,
    between: (min, max) => min + (max - min) * uniform(),
    normal() {
      if (!Number.isNaN(spare)) {
        const z = spare;
        spare = NaN;
        return z;
      }
      let u = 0;
      let v = 0;
      let s = 0;
      do {
        u = 2 * uniform() - 1;
        v = 2 * uniform() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const factor = Math.sqrt((-2 * Math.log(s)) / s);
      spare = v * factor;
      return u * factor;
    },
    int(n) {
      if (!(n >= 1) || !Number.isInteger(n)) throw new RangeError(`createRng.int: n must be a positive integer, got ${n}`);
      return Math.floor(next() * TWO_POW_M32 * n);
    },
    bernoulli: (prob) => uniform() < prob,
    poisson(mean) {
      if (!(mean >= 0)) throw new RangeError(`createRng.poisson: mean must be >= 0, got ${mean}`);
      const limit = Math.exp(-mean);
      let k = 0;
      let product = uniform();
      while (product > limit) {
        k++;
        product *= uniform();
      }
      return k;
    }
  };
  return rng;
}
