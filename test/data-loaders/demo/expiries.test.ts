import {describe, expect, it} from "vitest";
import {earningsDates, earningsReactionDate} from "../../../data-loaders/demo/earnings.js";
import {deribitExpiries, equityExpiries} from "../../../data-loaders/demo/expiries.js";

describe("listed expiries", () => {
  it("lists weeklies, third-Friday monthlies and quarterlies, moving a Friday holiday to Thursday", () => {
    const list = equityExpiries("2026-11-20");
    expect(list[0]).toEqual({expiry: "2026-11-27", kind: "weekly"});
    expect(list.find((e) => e.expiry === "2026-12-18")?.kind).toBe("monthly");
    // 2027-06-18 is the observed Juneteenth holiday: the June monthly moves to Thursday 06-17
    expect(list.map((e) => e.expiry)).toContain("2027-06-17");
    expect(list.every((e) => e.expiry > "2026-11-20")).toBe(true);
    expect(list.at(-1)!.expiry >= "2027-09-01").toBe(true); // reaches out ~1 year
  });
  it("lists Deribit dailies, weeklies, last-Friday monthlies and quarterlies", () => {
    const list = deribitExpiries("2026-11-20").map((e) => e.expiry);
    expect(list.slice(0, 3)).toEqual(["2026-11-21", "2026-11-22", "2026-11-27"]);
    expect(list).toContain("2026-12-25"); // last Friday of December
    expect(list).toContain("2027-03-26"); // March quarterly
  });
});

describe("earnings schedule", () => {
  it("takes the first session on/after the configured day and moves the reaction to the next session", () => {
    const dates = earningsDates({months: [1, 4, 7, 10], day: 28, session: "after-close", movePct: 4}, "2026-01-01", "2026-12-31");
    expect(dates).toEqual(["2026-01-28", "2026-04-28", "2026-07-28", "2026-10-28"]);
    expect(earningsReactionDate("2026-11-20", "after-close")).toBe("2026-11-23"); // Friday report -> Monday
    expect(earningsReactionDate("2026-11-20", "before-open")).toBe("2026-11-20");
  });
});
