import {describe, expect, it} from "vitest";
import {assertExclusive, parseAssignment, parseFlags, parseNumber, pickIndices, positiveInt} from "../../cli/args.js";
import {usageErrorOf} from "./usageErrorOf.js";

const FLAGS = {
  rate: {type: "string"},
  set: {type: "string", multiple: true},
  positions: {type: "string", multiple: true},
  json: {type: "boolean"},
  csv: {type: "boolean"}
} as const;

const parse = (argv: string[], positionals = false) => parseFlags(argv, FLAGS, {command: "demo", positionals, lists: {positions: "FILE"}});

describe("parseFlags", () => {
  it("reads --flag value and --flag=value alike; a repeated flag keeps the last value", () => {
    expect(parse(["--rate", "0.05", "--json"])).toEqual({values: {rate: "0.05", json: true}, positionals: []});
    expect(parse(["--rate=0.05"]).values).toEqual({rate: "0.05"});
    expect(parse(["--rate=", "--csv"]).values).toEqual({rate: "", csv: true});
    expect(parse(["--rate", "1", "--rate=2"]).values).toEqual({rate: "2"});
    expect(parse(["--rate=a=b"]).values).toEqual({rate: "a=b"});
  });
  it("takes a value that starts with one dash (negative numbers)", () => {
    expect(parse(["--rate", "-0.01"]).values).toEqual({rate: "-0.01"});
    expect(parse(["--set", "-x", "--set", "VIX=14"]).values).toEqual({set: ["-x", "VIX=14"]});
  });
  it("collects a multiple flag in order, and every FILE after a list flag", () => {
    expect(parse(["--set", "VIX=14", "--set=VVIX=90"]).values).toEqual({set: ["VIX=14", "VVIX=90"]});
    expect(parse(["--positions", "a.json", "b.json", "--json", "--positions=c.json"]).values).toEqual({positions: ["a.json", "b.json", "c.json"], json: true});
  });
  it("keeps positionals only when the command takes them", () => {
    expect(parse(["x.csv", "--json"], true)).toEqual({values: {json: true}, positionals: ["x.csv"]});
    expect(usageErrorOf(() => parse(["x.csv"]))).toBe('unknown argument "x.csv"; see voldesk demo --help');
  });
  it("turns every util.parseArgs failure into a UsageError with the CLI's wording", () => {
    expect(usageErrorOf(() => parse(["--bogus"]))).toBe('unknown option "--bogus"; see voldesk demo --help');
    expect(usageErrorOf(() => parse(["--bogus=1"]))).toBe('unknown option "--bogus=1"; see voldesk demo --help');
    expect(usageErrorOf(() => parse(["-x"]))).toBe('unknown option "-x"; see voldesk demo --help');
    expect(usageErrorOf(() => parse(["--"]))).toBe('unknown option "--"; see voldesk demo --help');
    expect(usageErrorOf(() => parse(["--rate"]))).toBe("--rate needs a value");
    expect(usageErrorOf(() => parse(["--rate", "--json"]))).toBe("--rate needs a value");
    expect(usageErrorOf(() => parse(["--json=1"]))).toBe("--json does not take a value");
    expect(usageErrorOf(() => parse(["--positions", "--json"]))).toBe("--positions needs at least one FILE");
    expect(usageErrorOf(() => parse(["--positions"]))).toBe("--positions needs at least one FILE");
  });
});

describe("assertExclusive", () => {
  it("throws only when both flags are set", () => {
    expect(() => assertExclusive({json: true}, "json", "csv")).not.toThrow();
    expect(() => assertExclusive({json: true, csv: false}, "json", "csv")).not.toThrow();
    expect(usageErrorOf(() => assertExclusive({json: true, csv: true}, "json", "csv"))).toBe("--json and --csv are exclusive");
  });
});

