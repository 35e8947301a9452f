import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {ConfigError} from "../../../data-loaders/shared/configError.js";
import {DEFAULT_RISK_MATRIX_PATH, loadRiskMatrix} from "../../../data-loaders/shared/riskMatrixConfig.js";

const ROOT = new URL("../../../", import.meta.url).pathname;

describe("loadRiskMatrix(path)", () => {
  it("loads the shipped config/risk_matrix.yaml", () => {
    const m = loadRiskMatrix(join(ROOT, DEFAULT_RISK_MATRIX_PATH));
    expect(Object.keys(m.regimes)).toEqual(["low_volatility", "neutral_volatility", "high_volatility", "crisis_mode"]);
  });
  it("names the file as given in errors", () => {
    const dir = mkdtempSync(join(tmpdir(), "voldesk-matrix-"));
    const file = join(dir, "bad.yaml");
    writeFileSync(file, "regimes:\n  neutral_volatility:\n    condition: VIX < 15\n    limitz: {}\n");
    expect(() => loadRiskMatrix(file)).toThrow(`${file}:4:5 regimes.neutral_volatility.limitz: unknown key "limitz"; expected one of: condition, description, limits`);
  });
  it("throws a ConfigError for an unreadable file", () => {
    let error: unknown;
    try {
      loadRiskMatrix("/nonexistent/risk_matrix.yaml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe("/nonexistent/risk_matrix.yaml:1:1 (root): cannot read the file (ENOENT)");
  });
});
