import {describe, expect, it} from "vitest";
import {dateOfDay, dayNumber, newYorkTimeToMs, nthWeekdayOfMonth, weekdayOf} from "../../../data-loaders/demo/calendarDays.js";

describe("calendarDays", () => {
  it("round-trips dates through day numbers, independent of the process time zone", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("2024-02-29")).toBe(19782); // 54 years: 13 leap days -> 54*365 + 13 - 1 + 31 + 28 = 19782
    for (const d of ["2015-01-02", "2024-02-29", "2026-11-20"]) expect(dateOfDay(dayNumber(d))).toBe(d);
  });
  it("rejects malformed or impossible dates", () => {
    expect(() => dayNumber("2026-02-30")).toThrow(/no such calendar day/);
    expect(() => dayNumber("20261120")).toThrow(/"YYYY-MM-DD"/);
  });
  it("knows weekdays and nth weekdays", () => {
    expect(weekdayOf(dayNumber("2026-11-20"))).toBe(5); // a Friday
    expect(dateOfDay(nthWeekdayOfMonth(2026, 11, 5, 3))).toBe("2026-11-20"); // third Friday
    expect(dateOfDay(nthWeekdayOfMonth(2024, 5, 1, -1))).toBe("2024-05-27"); // Memorial Day 2024
  });
  it("converts the New York close to UTC across DST", () => {
    // 16:00 EDT = 20:00Z (summer), 16:00 EST = 21:00Z (winter); 2026 DST ends on Sunday 2026-11-01
    expect(new Date(newYorkTimeToMs("2026-07-14", 16)).toISOString()).toBe("2026-07-14T20:00:00.000Z");
    expect(new Date(newYorkTimeToMs("2026-10-30", 16)).toISOString()).toBe("2026-10-30T20:00:00.000Z");
    expect(new Date(newYorkTimeToMs("2026-11-02", 16)).toISOString()).toBe("2026-11-02T21:00:00.000Z");
    expect(new Date(newYorkTimeToMs("2026-03-09", 16)).toISOString()).toBe("2026-03-09T20:00:00.000Z"); // DST from 03-08
  });
});
