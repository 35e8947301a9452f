import type {InputLookup} from "./marketInputs.js";
import type {ConditionNode, ConditionOperand} from "./parseCondition.js";

/** Three-valued truth (Kleene): a condition whose needed inputs are missing or stale is "undecidable". */
export type Truth = boolean | "undecidable";

/** An input that made a condition undecidable, with the reason ("missing", "stale", "= VIX3M/VIX, VIX3M missing"). */
export type UndecidableInput = {name: string; reason: string};

/** The value of a condition and, when undecidable, the inputs responsible (each listed once). */
export type ConditionResult = {value: Truth; undecidableInputs: UndecidableInput[]};

/**
 * Options: `buffer` moves every threshold of a comparison that involves a named input by that many units of the
 * input in favour of the condition being true (used by hysteresis to keep the current regime). `not` flips it.
 */
export type EvaluateOptions = {buffer?: Readonly<Record<string, number>>};

/**
 * Evaluates a parsed condition with Kleene's three-valued logic: `a or b` is true if either side is true even when
 * the other is undecidable, `a and b` is false if either side is false, `not` keeps undecidable. A comparison is
 * undecidable when any of its inputs is unusable. Chains hold when every adjacent pair holds.
 */
export function evaluateCondition(node: ConditionNode, lookup: InputLookup, {buffer}: EvaluateOptions = {}): ConditionResult {
  return evaluate(node, lookup, buffer, 1);
}

function evaluate(
  node: ConditionNode,
  lookup: InputLookup,
  buffer: Readonly<Record<string, number>> | undefined,
  favour: 1 | -1
): ConditionResult {
  switch (node.type) {
    case "not": {
      const inner = evaluate(node.operand, lookup, buffer, favour === 1 ? -1 : 1);
      return {value: inner.value === "undecidable" ? "undecidable" : !inner.value, undecidableInputs: inner.undecidableInputs};
    }
    case "and":
    case "or": {
      const left = evaluate(node.left, lookup, buffer, favour);
      const right = evaluate(node.right, lookup, buffer, favour);
      const dominant = node.type === "or"; // true dominates `or`, false dominates `and`
      if (left.value === dominant || right.value === dominant) return {value: dominant, undecidableInputs: []};
      if (left.value === "undecidable" || right.value === "undecidable") {
        return {value: "undecidable", undecidableInputs: mergeInputs(left.undecidableInputs, right.undecidableInputs)};
      }
      return {value: !dominant, undecidableInputs: []};
    }
    case "compare":
      return compareChain(node.operands, node.operators, lookup, buffer, favour);
  }
}

function compareChain(
  operands: ConditionOperand[],
  operators: string[],
  lookup: InputLookup,
  buffer: Readonly<Record<string, number>> | undefined,
  favour: 1 | -1
): ConditionResult {
  const undecidableInputs: UndecidableInput[] = [];
  const values = operands.map((operand) => {
    if (operand.type === "number") return operand.value;
    const resolved = lookup(operand.name);
    if (resolved.ok) return resolved.value;
    if (!undecidableInputs.some((u) => u.name === operand.name)) {
      undecidableInputs.push({name: operand.name, reason: resolved.reason});
    }
    return NaN;
  });
  if (undecidableInputs.length > 0) return {value: "undecidable", undecidableInputs};
  for (let i = 0; i < operators.length; ++i) {
    const slack = favour * Math.max(bufferOf(operands[i], buffer), bufferOf(operands[i + 1], buffer));
    if (!holds(values[i], operators[i], values[i + 1], slack)) return {value: false, undecidableInputs: []};
  }
  return {value: true, undecidableInputs: []};
}

function bufferOf(operand: ConditionOperand, buffer: Readonly<Record<string, number>> | undefined): number {
  return operand.type === "input" && buffer ? (buffer[operand.name] ?? 0) : 0;
}

/** `left op right` with the threshold moved by `slack` toward true (slack > 0) or toward false (slack < 0). */
function holds(left: number, operator: string, right: number, slack: number): boolean {
  switch (operator) {
    case "<":
      return slack === 0 ? left < right : left < right + slack;
    case "<=":
      return slack === 0 ? left <= right : left <= right + slack;
    case ">":
      return slack === 0 ? left > right : left > right - slack;
    case ">=":
      return slack === 0 ? left >= right : left >= right - slack;
    default:
      return slack >= 0 ? Math.abs(left - right) <= slack : false;
  }
}

function mergeInputs(a: UndecidableInput[], b: UndecidableInput[]): UndecidableInput[] {
  return [...a, ...b.filter((x) => !a.some((y) => y.name === x.name))];
}
