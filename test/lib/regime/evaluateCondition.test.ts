import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {evaluateCondition} from "../../../lib/regime/evaluateCondition.js";
import type {Truth} from "../../../lib/regime/evaluateCondition.js";
import {resolveInputs} from "../../../lib/regime/marketInputs.js";
import type {MarketInputs} from "../../../lib/regime/marketInputs.js";
import {parseCondition} from "../../../lib/regime/parseCondition.js";

const evaluate = (text: string, inputs: MarketInputs, buffer?: Record<string, number>) =>
  evaluateCondition(parseCondition(text), resolveInputs(inputs), {buffer});
const value = (text: string, inputs: MarketInputs, buffer?: Record<string, number>) => evaluate(text, inputs, buffer).value;

describe("evaluateCondition(ast, lookup)", () => {
  it("compares and chains exactly at the boundaries", () => {
    expect(value("15 <= VIX <= 22", {VIX: 15})).toBe(true);
    expect(value("15 <= VIX <= 22", {VIX: 22})).toBe(true);
    expect(value("15 <= VIX <= 22", {VIX: 22.000001})).toBe(false);
    expect(value("15 < VIX < 22", {VIX: 15})).toBe(false);
    expect(value("VIX == 15", {VIX: 15})).toBe(true);
    expect(value("Polymarket_X_Prob > 40%", {Polymarket_X_Prob: 0.4})).toBe(false);
    expect(value("Polymarket_X_Prob >= 40%", {Polymarket_X_Prob: 0.4})).toBe(true);
    expect(value("VIX9D > VIX", {VIX9D: 20, VIX: 19})).toBe(true);
  });

  // Kleene's strong three-valued logic: T, F, U (undecidable)
  const T = "VIX > 0";
  const F = "VIX < 0";
  const U = "VVIX > 0"; // VVIX is missing below
  const table: [string, Truth][] = [
    [`${T} or ${U}`, true],
    [`${U} or ${T}`, true],
    [`${F} or ${U}`, "undecidable"],
    [`${F} or ${F}`, false],
    [`${F} and ${U}`, false],
    [`${U} and ${F}`, false],
    [`${T} and ${U}`, "undecidable"],
    [`${T} and ${T}`, true],
    [`not ${U}`, "undecidable"],
    [`not ${T}`, false],
    [`not (${F} or ${U})`, "undecidable"]
  ];
  it.each(table)("%s is %s", (text, expected) => {
    expect(value(text, {VIX: 10})).toBe(expected);
  });

  it("names the inputs that made it undecidable, once, with reasons", () => {
    expect(evaluate("VVIX > 1 or (SKEW > 1 and VVIX < 9) or TermStructure > 1", {VIX: 20, SKEW: {value: 130, stale: true}})).toEqual({
      value: "undecidable",
      undecidableInputs: [
        {name: "VVIX", reason: "missing"},
        {name: "SKEW", reason: "stale"},
        {name: "TermStructure", reason: "= VIX3M/VIX, VIX3M missing"}
      ]
    });
    expect(evaluate("VIX > 1 or VVIX > 1", {VIX: 2}).undecidableInputs).toEqual([]);
  });

  it("moves thresholds by the buffer in favour of truth, and against it under not", () => {
    expect(value("VIX > 22", {VIX: 21.5}, {VIX: 1})).toBe(true); // held down to 21
    expect(value("VIX > 22", {VIX: 20.9}, {VIX: 1})).toBe(false);
    expect(value("15 <= VIX <= 22", {VIX: 22.9}, {VIX: 1})).toBe(true);
    expect(value("15 <= VIX <= 22", {VIX: 14.1}, {VIX: 1})).toBe(true);
    // in favour of `not VIX > 22` means tightening the inner VIX > 22 to VIX > 23
    expect(value("not VIX > 22", {VIX: 22.5}, {VIX: 1})).toBe(true);
    expect(value("not VIX > 22", {VIX: 23.5}, {VIX: 1})).toBe(false);
    expect(value("VIX == 20", {VIX: 20.5}, {VIX: 1})).toBe(true);
    expect(value("VIX > 22", {VIX: 21.5}, {VVIX: 1})).toBe(false); // buffer of another input does not apply
  });

  it("is sound: a decided value does not change whatever the missing inputs turn out to be (property)", () => {
    const names = ["VIX", "VVIX", "SKEW"] as const;
    const comparison = fc
      .tuple(fc.constantFrom(...names), fc.constantFrom("<", "<=", ">", ">=", "=="), fc.integer({min: 0, max: 4}))
      .map(([n, op, k]) => `${n} ${op} ${k}`);
    const {expr} = fc.letrec<{expr: string}>((tie) => ({
      expr: fc.oneof(
        {depthSize: "small"},
        comparison,
        tie("expr").map((e) => `not (${e})`),
        fc.tuple(tie("expr"), fc.constantFrom("and", "or"), tie("expr")).map(([a, op, b]) => `(${a}) ${op} (${b})`)
      )
    }));
    const partial = fc.record({VIX: fc.option(fc.integer({min: 0, max: 4}), {nil: undefined}), VVIX: fc.option(fc.integer({min: 0, max: 4}), {nil: undefined}), SKEW: fc.option(fc.integer({min: 0, max: 4}), {nil: undefined})});
    const completion = fc.record({VIX: fc.integer({min: 0, max: 4}), VVIX: fc.integer({min: 0, max: 4}), SKEW: fc.integer({min: 0, max: 4})});
    fc.assert(
      fc.property(expr, partial, completion, (text, known, filler) => {
        const ast = parseCondition(text);
        const partialValue = evaluateCondition(ast, resolveInputs(known)).value;
        const full = {...filler, ...Object.fromEntries(Object.entries(known).filter(([, v]) => v !== undefined))};
        const fullValue = evaluateCondition(ast, resolveInputs(full)).value;
        expect(fullValue).not.toBe("undecidable");
        if (partialValue !== "undecidable") expect(fullValue).toBe(partialValue);
      }),
      {numRuns: 400}
    );
  });
});
