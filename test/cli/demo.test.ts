import {mkdtempSync, readdirSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {main} from "../../cli/main.js";
import {parquetToTable} from "../../data-loaders/shared/parquetWasm.js";

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {io: {out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: process.cwd()}, out, err};
}

function files(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();
}

describe("voldesk demo", () => {
  it("writes byte-identical Parquet and JSON for the same seed and date, different bytes for another seed", async () => {
    const [a, b, c] = [0, 1, 2].map(() => mkdtempSync(join(tmpdir(), "voldesk-demo-")));
    for (const [dir, seed] of [
      [a, "3"],
      [b, "3"],
      [c, "4"]
    ]) {
      const run = io();
      expect(await main(["demo", "--seed", seed, "--asof", "2020-01-02", "--out", dir, "--no-stats"], run.io)).toBe(0);
      expect(run.err.join("")).toMatch(/demo: generated in \d+ ms/);
      expect(run.out.join("")).toMatch(/^DEMO market \(simulated data, not a real book\): seed \d, as of 2020-01-02/);
    }
    const names = files(a);
    expect(names).toEqual([
      "earnings.meta.json",
      "earnings.parquet",
      "index-levels.meta.json",
      "index-levels.parquet",
      "iv-history.meta.json",
      "iv-history.parquet",
      "macro.meta.json",
      "macro.parquet",
      "ohlc.meta.json",
      "ohlc.parquet",
      "option-chains.meta.json",
      "option-chains.parquet",
      "raw/deribit-positions.json",
      "raw/ibkr-positions.json",
      "raw/polymarket-gamma-markets.json",
      "raw/tastytrade-positions.json"
    ]);
    expect(files(b)).toEqual(names);
    for (const name of names) expect(readFileSync(join(b, name)).equals(readFileSync(join(a, name))), name).toBe(true);
    expect(readFileSync(join(c, "ohlc.parquet")).equals(readFileSync(join(a, "ohlc.parquet")))).toBe(false);
    // the Parquet reads back as OhlcBarRow columns
    const table = await parquetToTable(new Uint8Array(readFileSync(join(a, "ohlc.parquet"))));
    expect(table.schema.fields.map((f) => f.name)).toEqual(["symbol", "date", "open", "high", "low", "close", "volume", "source"]);
    expect(String(table.get(0)!.source)).toBe("demo");
    expect(JSON.parse(readFileSync(join(a, "ohlc.meta.json"), "utf8"))).toMatchObject({source: "demo", demo: true});
  });
  it("rejects a bad flag, a bad seed and a too-early as-of date with exit code 2", async () => {
    for (const argv of [["--bogus"], ["--seed", "x"], ["--asof", "2019-01-02"], ["--asof", "2021-02-30"]]) {
      const run = io();
      expect(await main(["demo", ...argv], run.io), argv.join(" ")).toBe(2);
      expect(run.err.join("")).toMatch(/(^|\n)voldesk demo: /);
    }
  });
});
