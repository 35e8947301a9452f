import {describe, expect, it} from "vitest";
import {main} from "../../cli/main.js";
import {describeWithSharedData, sharedDataPath} from "../helpers/sharedData.js";

async function run(argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, {out: (t) => void (out += t), err: (t) => void (err += t), cwd: process.cwd()});
  return {code, out, err};
}

describeWithSharedData("voldesk ivrank on CBOE's VIX history", () => {
  it("2020-03-16 is rank 100 and percentile 100 over 252 days, in backwardation", async () => {
    const {code, out} = await run(["ivrank", sharedDataPath("vix/VIX_History.csv"), "--date", "2020-03-16", "--term-structure", "--json"]);
    expect(code).toBe(0);
    const [row] = JSON.parse(out).rows;
    expect(row).toMatchObject({date: "2020-03-16", level: 82.69, ivRankPct: 100, ivPercentilePct: 100, daysUsed: 252, state: "backwardation"});
  });
  it("says how many days it used when history is shorter than the window", async () => {
    const {out} = await run(["ivrank", sharedDataPath("vix/VIX_History.csv"), "--date", "1990-01-10"]);
    expect(out).toMatch(/1990-01-10\s+[\d.]+\s+[\d.-]+\s+[\d.-]+\s+[\d.]+\s+[\d.]+\s+7\s+252/);
    expect(out).toContain("fewer than 252 days");
  });
  it("rejects a date that is not in the file with exit 2", async () => {
    const {code, err} = await run(["ivrank", sharedDataPath("vix/VIX_History.csv"), "--date", "2020-03-15"]);
    expect(code).toBe(2);
    expect(err).toContain("--date 2020-03-15: no row on that day");
  });
});