describe("parseNumber and positiveInt", () => {
  it("parseNumber reads plain decimals only", () => {
    expect([parseNumber("-0.5", "--rate"), parseNumber("1e3", "--rate"), parseNumber(".25", "--rate"), parseNumber("+2.", "--rate")]).toEqual([-0.5, 1000, 0.25, 2]);
    for (const text of ["0x10", "Infinity", "", " 1", "1,5"]) expect(usageErrorOf(() => parseNumber(text, "--rate"))).toBe(`--rate: expected a number, got "${text}"`);
  });
  it("positiveInt enforces an integer >= min", () => {
    expect([positiveInt("--windows", "21", 2), positiveInt("--windows", " 5 ", 2)]).toEqual([21, 5]);
    expect(usageErrorOf(() => positiveInt("--windows", "1", 2))).toBe('--windows: expected an integer >= 2, got "1"');
    expect(usageErrorOf(() => positiveInt("--last", "2.5", 1))).toBe('--last: expected an integer >= 1, got "2.5"');
    expect(usageErrorOf(() => positiveInt("--last", "", 1))).toBe('--last: expected an integer >= 1, got ""');
  });
});

describe("parseAssignment", () => {
  it("splits NAME=VALUE", () => {
    expect(parseAssignment("VIX=14", "--set")).toEqual(["VIX", 14]);
    expect(parseAssignment("BRK.B=412.5", "--spot")).toEqual(["BRK.B", 412.5]);
    expect(parseAssignment("SPY=-1e-3", "--beta")).toEqual(["SPY", -0.001]);
  });
  it("reads a percentage exactly when allowed: 40% is 0.4, 41% is 0.41, 4.1e1% is 0.41", () => {
    expect(parseAssignment("Polymarket_Recession_Prob=40%", "--set", {percent: true})).toEqual(["Polymarket_Recession_Prob", 0.4]);
    expect(parseAssignment("P=41%", "--set", {percent: true})[1]).toBe(0.41);
    expect(parseAssignment("P=4.1e1%", "--set", {percent: true})[1]).toBe(0.41);
    expect(parseAssignment("P=0.1%", "--set", {percent: true})[1]).toBe(0.001);
    expect(usageErrorOf(() => parseAssignment("SPY=5%", "--spot"))).toBe('--spot SPY: expected a number, got "5%"');
  });
  it("names the flag and the input in its errors", () => {
    expect(usageErrorOf(() => parseAssignment("VIX", "--set"))).toBe('--set: expected NAME=VALUE, got "VIX"');
    expect(usageErrorOf(() => parseAssignment("VIX=", "--set"))).toBe('--set: expected NAME=VALUE, got "VIX="');
    expect(usageErrorOf(() => parseAssignment("VIX=abc", "--set", {percent: true}))).toBe('--set VIX: expected a number, got "abc"');
    expect(usageErrorOf(() => parseAssignment("VIX=abc%", "--set", {percent: true}))).toBe('--set VIX: expected a number, got "abc%"');
  });
  it("with identifier, NAME must be an input name", () => {
    expect(parseAssignment("DVOL_BTC=55", "--set", {identifier: true})).toEqual(["DVOL_BTC", 55]);
    expect(usageErrorOf(() => parseAssignment("BRK.B=1", "--set", {identifier: true}))).toBe('--set: expected NAME=VALUE, got "BRK.B=1"');
    expect(usageErrorOf(() => parseAssignment("1VIX=1", "--set", {identifier: true}))).toBe('--set: expected NAME=VALUE, got "1VIX=1"');
  });
});

describe("pickIndices", () => {
  const dates = ["2024-01-02", "2024-01-03", "2024-01-04"];
  it("defaults to the last row; --date picks that day; --last N the last N (capped)", () => {
    expect(pickIndices(dates, undefined, undefined)).toEqual([2]);
    expect(pickIndices(dates, "2024-01-03", undefined)).toEqual([1]);
    expect(pickIndices(dates, undefined, "2")).toEqual([1, 2]);
    expect(pickIndices(dates, undefined, "10")).toEqual([0, 1, 2]);
  });
  it("rejects a missing day and both flags together", () => {
    expect(usageErrorOf(() => pickIndices(dates, "2024-01-05", undefined))).toBe("--date 2024-01-05: no row on that day (file covers 2024-01-02 to 2024-01-04)");
    expect(usageErrorOf(() => pickIndices(dates, "2024-01-03", "2"))).toBe("--date and --last are exclusive");
  });
});
