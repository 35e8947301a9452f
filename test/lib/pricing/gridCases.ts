import {readSharedText} from "../../helpers/sharedData.js";

/** Columns of ../shared/data/pricing/grid.json (see SOURCES.md section pricing); iv is null where undefined. */
export type PricingGrid = {
  n: number;
  part: string[];
  S: number[];
  K: number[];
  T: number[];
  r: number[];
  q: number[];
  call: number[];
  sigma: number[];
  price: number[];
  iv: (number | null)[];
  delta: number[];
  gamma: number[];
  vega: number[];
  theta: number[];
  cond: number[];
};

let cached: PricingGrid | undefined;

/** The 18,698-case European reference grid (60-digit references), parsed once per test file. */
export function loadPricingGrid(): PricingGrid {
  if (!cached) {
    const cols = JSON.parse(readSharedText("pricing/grid.json")).cols;
    cached = {n: cols.S.length, ...cols} as PricingGrid;
  }
  return cached;
}

/** Returns the p-quantile (0..1) of the values. */
export function quantile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

/** Relative error |a/b - 1| (absolute error when b = 0). */
export function relError(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : Math.abs(a / b - 1);
}
