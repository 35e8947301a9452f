import {describe, expect, it} from "vitest";
import {barsPerYear} from "../../../lib/vol/barsPerYear.js";

describe("barsPerYear(dates)", () => {
  it("is 252 for weekday sessions and 365 once a weekend day appears", () => {
    // 2026-11-20 is a Friday, 2026-11-21 a Saturday, 2026-11-22 a Sunday
    expect(barsPerYear(["2026-11-19", "2026-11-20", "2026-11-23"])).toBe(252);
    expect(barsPerYear(["2026-11-20", "2026-11-21"])).toBe(365);
    expect(barsPerYear(["2026-11-22"])).toBe(365);
    expect(barsPerYear([])).toBe(252);
  });
});
