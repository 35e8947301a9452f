import type {ConditionNode} from "./parseCondition.js";

/** Calls `visit` with every input a condition names, in source order, with its offset in the condition text. */
export function forEachConditionInput(node: ConditionNode, visit: (name: string, offset: number) => void): void {
  if (node.type === "compare") {
    for (const operand of node.operands) if (operand.type === "input") visit(operand.name, operand.start);
  } else if (node.type === "not") forEachConditionInput(node.operand, visit);
  else {
    forEachConditionInput(node.left, visit);
    forEachConditionInput(node.right, visit);
  }
}

/** The distinct inputs a condition reads, in source order ("VIX > 35 or VVIX > 150" → ["VIX", "VVIX"]). */
export function conditionInputs(node: ConditionNode): string[] {
  const names = new Set<string>();
  forEachConditionInput(node, (name) => names.add(name));
  return [...names];
}
