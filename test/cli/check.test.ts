import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {detectBroker} from "../../cli/commands/check.js";
import {main} from "../../cli/main.js";
import {describeWithSharedData, sharedDataPath} from "../helpers/sharedData.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(["check", ...argv], {out: (t) => void (out += t), err: (t) => void (err += t), cwd: root});
  return {code, out, err};
}

const sample = (p: string) => sharedDataPath(`api_samples/${p}`);

describeWithSharedData("voldesk check on the real broker samples", () => {
  it("reports regime, aggregates and strategy breaches, exit 1", async () => {
    const r = await run(
      "--positions", sample("ibkr/portfolio_positions_page0_doc_example.json"), sample("ibkr/position_by_conid_option_doc_example.json"),
      sample("tastytrade/positions_short_put_rivn_2023-05-24.json"), sample("deribit/get_positions_doc_example.json"),
      "--set", "VIX=18", "--as-of", "2024-01-10", "--spot", "SPY=477", "--spot", "META=370", "--spot", "RIVN=20", "--spot", "BTC=46000",
      "--beta", "TSLA=2", "--beta", "META=1.3", "--beta", "RIVN=2", "--beta", "BTC=0.6"
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    expect(r.out).toContain('regime: neutral_volatility (decided by "15 <= VIX <= 22" with VIX=18.00)');
    expect(r.out).toContain("positions: 6 (ibkr U****567, ibkr D****456, tastytrade 5****555, deribit 1***)");
    expect(r.out).toContain("BREACH strategy not allowed: short put META 2024-06-21 P330 x1");
    expect(r.out).not.toContain("U1234567");
    // stock rows: 5 SPY + 7 TSLA x 2 x 250.734/477 + 11 META x 1.3 x 370/477
    const stock = 5 + (7 * 2 * 250.73399355) / 477 + (11 * 1.3 * 370) / 477;
    expect(r.out).toMatch(new RegExp(`\\n  stock\\s+${stock.toFixed(2).replace(".", "\\.")}\\s`));
  });

  it("--json, exit 0 inside the limits of a custom matrix, with betas from the real prices", async () => {
    const dir = mkdtempSync(join(tmpdir(), "voldesk-check-"));
    const matrix = join(dir, "matrix.yaml");
    writeFileSync(matrix, readFileSync(join(root, "config/risk_matrix.yaml"), "utf8").replace("min_daily_theta: 300", "min_daily_theta: 0"));
    const r = await run("--positions", sample("ibkr/portfolio_positions_page0_doc_example.json"), "--matrix", matrix, "--regime", "neutral_volatility", "--prices", sharedDataPath("ohlc"), "--as-of", "2024-01-10", "--beta", "TSLA=2", "--beta", "META=1.3", "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.regime).toBe("neutral_volatility");
    expect(json.spySpot).toBeGreaterThan(400); // SPY close on 2024-01-10 from ohlc/SPY.csv
    expect(json.positions.map((p: {account: string}) => p.account)).toEqual(["U****567", "U****567", "U****567"]);
    expect(json.report.ok).toBe(true);
    expect(r.out).not.toContain("U1234567");
    expect(json.aggregates.portfolio.missing.betaDelta).toBe(0);
  });

  it("exit 2 on bad input", async () => {
    const dir = mkdtempSync(join(tmpdir(), "voldesk-check-"));
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({data: {items: [{"instrument-type": "Equity", "quantity-direction": "Long", quantity: "x"}]}}));
    let r = await run("--positions", bad, "--set", "VIX=18", "--spot", "SPY=500");
    expect(r.code).toBe(2);
    expect(r.err).toContain('tastytrade: data.items[0].quantity: expected finite number, got "x"');
    r = await run("--positions", sample("tastytrade/positions_short_put_rivn_2023-05-24.json"), "--set", "VIX=18");
    expect(r).toMatchObject({code: 2, err: "voldesk check: no SPY price: give --spot SPY=PRICE or --prices DIR with SPY.csv\n"});
    r = await run("--positions", sample("polymarket/gamma_markets_response.json"), "--set", "VIX=18", "--spot", "SPY=500");
    expect(r.err).toContain("not an IBKR, Tastytrade or Deribit positions payload; use --broker");
    r = await run("--set", "VIX=18");
    expect(r).toMatchObject({code: 2, err: "voldesk check: give at least one --positions FILE\n"});
    r = await run("--positions", sample("ibkr/portfolio_positions_page0_doc_example.json"), "--set", "NOPE=1");
    expect(r.code).toBe(2);
  });
});

describe("detectBroker", () => {
  it("recognises each vendor shape", () => {
    expect(detectBroker([{acctId: "U1"}])).toBe("ibkr");
    expect(detectBroker({U1: [{acctId: "U1"}]})).toBe("ibkr");
    expect(detectBroker({data: {items: []}})).toBe("tastytrade");
    expect(detectBroker({jsonrpc: "2.0", result: []})).toBe("deribit");
    expect(detectBroker({foo: 1})).toBeNull();
  });
});
