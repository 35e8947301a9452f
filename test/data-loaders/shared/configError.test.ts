import {describe, expect, it} from "vitest";
import {ConfigError} from "../../../data-loaders/shared/configError.js";

describe("ConfigError", () => {
  it("formats file:line:column path: detail and keeps the parts", () => {
    const e = new ConfigError({file: "config/risk_matrix.yaml", line: 12, column: 7, path: "regimes.crisis_mode.limits.max_gamma", rule: "wrong-type", detail: 'expected a number >= 0, got "ten"'});
    expect(e.message).toBe('config/risk_matrix.yaml:12:7 regimes.crisis_mode.limits.max_gamma: expected a number >= 0, got "ten"');
    expect([e.name, e.file, e.line, e.column, e.path, e.rule]).toEqual(["ConfigError", "config/risk_matrix.yaml", 12, 7, "regimes.crisis_mode.limits.max_gamma", "wrong-type"]);
    expect(e).toBeInstanceOf(Error);
  });
});
