import {describe, expect, it} from "vitest";
import {ConditionSyntaxError} from "../../../lib/regime/conditionSyntaxError.js";
import {tokenizeCondition} from "../../../lib/regime/tokenizeCondition.js";

const kinds = (text: string) => tokenizeCondition(text).map((t) => t.kind);

describe("tokenizeCondition(text)", () => {
  it("splits the shipped conditions", () => {
    expect(kinds("15 <= VIX <= 22")).toEqual(["number", "operator", "identifier", "operator", "number", "end"]);
    expect(kinds("VIX > 22 or Polymarket_Recession_Prob > 40%")).toEqual([
      "identifier", "operator", "number", "keyword", "identifier", "operator", "number", "end"
    ]);
  });
  it("reads percentages as the exact decimal double (40% === 0.40, 0.7% === 0.007)", () => {
    const value = (text: string) => (tokenizeCondition(text)[0] as {value: number}).value;
    expect(value("40%")).toBe(0.4);
    expect(value("0.7%")).toBe(0.007); // 0.7 / 100 would give 0.006999999999999999
    expect(value("12.5%")).toBe(0.125);
    expect(value("100%")).toBe(1);
    expect(value("1.10")).toBe(1.1);
    expect(value(".5")).toBe(0.5);
  });
  it("keeps offsets of every token", () => {
    const tokens = tokenizeCondition("not (VIX>=35)");
    expect(tokens.map((t) => [t.start, t.end])).toEqual([[0, 3], [4, 5], [5, 8], [8, 10], [10, 12], [12, 13], [13, 13]]);
  });
  it.each([
    ["VIX = 22", 4, 'unexpected "=": use "==" for equality'],
    ["VIX > 22 && VVIX > 1", 9, 'unexpected "&": use "and"'],
    ["VIX > 22 || VVIX > 1", 9, 'unexpected "|": use "or"'],
    ["VIX != 22", 4, 'unexpected "!": use "not (a == b)"'],
    ["VIX > 22 AND VVIX > 1", 9, 'write the keyword "AND" in lowercase: "and"'],
    ["VIX > 22x", 8, 'unexpected "x" after number 22'],
    ["VIX > 1.", 7, 'malformed number "1."'],
    ["VIX > $5", 6, 'unexpected character "$"']
  ])("rejects %j at offset %i", (text, offset, detail) => {
    let error: unknown;
    try {
      tokenizeCondition(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConditionSyntaxError);
    expect((error as ConditionSyntaxError).offset).toBe(offset);
    expect((error as ConditionSyntaxError).detail).toBe(detail);
  });
});
