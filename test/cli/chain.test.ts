import {describe, expect, it} from "vitest";
import {main} from "../../cli/main.js";
import {describeWithSharedData, sharedDataPath} from "../helpers/sharedData.js";

async function run(argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, {out: (t) => void (out += t), err: (t) => void (err += t), cwd: process.cwd()});
  return {code, out, err};
}

describe("voldesk chain", () => {
  it("requires --rate", async () => {
    const {code, err} = await run(["chain", "whatever.csv"]);
    expect(code).toBe(2);
    expect(err).toContain("--rate is required");
  });
});

describeWithSharedData("voldesk chain on the SPY quotedata of 2023-09-14", () => {
  const file = sharedDataPath("options/spy_quotedata_2023-09-14.csv");
  it("prints forwards, ATM / 25-delta IVs and skews per expiry, and the VIX-style index vs the VIX close", async () => {
    const {code, out} = await run(["chain", file, "--rate", "0.053", "--vix-history", sharedDataPath("vix/VIX_History.csv"), "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.model).toBe("american");
    const oct20 = json.expiries.find((e: {expiry: string}) => e.expiry === "2023-10-20");
    expect(Object.keys(oct20)).toEqual(["expiry", "days", "forward", "divYieldPct", "atmIvPct", "put25Strike", "put25IvPct", "call25Strike", "call25IvPct", "putSkew", "callSkew", "quotes"]);
    expect(oct20.putSkew).toBeGreaterThan(1);
    expect(oct20.callSkew).toBeLessThan(1);
    expect(json.vixStyleIndex.reference).toEqual({label: "VIX close 2023-09-14", level: 12.82});
    expect(Math.abs(json.vixStyleIndex.differenceVolPts)).toBeLessThan(0.5);
    expect(json.vendorIvAgreement.medianAbsDiffVolPts).toBeLessThan(0.25);
  });
  it("prints a table with the closing comparison lines", async () => {
    const {code, out} = await run(["chain", file, "--rate", "0.053", "--compare-index", "12.82"]);
    expect(code).toBe(0);
    expect(out).toContain("VIX-style 30-day index (CBOE VIX methodology on this chain): 12.80");
    expect(out).toContain("vs given index 12.82: -0.02 vol points");
    expect(out).toMatch(/median \|diff\| 0\.1\d\d vol points/);
  });
});
