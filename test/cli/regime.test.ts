import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {main} from "../../cli/main.js";
import {hasSharedData, sharedDataPath} from "../helpers/sharedData.js";

const ROOT = new URL("../../", import.meta.url).pathname;

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(["regime", ...argv], {out: (t) => (out += t), err: (t) => (err += t), cwd: ROOT});
  return {code, out, err};
}

/** A temporary CBOE-style history folder. */
function historyFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "voldesk-history-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("voldesk regime --set", () => {
  it("prints the issue's example: fallback, nothing matched, Polymarket undecidable", async () => {
    const {code, out} = await run("--set", "VIX=14", "--set", "VIX3M=15.4", "--set", "VVIX=90");
    expect(code).toBe(0);
    expect(out).toBe(
      [
        "regime: neutral_volatility (fallback: no regime's condition matched)",
        "  Standard operating environment.",
        "inputs: VIX=14 VVIX=90 VIX3M=15.4 TermStructure=1.1",
        "matched: none",
        "fallback applied: yes",
        "undecidable: high_volatility (Polymarket_Recession_Prob missing)",
        "warning: an undecidable regime ranks above neutral_volatility; with the missing inputs it might win",
        "limits: max_beta_delta 300, max_negative_vega -1200, min_daily_theta 300, max_gamma 35",
        "allowed strategies: Iron Condors, Strangles, Credit Spreads",
        ""
      ].join("\n")
    );
  });
  it("--json gives the full decision; percentages are accepted", async () => {
    const {code, out} = await run("--set", "VIX=18", "--set=Polymarket_Recession_Prob=41%", "--set", "VVIX=90", "--json");
    expect(code).toBe(0);
    const d = JSON.parse(out);
    expect([d.regime, d.matched, d.fallbackApplied, d.undecidable, d.certain]).toEqual([
      "high_volatility",
      ["high_volatility", "neutral_volatility"],
      false,
      [],
      true
    ]);
    expect(d.inputValues.Polymarket_Recession_Prob).toBe(0.41);
  });
  it.each([
    [["--set", "VIXX=14"], "voldesk regime: --set VIXX: unknown input; known: VIX, VIX3M, VIX9D, VVIX, SKEW, TermStructure, FearGreed, DVOL_BTC, DVOL_ETH, Polymarket_<Name>_Prob\n"],
    [["--set", "VIX=abc"], 'voldesk regime: --set VIX: expected a number, got "abc"\n'],
    [["--set", "VIX"], 'voldesk regime: --set: expected NAME=VALUE, got "VIX"\n'],
    [[], "voldesk regime: give inputs with --set NAME=VALUE (or --history FOLDER); see --help\n"],
    [["--set", "VIX=14", "--csv"], "voldesk regime: --csv needs --history\n"],
    [["--bogus"], 'voldesk regime: unknown option "--bogus"; see voldesk regime --help\n'],
    [["--set", "VIX=14", "--matrix", "missing.yaml"], "voldesk regime: missing.yaml:1:1 (root): cannot read the file (ENOENT)\n"]
  ])("exits 2 on bad input %j", async (argv, message) => {
    const {code, err} = await run(...argv);
    expect([code, err]).toEqual([2, message]);
  });
  it("exits 2 with file:line:column on an invalid matrix", async () => {
    const dir = historyFolder({"m.yaml": "regimes:\n  neutral_volatility:\n    condition: VIX >> 3\n"});
    const {code, err} = await run("--set", "VIX=14", "--matrix", join(dir, "m.yaml"));
    expect(code).toBe(2);
    expect(err).toBe(`voldesk regime: ${join(dir, "m.yaml")}:3:21 regimes.neutral_volatility.condition: expected a number or an input name, got ">" (condition column 6)\n`);
  });
});

