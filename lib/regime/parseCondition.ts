import {ConditionSyntaxError} from "./conditionSyntaxError.js";
import {tokenizeCondition} from "./tokenizeCondition.js";
import type {ComparisonOperator, ConditionToken} from "./tokenizeCondition.js";

/** A number (`22`, `1.10`, `-3`) or percentage (`40%`, value 0.40) in a condition; `text` is the literal as written. */
export type NumberOperand = {type: "number"; value: number; percent: boolean; text: string; start: number; end: number};
/** A market input named in a condition (`VIX`, `TermStructure`, `Polymarket_Recession_Prob`). */
export type InputOperand = {type: "input"; name: string; start: number; end: number};
export type ConditionOperand = NumberOperand | InputOperand;

/**
 * The parsed form of a regime condition. A `compare` node holds a chain `a op1 b op2 c ...` meaning
 * `a op1 b and b op2 c` (so `15 <= VIX <= 22` is one node); `start`/`end` are 0-based offsets in the text.
 */
export type ConditionNode =
  | {type: "compare"; operands: ConditionOperand[]; operators: ComparisonOperator[]; start: number; end: number}
  | {type: "and" | "or"; left: ConditionNode; right: ConditionNode; start: number; end: number}
  | {type: "not"; operand: ConditionNode; start: number; end: number};

/**
 * Parses a regime condition into an AST by recursive descent (never eval/Function). Grammar, loosest first:
 * `or` < `and` < `not` < parentheses / comparison chains; comparisons are `<`, `<=`, `>`, `>=`, `==` between
 * numbers, percentages and input names, chainable in one direction (`15 <= VIX <= 22`).
 * Throws ConditionSyntaxError with the offset of the offending token.
 */
export function parseCondition(text: string): ConditionNode {
  const tokens = tokenizeCondition(text);
  let position = 0;
  const peek = (): ConditionToken => tokens[position];
  const fail = (token: ConditionToken, detail: string): never => {
    throw new ConditionSyntaxError(text, token.start, detail);
  };

  function parseOr(): ConditionNode {
    let left = parseAnd();
    for (let t = peek(); t.kind === "keyword" && t.keyword === "or"; t = peek()) {
      ++position;
      const right = parseAnd();
      left = {type: "or", left, right, start: left.start, end: right.end};
    }
    return left;
  }

  function parseAnd(): ConditionNode {
    let left = parseNot();
    for (let t = peek(); t.kind === "keyword" && t.keyword === "and"; t = peek()) {
      ++position;
      const right = parseNot();
      left = {type: "and", left, right, start: left.start, end: right.end};
    }
    return left;
  }

  function parseNot(): ConditionNode {
    const t = peek();
    if (t.kind === "keyword" && t.keyword === "not") {
      ++position;
      const operand = parseNot();
      return {type: "not", operand, start: t.start, end: operand.end};
    }
    return parsePrimary();
  }

  function parsePrimary(): ConditionNode {
    const t = peek();
    if (t.kind === "paren" && t.paren === "(") {
      ++position;
      const inner = parseOr();
      const close = peek();
      if (close.kind !== "paren" || close.paren !== ")") fail(close, `expected ")" to close the "(" at column ${t.start + 1}, got ${describe(close)}`);
      ++position;
      return {...inner, start: t.start, end: close.end};
    }
    return parseComparison();
  }

  function parseComparison(): ConditionNode {
    const first = parseOperand();
    const operands: ConditionOperand[] = [first];
    const operators: ComparisonOperator[] = [];
    for (let t = peek(); t.kind === "operator"; t = peek()) {
      ++position;
      const direction = directionOf(t.operator);
      const previous = operators.find((op) => directionOf(op) !== 0);
      if (direction !== 0 && previous !== undefined && directionOf(previous) !== direction) {
        fail(t, `a chained comparison must point one way ("${previous}" then "${t.operator}")`);
      }
      operators.push(t.operator);
      operands.push(parseOperand());
    }
    if (operators.length === 0) {
      fail(peek(), `expected a comparison operator (<, <=, >, >=, ==) after ${describeOperand(first, text)}, got ${describe(peek())}`);
    }
    const last = operands[operands.length - 1];
    return {type: "compare", operands, operators, start: first.start, end: last.end};
  }

  function parseOperand(): ConditionOperand {
    const t = peek();
    if (t.kind === "number") {
      ++position;
      return {type: "number", value: t.value, percent: t.percent, text: t.text, start: t.start, end: t.end};
    }
    if (t.kind === "minus") {
      const next = tokens[position + 1];
      if (next.kind !== "number" || next.start !== t.end) fail(t, `"-" must be followed directly by a number`);
      position += 2;
      const number = next as Extract<ConditionToken, {kind: "number"}>;
      const literal = `-${number.text}`;
      return {type: "number", value: -number.value, percent: number.percent, text: literal, start: t.start, end: number.end};
    }
    if (t.kind === "identifier") {
      ++position;
      return {type: "input", name: t.name, start: t.start, end: t.end};
    }
    return fail(t, `expected a number or an input name, got ${describe(t)}`);
  }

  const tree = parseOr();
  if (peek().kind !== "end") fail(peek(), `expected "and", "or" or the end of the condition, got ${describe(peek())}`);
  return tree;
}

function directionOf(operator: ComparisonOperator): -1 | 0 | 1 {
  return operator === "<" || operator === "<=" ? -1 : operator === "==" ? 0 : 1;
}

function describe(token: ConditionToken): string {
  switch (token.kind) {
    case "end":
      return "the end of the condition";
    case "number":
      return `number ${token.text}`;
    case "identifier":
      return `"${token.name}"`;
    case "keyword":
      return `"${token.keyword}"`;
    case "operator":
      return `"${token.operator}"`;
    case "paren":
      return `"${token.paren}"`;
    case "minus":
      return `"-"`;
  }
}

function describeOperand(operand: ConditionOperand, text: string): string {
  return operand.type === "input" ? `"${operand.name}"` : `number ${text.slice(operand.start, operand.end)}`;
}
