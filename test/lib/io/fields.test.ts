import {describe, expect, it} from "vitest";
import {splitCsvLine, textLines} from "../../../lib/io/csvText.js";
import {detectDateLayout, parseDateField} from "../../../lib/io/dateField.js";
import {easternWallTimeToMs} from "../../../lib/io/easternTime.js";
import {detectDecimalSeparator, parseNumberField} from "../../../lib/io/numberField.js";

describe("csvText", () => {
  it("splits quoted fields with embedded delimiters and doubled quotes; strips a BOM and CRLF", () => {
    expect(splitCsvLine('"Date: September 14, 2023",Bid: 1,"say ""hi"""')).toEqual(["Date: September 14, 2023", "Bid: 1", 'say "hi"']);
    expect(splitCsvLine("a;b;;c", ";")).toEqual(["a", "b", "", "c"]);
    expect(textLines("\uFEFFa\r\nb\n")).toEqual(["a", "b", ""]);
  });
});

describe("numberField", () => {
  it("detects the decimal separator from fields that can only be read one way", () => {
    expect(detectDecimalSeparator(["1,234", "12.5"])).toBe(".");
    expect(detectDecimalSeparator(["1.234", "12,5"])).toBe(",");
    expect(detectDecimalSeparator(["1.234,50"])).toBe(",");
    expect(detectDecimalSeparator(["1,234.50"])).toBe(".");
    expect(detectDecimalSeparator(["100", "1,234"])).toBe(".");
  });
  it("parses grouped numbers, keeps missing as NaN and non-numbers as undefined", () => {
    expect(parseNumberField("71,039,449")).toBe(71039449);
    expect(parseNumberField("1.234,5", ",")).toBe(1234.5);
    expect(parseNumberField(" -0.25 ")).toBe(-0.25);
    expect(parseNumberField("1e-3")).toBe(0.001);
    expect(parseNumberField("null")).toBeNaN();
    expect(parseNumberField("")).toBeNaN();
    expect(parseNumberField("abc")).toBeUndefined();
    expect(parseNumberField("1,2,3")).toBeUndefined();
  });
});

describe("dateField", () => {
  it("detects ISO, compact, month/day and day/month layouts", () => {
    expect(detectDateLayout(["2023-09-14 00:00:00-04:00"])).toBe("iso");
    expect(detectDateLayout(["20230914"])).toBe("compact");
    expect(detectDateLayout(["01/02/2023", "09/14/2023"])).toBe("mdy");
    expect(detectDateLayout(["01/02/2023", "14/09/2023"])).toBe("dmy");
    expect(detectDateLayout(["Sep 14"])).toBeUndefined();
  });
  it("rejects days that do not exist", () => {
    expect(parseDateField("02/29/2024", "mdy")).toBe("2024-02-29");
    expect(parseDateField("02/29/2023", "mdy")).toBeUndefined();
    expect(parseDateField("14.09.2023", "dmy")).toBe("2023-09-14");
  });
});

describe("easternWallTimeToMs", () => {
  it("applies EDT (UTC-4) and EST (UTC-5) around the 2023 changes (Mar 12, Nov 5)", () => {
    expect(easternWallTimeToMs("2023-09-14", 16 * 60)).toBe(Date.UTC(2023, 8, 14, 20));
    expect(easternWallTimeToMs("2023-11-17", 16 * 60)).toBe(Date.UTC(2023, 10, 17, 21));
    expect(easternWallTimeToMs("2023-03-10", 16 * 60)).toBe(Date.UTC(2023, 2, 10, 21));
    expect(easternWallTimeToMs("2023-03-13", 9 * 60 + 30)).toBe(Date.UTC(2023, 2, 13, 13, 30));
    expect(easternWallTimeToMs("2023-11-05", 12 * 60)).toBe(Date.UTC(2023, 10, 5, 17));
  });
});
