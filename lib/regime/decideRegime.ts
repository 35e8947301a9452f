import {evaluateCondition} from "./evaluateCondition.js";
import type {UndecidableInput} from "./evaluateCondition.js";
import {resolveInputs} from "./marketInputs.js";
import type {MarketInputs} from "./marketInputs.js";
import type {ConditionNode} from "./parseCondition.js";
import type {RegimeLimits, RiskMatrix} from "./riskMatrix.js";

/** A regime whose condition could not be decided, with the inputs responsible and why ("missing", "stale", ...). */
export type UndecidableRegime = {regime: string; inputs: string[]; reasons: Record<string, string>};

/** The regime for one set of inputs, and how it was reached. Regime lists are most severe first. */
export type RegimeDecision = {
  regime: string;
  limits: RegimeLimits;
  description: string;
  matched: string[]; // every regime whose condition is true
  fallbackApplied: boolean; // no condition was true; `regime` is the matrix's fallback
  undecidable: UndecidableRegime[]; // conditions neither true nor false because of missing/stale inputs
  certain: boolean; // false when an undecidable regime ranks above `regime`, so with full inputs it might have won
  decidedBy: {regime: string; condition: string; reason: "matched" | "fallback" | "held" | "picked"; inputs: Record<string, number>};
  inputValues: Record<string, number>; // every usable input any condition names (TermStructure derived), by name
  severityOrder: string[];
};

/**
 * Options: `asOfMs` + `maxInputAgeMs` mark old inputs stale. `hold` keeps a current regime (hysteresis): its
 * condition is evaluated with thresholds moved by `hold.buffer` in its favour, and a true result decides with
 * reason "held" unless a more severe regime matches outright.
 */
export type DecideRegimeOptions = {
  asOfMs?: number;
  maxInputAgeMs?: number;
  hold?: {regime: string; buffer: Readonly<Record<string, number>>};
};

/**
 * Decides the volatility regime: every regime's condition is evaluated (three-valued, see evaluateCondition);
 * the most severe true one wins (matrix.severityOrder); when none is true the matrix's fallback applies and
 * `fallbackApplied` says so. Missing or stale inputs never count as false: their regimes are listed in
 * `undecidable`, and `certain` is false if one of them outranks the decision.
 */
export function decideRegime(matrix: RiskMatrix, inputs: MarketInputs, options: DecideRegimeOptions = {}): RegimeDecision {
  const lookup = resolveInputs(inputs, options);
  const matched: string[] = [];
  const undecidable: UndecidableRegime[] = [];
  const inputValues: Record<string, number> = {};
  let held = false;
  for (const name of matrix.severityOrder) {
    const regime = matrix.regimes[name];
    const buffer = options.hold?.regime === name ? options.hold.buffer : undefined;
    const result = evaluateCondition(regime.conditionAst, lookup, {buffer});
    if (result.value === true) {
      matched.push(name);
      if (buffer && evaluateCondition(regime.conditionAst, lookup).value !== true) held = true;
    } else if (result.value === "undecidable") undecidable.push(toUndecidable(name, result.undecidableInputs));
    for (const input of inputNames(regime.conditionAst)) {
      // a derived TermStructure is shown with the levels it came from
      const shown = input === "TermStructure" && inputs.TermStructure === undefined ? ["VIX", "VIX3M", input] : [input];
      for (const name of shown) {
        const resolved = lookup(name);
        if (resolved.ok) inputValues[name] = resolved.value;
      }
    }
  }
  const fallbackApplied = matched.length === 0;
  const regime = fallbackApplied ? matrix.fallback : matched[0];
  const definition = matrix.regimes[regime];
  const rank = matrix.severityOrder.indexOf(regime);
  const certain = undecidable.every((u) => matrix.severityOrder.indexOf(u.regime) > rank);
  const decidingInputs: Record<string, number> = {};
  if (!fallbackApplied) {
    for (const input of inputNames(definition.conditionAst)) if (input in inputValues) decidingInputs[input] = inputValues[input];
  }
  const reason = fallbackApplied ? "fallback" : held && options.hold?.regime === regime ? "held" : "matched";
  return {
    regime,
    limits: definition.limits,
    description: definition.description,
    matched,
    fallbackApplied,
    undecidable,
    certain,
    decidedBy: {regime, condition: definition.condition, reason, inputs: decidingInputs},
    inputValues,
    severityOrder: [...matrix.severityOrder]
  };
}

function toUndecidable(regime: string, inputs: UndecidableInput[]): UndecidableRegime {
  return {regime, inputs: inputs.map((u) => u.name), reasons: Object.fromEntries(inputs.map((u) => [u.name, u.reason]))};
}

function inputNames(node: ConditionNode): string[] {
  if (node.type === "compare") return node.operands.flatMap((o) => (o.type === "input" ? [o.name] : []));
  if (node.type === "not") return inputNames(node.operand);
  return [...new Set([...inputNames(node.left), ...inputNames(node.right)])];
}
