/**
 * The market inputs every risk matrix may name without declaring them, in index points unless stated:
 * CBOE's VIX, VIX3M, VIX9D, VVIX, SKEW; TermStructure = VIX3M / VIX (a ratio, derived when both are given);
 * FearGreed (score 0–100); Deribit's DVOL_BTC, DVOL_ETH; and Polymarket_<Name>_Prob (probability 0–1).
 */
export const KNOWN_INPUTS: readonly string[] = [
  "VIX",
  "VIX3M",
  "VIX9D",
  "VVIX",
  "SKEW",
  "TermStructure",
  "FearGreed",
  "DVOL_BTC",
  "DVOL_ETH",
  "Polymarket_<Name>_Prob"
];

const POLYMARKET = /^Polymarket_[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*_Prob$/;
const FIXED = new Set(KNOWN_INPUTS.filter((name) => !name.includes("<")));

/**
 * True when `name` is a known input (see KNOWN_INPUTS; any Polymarket_<Name>_Prob with a non-empty name)
 * or one of `declared` (inputs a loader provides, listed under `inputs:` in the matrix). Case-sensitive.
 */
export function isKnownInput(name: string, declared: Iterable<string> = []): boolean {
  if (FIXED.has(name) || POLYMARKET.test(name)) return true;
  for (const d of declared) if (d === name) return true;
  return false;
}