describe("voldesk regime --history", () => {
  const folder = historyFolder({
    "VIX_History.csv": "DATE,OPEN,HIGH,LOW,CLOSE\n01/02/2024,1,1,1,13\n01/03/2024,1,1,1,18\n01/04/2024,1,1,1,40\n01/05/2024,1,1,1,14\n",
    "VIX3M_History.csv": "DATE,OPEN,HIGH,LOW,CLOSE\n01/02/2024,1,1,1,15.6\n01/03/2024,1,1,1,19\n01/04/2024,1,1,1,30\n01/05/2024,1,1,1,14.7\n",
    "VVIX_History.csv": "DATE,VVIX\n01/02/2024,80\n01/03/2024,85\n01/04/2024,160\n"
  });
  it("prints days per regime", async () => {
    const {code, out} = await run("--history", folder, "--set", "Polymarket_Recession_Prob=0.1");
    expect(code).toBe(0);
    expect(out).toBe(
      [
        `4 days 2024-01-02 .. 2024-01-05 from VIX, VIX3M, VVIX in ${folder}; set: Polymarket_Recession_Prob=0.1`,
        "regime                days   share  matched",
        "crisis_mode              1   25.0%  1",
        "high_volatility          0    0.0%  1",
        "neutral_volatility       2   50.0%  1",
        "low_volatility           1   25.0%  1",
        "no regime matched (fallback neutral_volatility): 1 days (25.0%), counted under neutral_volatility above",
        "days with an undecidable condition: 1; of which an undecidable regime outranked the decision: 1",
        "regime changes: 3",
        ""
      ].join("\n")
    );
  });
  it("--csv prints the per-day series", async () => {
    const {code, out} = await run("--history", folder, "--set", "Polymarket_Recession_Prob=0.1", "--csv");
    expect(code).toBe(0);
    expect(out).toBe(
      [
        "date,regime,raw_regime,matched,fallback,undecidable,VIX,VIX3M,VVIX,TermStructure",
        "2024-01-02,low_volatility,low_volatility,low_volatility,false,,13,15.6,80,1.2",
        "2024-01-03,neutral_volatility,neutral_volatility,neutral_volatility,false,,18,19,85,1.05555555556",
        "2024-01-04,crisis_mode,crisis_mode,crisis_mode|high_volatility,false,,40,30,160,0.75",
        "2024-01-05,neutral_volatility,neutral_volatility,,true,crisis_mode,14,14.7,,1.05",
        ""
      ].join("\n")
    );
  });
  it("--json gives the summary and every day; hysteresis flags apply", async () => {
    const {out} = await run("--history", folder, "--json", "--confirm-closes", "2", "--set", "Polymarket_Recession_Prob=0.1");
    const result = JSON.parse(out);
    expect(result.files).toEqual(["VIX", "VIX3M", "VVIX"]);
    expect(result.days.map((d: {regime: string}) => d.regime)).toEqual(["low_volatility", "neutral_volatility", "crisis_mode", "crisis_mode"]);
    // escalations are immediate; the fall from crisis on day 4 waits for a second close
    expect(result.days[3]).toMatchObject({rawRegime: "neutral_volatility", regime: "crisis_mode"});
  });
  it("exits 2 on an empty folder or a malformed file", async () => {
    const empty = historyFolder({});
    expect(await run("--history", empty)).toMatchObject({code: 2});
    const bad = historyFolder({"VIX_History.csv": "DATE,OPEN,HIGH,LOW,CLOSE\n01/02/2024,1,1,1,n/a\n"});
    const {code, err} = await run("--history", bad);
    expect(code).toBe(2);
    expect(err).toContain("VIX_History.csv: line 2, column 5 (CLOSE)");
  });
  it.skipIf(!hasSharedData())("classifies the real ../shared/data/vix folder", async () => {
    const {code, out} = await run("--history", sharedDataPath("vix"));
    expect(code).toBe(0);
    expect(out).toContain("9238 days 1990-01-02 .. 2026-07-22 from VIX, VIX3M, VIX9D, VVIX, SKEW");
  });
});
