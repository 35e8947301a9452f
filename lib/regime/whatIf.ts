import {decideRegime, type DecideRegimeOptions, type RegimeDecision} from "./decideRegime.js";
import {resolveInputs, type MarketInputs} from "./marketInputs.js";
import type {RiskMatrix} from "./riskMatrix.js";

/** A what-if: input values to use instead of the market's (by input name), and optionally a regime picked by hand. */
export type WhatIf = {inputs?: Readonly<Record<string, number>>; regime?: string | null};

/** The decision under a what-if, with what was actually overridden (name and value, in the input's unit). */
export type WhatIfDecision = RegimeDecision & {overridden: {name: string; value: number}[]; picked: string | null};

/** Overrides closer than this to the market's value are not overrides: controls start at today's values. */
const SAME_VALUE = 1e-9;

/**
 * Decides the regime as if some inputs had other values, or as if a regime had been picked by hand. Overrides
 * equal to the market value (within 1e-9) are ignored. Overriding VIX or VIX3M without TermStructure re-derives
 * TermStructure = VIX3M / VIX from the overridden levels. A picked regime replaces the decided regime, its limits
 * and description (`decidedBy.reason` "picked"); `matched` and `undecidable` still say what the inputs match.
 * Throws RangeError for a picked regime the matrix does not have.
 */
export function decideWhatIf(
  matrix: RiskMatrix,
  actual: MarketInputs,
  {inputs: overrides = {}, regime: picked = null}: WhatIf = {},
  options: DecideRegimeOptions = {}
): WhatIfDecision {
  const inputs: MarketInputs = {...actual};
  const overridden: {name: string; value: number}[] = [];
  const market = resolveInputs(actual); // TermStructure included, derived as the engine derives it
  for (const [name, value] of Object.entries(overrides)) {
    const current = market(name);
    if (current.ok && Math.abs(value - current.value) <= SAME_VALUE) continue;
    inputs[name] = value;
    overridden.push({name, value});
  }
  const decided = decideRegime(matrix, inputs, options);
  if (picked === null) return {...decided, overridden, picked: null};
  const regime = matrix.regimes[picked];
  if (!regime) throw new RangeError(`decideWhatIf: no regime "${picked}" in ${matrix.file} (${Object.keys(matrix.regimes).join(", ")})`);
  return {
    ...decided,
    regime: regime.name,
    limits: regime.limits,
    description: regime.description,
    fallbackApplied: false,
    certain: true,
    decidedBy: {regime: regime.name, condition: "picked by hand", reason: "picked", inputs: {}},
    overridden,
    picked: regime.name
  };
}
