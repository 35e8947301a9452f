import {describe, expect, it} from "vitest";
import {ConfigError} from "../../../lib/config/configError.js";
import {formatPath, yamlLocator} from "../../../lib/config/yamlLocator.js";

const text = ["regimes:", "  calm:", "    limits:", "      max_gamma: ten", ""].join("\n");

describe("yamlLocator(text, file)", () => {
  it("returns the plain value", () => {
    expect(yamlLocator(text, "m.yaml").value).toEqual({regimes: {calm: {limits: {max_gamma: "ten"}}}});
  });

  it("locates a value by its path: line 4, column 18 is where `ten` starts", () => {
    const {fail} = yamlLocator(text, "m.yaml");
    let error: unknown;
    try {
      fail(["regimes", "calm", "limits", "max_gamma"], "wrong-type", 'expected a number, got "ten"');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe('m.yaml:4:18 regimes.calm.limits.max_gamma: expected a number, got "ten"');
    expect((error as ConfigError).rule).toBe("wrong-type");
  });

  it("points a missing key at its deepest existing parent", () => {
    const {fail} = yamlLocator(text, "m.yaml");
    expect(() => fail(["regimes", "calm", "limits", "min_daily_theta"], "missing-key", "required")).toThrow(
      "m.yaml:4:7 regimes.calm.limits.min_daily_theta: required"
    );
  });

  it("formats paths with indices", () => {
    expect(formatPath(["symbols", 2, "demo", "beta"])).toBe("symbols[2].demo.beta");
    expect(formatPath([])).toBe("");
  });
});
