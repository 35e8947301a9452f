import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {tableFromJSON, tableToIPC} from "apache-arrow";
import {Table as WasmTable, writeParquet} from "parquet-wasm";
import {describe, expect, it} from "vitest";
import {main} from "../../cli/main.js";
import {describeWithSharedData, sharedDataPath} from "../helpers/sharedData.js";

async function run(argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, {out: (t) => void (out += t), err: (t) => void (err += t), cwd: process.cwd()});
  return {code, out, err};
}

describe("voldesk rv", () => {
  const dir = mkdtempSync(join(tmpdir(), "voldesk-rv-"));
  it("reads a CSV in any column order and reports a bad bar instead of using it", async () => {
    const file = join(dir, "x.csv");
    const closes = [100, 101, 99, 102, 103, 101, 104];
    const rows = closes.map((c, i) => `2023-09-${String(i + 4).padStart(2, "0")},${c},${c + 1},${c - 1},${i === 3 ? c + 5 : c}`);
    writeFileSync(file, ["Date,Close,High,Low,Open", ...rows].join("\n"));
    const {code, out} = await run(["rv", file, "--windows", "2,3", "--estimators", "cc,pk", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.issues).toMatchObject([{date: "2023-09-07", kind: "open-outside-range", severity: "error"}]);
    // the last 3-bar window (09-08..09-10) does not hold the bad bar; the 2-bar Parkinson one neither
    const pk = json.rows.find((r: {estimator: string}) => r.estimator === "parkinson");
    expect(pk.rv2VolPct).toBeGreaterThan(0);
    expect(pk.rv3VolPct).toBeGreaterThan(0);
  });
  it("reads a Parquet snapshot of OhlcBarRow", async () => {
    const bars = [100, 102, 101, 103].map((c, i) => ({symbol: "T", date: `2023-09-0${i + 4}`, open: c, high: c + 1, low: c - 1, close: c, volume: 1, source: "file"}));
    const file = join(dir, "bars.parquet");
    writeFileSync(file, writeParquet(WasmTable.fromIPCStream(tableToIPC(tableFromJSON(bars), "stream"))));
    const {code, out} = await run(["rv", file, "--windows", "2", "--estimators", "parkinson", "--csv"]);
    expect(code).toBe(0);
    // H/L = 103/101 on the last bars
    const expected = Math.sqrt((252 * (Math.log(102 / 100) ** 2 + Math.log(104 / 102) ** 2)) / 2 / (4 * Math.LN2)) * 100;
    expect(Number(out.trim().split("\n")[1].split(",")[2])).toBeCloseTo(expected, 10);
  });
  it("fails with exit 2 naming file, line and column", async () => {
    const file = join(dir, "bad.csv");
    writeFileSync(file, "Date,Open,High,Low,Close\n2023-09-04,1,2,0.5,oops\n");
    const {code, err} = await run(["rv", file]);
    expect(code).toBe(2);
    expect(err).toContain('bad.csv: line 2, column 5 (close): expected a number, got "oops"');
  });
});

describeWithSharedData("voldesk rv on SPY.csv", () => {
  it("prints the 2023-09-14 table with all five estimators and the reported gaps", async () => {
    const {code, out} = await run(["rv", sharedDataPath("ohlc/SPY.csv"), "--date", "2023-09-14"]);
    expect(code).toBe(0);
    expect(out).toMatch(/2023-09-14\s+close-to-close\s+8\.70\s+8\.02\s+11\.16\s+10\.86/);
    expect(out).toContain("yang-zhang");
    expect(out).toContain("2001-09-17 (7 calendar days since 2001-09-10)");
  });
  it("--iv VIX_History.csv: 30-day IV 12.82 against 21-day RV, ratio = IV / RV", async () => {
    const {code, out} = await run(["rv", sharedDataPath("ohlc/SPY.csv"), "--iv", sharedDataPath("vix/VIX_History.csv"), "--date", "2023-09-14", "--estimators", "cc", "--json"]);
    expect(code).toBe(0);
    const {ivRv} = JSON.parse(out);
    const [row] = ivRv.rows;
    expect(row).toMatchObject({date: "2023-09-14", estimator: "close-to-close", ivVolPct: 12.82, rvWindowDays: 21});
    expect(row.ivRvRatio).toBeCloseTo(12.82 / row.rvVolPct, 12);
  });
});
