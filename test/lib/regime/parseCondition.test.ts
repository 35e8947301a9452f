import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {ConditionSyntaxError} from "../../../lib/regime/conditionSyntaxError.js";
import {formatCondition} from "../../../lib/regime/formatCondition.js";
import {parseCondition} from "../../../lib/regime/parseCondition.js";
import type {ConditionNode, ConditionOperand} from "../../../lib/regime/parseCondition.js";
import type {ComparisonOperator} from "../../../lib/regime/tokenizeCondition.js";

/** The AST without source offsets, for structural comparison. */
function shape(node: ConditionNode): unknown {
  const operand = (o: ConditionOperand) => (o.type === "input" ? o.name : o.value);
  switch (node.type) {
    case "compare":
      return {cmp: node.operands.map(operand), ops: node.operators};
    case "not":
      return {not: shape(node.operand)};
    default:
      return {[node.type]: [shape(node.left), shape(node.right)]};
  }
}

function syntaxError(text: string): ConditionSyntaxError {
  try {
    parseCondition(text);
  } catch (e) {
    if (e instanceof ConditionSyntaxError) return e;
    throw e;
  }
  throw new Error(`expected ${text} to fail`);
}

describe("parseCondition(text)", () => {
  it("parses a chained range as one comparison", () => {
    expect(shape(parseCondition("15 <= VIX <= 22"))).toEqual({cmp: [15, "VIX", 22], ops: ["<=", "<="]});
  });
  it("binds not > and > or, left to right", () => {
    expect(shape(parseCondition("VIX < 15 and TermStructure > 1.10 or not VVIX > 150"))).toEqual({
      or: [
        {and: [{cmp: ["VIX", 15], ops: ["<"]}, {cmp: ["TermStructure", 1.1], ops: [">"]}]},
        {not: {cmp: ["VVIX", 150], ops: [">"]}}
      ]
    });
    expect(shape(parseCondition("VIX > 1 or VIX > 2 or VIX > 3"))).toEqual({
      or: [{or: [{cmp: ["VIX", 1], ops: [">"]}, {cmp: ["VIX", 2], ops: [">"]}]}, {cmp: ["VIX", 3], ops: [">"]}]
    });
  });
  it("honours parentheses and negative numbers", () => {
    expect(shape(parseCondition("VIX < 15 and (SKEW > 140 or not (VIX9D >= -1))"))).toEqual({
      and: [
        {cmp: ["VIX", 15], ops: ["<"]},
        {or: [{cmp: ["SKEW", 140], ops: [">"]}, {not: {cmp: ["VIX9D", -1], ops: [">="]}}]}
      ]
    });
  });
  it("compares two inputs", () => {
    expect(shape(parseCondition("VIX9D > VIX"))).toEqual({cmp: ["VIX9D", "VIX"], ops: [">"]});
  });
  it.each([
    ["VIX > 22 or", 11, "expected a number or an input name, got the end of the condition"],
    ["(VIX > 22", 9, 'expected ")" to close the "(" at column 1, got the end of the condition'],
    ["VIX", 3, "expected a comparison operator (<, <=, >, >=, ==) after \"VIX\", got the end of the condition"],
    ["VIX > 22 VVIX > 1", 9, 'expected "and", "or" or the end of the condition, got "VVIX"'],
    ["15 <= VIX >= 22", 10, 'a chained comparison must point one way ("<=" then ">=")'],
    ["VIX > - 5", 6, '"-" must be followed directly by a number'],
    ["", 0, "expected a number or an input name, got the end of the condition"],
    ["VIX > and", 6, 'expected a number or an input name, got "and"']
  ])("rejects %j with the offset of the culprit", (text, offset, detail) => {
    const error = syntaxError(text);
    expect([error.offset, error.detail]).toEqual([offset, detail]);
  });
});

const inputName = fc.constantFrom("VIX", "VIX3M", "VVIX", "TermStructure", "Polymarket_Recession_Prob", "My_Input2");
const literal = fc.oneof(
  fc.integer({min: -500, max: 500}).map((n) => String(n)),
  fc.tuple(fc.integer({min: 0, max: 999}), fc.integer({min: 0, max: 99})).map(([a, b]) => `${a}.${String(b).padStart(2, "0")}`),
  fc.integer({min: 0, max: 100}).map((n) => `${n}%`)
);
const operand: fc.Arbitrary<ConditionOperand> = fc.oneof(
  inputName.map((name) => ({type: "input" as const, name, start: 0, end: 0})),
  literal.map((text) => ({type: "number" as const, value: literalValue(text), percent: text.endsWith("%"), text, start: 0, end: 0}))
);
function literalValue(text: string): number {
  const node = parseCondition(`0 < ${text}`) as Extract<ConditionNode, {type: "compare"}>;
  return (node.operands[1] as {value: number}).value;
}
const compare: fc.Arbitrary<ConditionNode> = fc
  .tuple(fc.constantFrom<ComparisonOperator[]>(["<"], ["<=", "<"], [">=", ">"], [">"], ["=="]), operand, operand, operand)
  .map(([ops, a, b, c]) => ({type: "compare", operands: ops.length === 2 ? [a, b, c] : [a, b], operators: ops, start: 0, end: 0}));
const {tree} = fc.letrec<{tree: ConditionNode}>((tie) => ({
  tree: fc.oneof(
    {depthSize: "small", withCrossShrink: true},
    compare,
    fc.record({type: fc.constant("not" as const), operand: tie("tree"), start: fc.constant(0), end: fc.constant(0)}),
    fc.record({type: fc.constantFrom("and" as const, "or" as const), left: tie("tree"), right: tie("tree"), start: fc.constant(0), end: fc.constant(0)})
  )
}));

describe("parseCondition ∘ formatCondition", () => {
  it("round-trips any AST (property)", () => {
    fc.assert(
      fc.property(tree, (ast) => {
        const text = formatCondition(ast);
        expect(shape(parseCondition(text))).toEqual(shape(ast));
        expect(formatCondition(parseCondition(text))).toBe(text);
      }),
      {numRuns: 500}
    );
  });
});
