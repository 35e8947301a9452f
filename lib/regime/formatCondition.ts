import type {ConditionNode, ConditionOperand} from "./parseCondition.js";

const PRECEDENCE = {or: 1, and: 2, not: 3, compare: 4} as const;

/**
 * Prints a condition AST back as canonical text: single spaces, lowercase keywords, numbers as written,
 * and only the parentheses the grammar needs, so `parseCondition(formatCondition(ast))` has the same structure.
 */
export function formatCondition(node: ConditionNode): string {
  switch (node.type) {
    case "compare": {
      let text = formatOperand(node.operands[0]);
      node.operators.forEach((operator, i) => (text += ` ${operator} ${formatOperand(node.operands[i + 1])}`));
      return text;
    }
    case "not":
      return `not ${wrap(node.operand, PRECEDENCE.not, false)}`;
    case "and":
    case "or": {
      const level = PRECEDENCE[node.type];
      return `${wrap(node.left, level, false)} ${node.type} ${wrap(node.right, level, true)}`;
    }
  }
}

function wrap(child: ConditionNode, parentLevel: number, isRightOperand: boolean): string {
  const level = PRECEDENCE[child.type];
  // and/or parse left-associatively, so a right operand of the same kind needs parentheses to keep its shape
  const needs = level < parentLevel || (isRightOperand && level === parentLevel && level < PRECEDENCE.not);
  const text = formatCondition(child);
  return needs ? `(${text})` : text;
}

function formatOperand(operand: ConditionOperand): string {
  return operand.type === "input" ? operand.name : operand.text;
}
