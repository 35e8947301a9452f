import {describe, expect, it} from "vitest";
import {finiteOrNull, formatTable, toCsv} from "../../cli/table.js";

describe("finiteOrNull", () => {
  it("keeps finite numbers, turns NaN and infinities into null", () => {
    expect([finiteOrNull(0), finiteOrNull(-1.5), finiteOrNull(NaN), finiteOrNull(Infinity), finiteOrNull(-Infinity)]).toEqual([0, -1.5, null, null, null]);
  });
});

describe("formatTable", () => {
  const rows = [
    {date: "2023-09-14", estimator: "close-to-close", rv5VolPct: 8.7012, n: 3},
    {date: "2023-09-15", estimator: "pk", rv5VolPct: null, n: NaN}
  ];
  it("right-aligns numbers with the given decimals, left-aligns text, shows missing values as -", () => {
    expect(formatTable(rows, ["date", "estimator", "rv5VolPct", "n"], {digits: {n: 0}})).toBe(
      ["date        estimator       rv5VolPct  n", "2023-09-14  close-to-close       8.70  3", "2023-09-15  pk                      -  -", ""].join("\n")
    );
  });
  it("uses one digit count for every column when given a number, default 2", () => {
    expect(formatTable([{x: 1.23456}], ["x"], {digits: 3})).toBe("    x\n1.235\n");
    expect(formatTable([{x: 1}], ["x"])).toBe("   x\n1.00\n");
    expect(formatTable([], ["a", "b"])).toBe("a  b\n");
  });
});

describe("toCsv", () => {
  it("writes a header, full-precision numbers, empty missing values and quoted text when needed", () => {
    const rows = [
      {a: 0.1 + 0.2, b: 'say "hi"', c: null},
      {a: NaN, b: "x,y", c: "line\nbreak"},
      {a: -1, b: false}
    ];
    expect(toCsv(rows, ["a", "b", "c"])).toBe('a,b,c\n0.30000000000000004,"say ""hi""",\n,"x,y","line\nbreak"\n-1,false,\n');
  });
});
