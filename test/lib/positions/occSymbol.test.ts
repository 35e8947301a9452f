import {describe, expect, it} from "vitest";
import {parseOccSymbol} from "../../../lib/positions/occSymbol.js";

describe("parseOccSymbol", () => {
  it("parses padded and unpadded OCC symbols", () => {
    expect(parseOccSymbol("RIVN  230609P00014000")).toEqual({root: "RIVN", expiry: "2023-06-09", right: "P", strike: 14});
    expect(parseOccSymbol("SPY230914C00450000")).toEqual({root: "SPY", expiry: "2023-09-14", right: "C", strike: 450});
    expect(parseOccSymbol("XLE   261218P00053500")).toMatchObject({strike: 53.5});
    expect(parseOccSymbol("SPXW  240621C05400000")).toMatchObject({root: "SPXW", strike: 5400});
  });
  it("returns null for other text", () => {
    expect(parseOccSymbol("SPY")).toBeNull();
    expect(parseOccSymbol("SPY231314C00450000")).toBeNull(); // month 13
    expect(parseOccSymbol("./ESZ4 EW4Z4 241231P5000")).toBeNull();
  });
});
