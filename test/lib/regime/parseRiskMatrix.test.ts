import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {ConfigError} from "../../../lib/config/configError.js";
import {checkRiskMatrix, parseRiskMatrix} from "../../../lib/regime/parseRiskMatrix.js";
import {RISK_MATRIX_KEYS} from "../../../lib/regime/riskMatrixKeys.js";

const FILE = "config/risk_matrix.yaml";
const SHIPPED = readFileSync(new URL("../../../config/risk_matrix.yaml", import.meta.url), "utf8");
const SCHEMA = JSON.parse(readFileSync(new URL("../../../config/risk_matrix.schema.json", import.meta.url), "utf8"));
const SETTINGS_START = SHIPPED.indexOf("# ------");

/** The shipped file with line `line` (1-based) edited: `from` replaced by `to` (which must occur on that line). */
function edit(line: number, from: string, to: string, text = SHIPPED): string {
  const lines = text.split("\n");
  if (!lines[line - 1].includes(from)) throw new Error(`line ${line} has no ${from}: ${lines[line - 1]}`);
  lines[line - 1] = lines[line - 1].replace(from, to);
  return lines.join("\n");
}

function errorOf(text: string): ConfigError {
  try {
    parseRiskMatrix(text, FILE);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseRiskMatrix(text, file) on the shipped matrix", () => {
  it("loads the four regimes of the specification, camelCase, in file order", () => {
    const m = parseRiskMatrix(SHIPPED, FILE);
    expect(Object.keys(m.regimes)).toEqual(["low_volatility", "neutral_volatility", "high_volatility", "crisis_mode"]);
    expect(m.regimes.high_volatility.condition).toBe("VIX > 22 or Polymarket_Recession_Prob > 40%");
    expect(m.regimes.high_volatility.description).toBe("Fear. Elevated premiums. Fast moves.");
    expect(m.regimes.low_volatility.limits).toEqual({
      maxBetaDelta: 600,
      maxNegativeVega: -500,
      minDailyTheta: 100,
      maxGamma: 50,
      allowedStrategies: ["Long Calendars", "Debit Spreads", "Reverse Iron Condors"]
    });
    expect(m.regimes.crisis_mode.limits).toEqual({
      maxBetaDelta: 0,
      maxNegativeVega: 0,
      minDailyTheta: 0,
      maxGamma: 10,
      allowedStrategies: ["Long Puts", "Cash", "Long Volatility"]
    });
    expect(m.severityOrder).toEqual(["crisis_mode", "high_volatility", "neutral_volatility", "low_volatility"]);
    expect(m.fallback).toBe("neutral_volatility");
    expect(m.nearLimitFraction).toBe(0.8);
    expect(m.hysteresis).toEqual({confirmCloses: 1, buffer: {}, immediateEscalation: true});
  });

  it("loads without the settings block, with the same documented defaults", () => {
    const bare = SHIPPED.slice(0, SETTINGS_START);
    expect(bare).not.toContain("severity_order");
    const withDefaults = parseRiskMatrix(bare, FILE);
    const shipped = parseRiskMatrix(SHIPPED, FILE);
    expect(withDefaults).toEqual(shipped);
  });

  it("reads the optional settings", () => {
    const text = `${SHIPPED.slice(0, SETTINGS_START)}
severity_order: [crisis_mode, high_volatility, low_volatility, neutral_volatility]
fallback: low_volatility
near_limit_fraction: 0.9
hysteresis: {confirm_closes: 3, buffer: {VIX: 1.5, TermStructure: 0.02}, immediate_escalation: false}
inputs: [VIX6M]
`;
    const m = parseRiskMatrix(text, FILE);
    expect(m.severityOrder).toEqual(["crisis_mode", "high_volatility", "low_volatility", "neutral_volatility"]);
    expect([m.fallback, m.nearLimitFraction, m.declaredInputs]).toEqual(["low_volatility", 0.9, ["VIX6M"]]);
    expect(m.hysteresis).toEqual({confirmCloses: 3, buffer: {VIX: 1.5, TermStructure: 0.02}, immediateEscalation: false});
  });
});

describe("parseRiskMatrix errors: file:line:column path: rule", () => {
  const cases: [string, string, string, string][] = [
    [
      "wrong type",
      edit(45, "max_gamma: 10", 'max_gamma: "ten"'),
      "wrong-type",
      `${FILE}:45:18 regimes.crisis_mode.limits.max_gamma: expected a number >= 0, got "ten"`
    ],
    [
      "negative vega limit must be <= 0",
      edit(11, "max_negative_vega: -500", "max_negative_vega: 500"),
      "limit-sign",
      `${FILE}:11:26 regimes.low_volatility.limits.max_negative_vega: expected a number <= 0, got 500`
    ],
    [
      "theta floor must be >= 0",
      edit(12, "min_daily_theta: 100", "min_daily_theta: -100"),
      "limit-sign",
      `${FILE}:12:24 regimes.low_volatility.limits.min_daily_theta: expected a number >= 0, got -100`
    ],
    [
      "beta delta cap must be >= 0",
      edit(21, "max_beta_delta: 300", "max_beta_delta: -300"),
      "limit-sign",
      `${FILE}:21:23 regimes.neutral_volatility.limits.max_beta_delta: expected a number >= 0, got -300`
    ],
    [
      "unknown key",
      edit(8, "description:", "descriptio:"),
      "unknown-key",
      `${FILE}:8:5 regimes.low_volatility.descriptio: unknown key "descriptio"; expected one of: condition, description, limits`
    ],
    [
      "unknown top-level key",
      SHIPPED + "\nregime_order: [crisis_mode]\n",
      "unknown-key",
      `${FILE}:67:1 regime_order: unknown key "regime_order"; expected one of: regimes, severity_order, fallback, near_limit_fraction, hysteresis, inputs`
    ],
    [
      "unknown identifier, column inside the condition",
      edit(39, "VVIX > 150", "VVXI > 150"),
      "unknown-identifier",
      `${FILE}:39:29 regimes.crisis_mode.condition: unknown input "VVXI" (condition column 13); known: VIX, VIX3M, VIX9D, VVIX, SKEW, TermStructure, FearGreed, DVOL_BTC, DVOL_ETH, Polymarket_<Name>_Prob (declare others under "inputs")`
    ],
    [
      "unparsable condition, column inside the condition",
      edit(18, "VIX <= 22", "VIX <== 22"),
      "condition-syntax",
      `${FILE}:18:29 regimes.neutral_volatility.condition: unexpected "=": use "==" for equality (condition column 13)`
    ],
    [
      "unfinished condition",
      edit(28, "40%", ""),
      "condition-syntax",
      `${FILE}:28:57 regimes.high_volatility.condition: expected a number or an input name, got the end of the condition (condition column 41)`
    ],
    [
      "condition of the wrong type",
      edit(18, '"15 <= VIX <= 22"', "22"),
      "wrong-type",
      `${FILE}:18:16 regimes.neutral_volatility.condition: expected a condition string such as "VIX > 22", got 22`
    ],
    [
      "missing limit",
      edit(45, "max_gamma: 10", "# max_gamma removed"),
      "missing-key",
      `${FILE}:42:7 regimes.crisis_mode.limits.max_gamma: missing required key "max_gamma"`
    ],
    [
      "strategies not a list",
      edit(46, '["Long Puts", "Cash", "Long Volatility"]', '"Cash"'),
      "wrong-type",
      `${FILE}:46:27 regimes.crisis_mode.limits.allowed_strategies: expected a list of strings, got "Cash"`
    ],
    [
      "strategy not a string",
      edit(46, '"Cash"', "7"),
      "wrong-type",
      `${FILE}:46:41 regimes.crisis_mode.limits.allowed_strategies[1]: expected a string, got 7`
    ],
    [
      "severity order names an unknown regime",
      edit(54, "low_volatility]", "low_volatility, calm]"),
      "unknown-regime",
      `${FILE}:54:84 severity_order[4]: unknown regime "calm"; regimes: low_volatility, neutral_volatility, high_volatility, crisis_mode`
    ],
    [
      "fallback names an unknown regime",
      edit(57, "fallback: neutral_volatility", "fallback: neutral"),
      "unknown-regime",
      `${FILE}:57:11 fallback: unknown regime "neutral"; regimes: low_volatility, neutral_volatility, high_volatility, crisis_mode`
    ],
    [
      "near-limit fraction out of range",
      edit(60, "0.8", "1.5"),
      "out-of-range",
      `${FILE}:60:22 near_limit_fraction: expected a number > 0 and <= 1, got 1.5`
    ],
    [
      "hysteresis closes not an integer",
      edit(64, "confirm_closes: 1", "confirm_closes: 1.5"),
      "wrong-type",
      `${FILE}:64:19 hysteresis.confirm_closes: expected an integer >= 1, got 1.5`
    ],
    [
      "duplicate key",
      edit(12, "min_daily_theta: 100", "min_daily_theta: 100\n      min_daily_theta: 200"),
      "duplicate",
      `${FILE}:13:7 (root): Map keys must be unique`
    ],
    [
      "YAML syntax",
      edit(22, "      max_negative_vega", "\tmax_negative_vega"),
      "yaml-syntax",
      `${FILE}:22:1 (root): Tabs are not allowed as indentation`
    ]
  ];
  it.each(cases)("%s", (_, text, rule, message) => {
    const error = errorOf(text);
    expect(error.message).toBe(message);
    expect(error.rule).toBe(rule);
    expect(error.name).toBe("ConfigError");
    expect(`${error.file}:${error.line}:${error.column}`).toBe(message.split(" ")[0]);
  });

  it("accepts inputs declared in the file or by the loader", () => {
    const text = edit(39, "VVIX > 150", "VIX6M > 40");
    expect(errorOf(text).rule).toBe("unknown-identifier");
    expect(parseRiskMatrix(text + "\ninputs: [VIX6M]\n", FILE).declaredInputs).toEqual(["VIX6M"]);
    expect(parseRiskMatrix(text, FILE, {extraInputs: ["VIX6M"]}).regimes.crisis_mode.condition).toBe("VIX > 35 or VIX6M > 40");
  });

  it("requires severity_order and fallback when the standard names are not used", () => {
    const renamed = SHIPPED.slice(0, SETTINGS_START).replace("crisis_mode:", "panic:").replace("neutral_volatility:", "normal:");
    const {errors} = checkRiskMatrix(renamed, FILE);
    expect(errors.map((e) => e.message)).toEqual([
      `${FILE}:5:1 severity_order: severity_order is required when regimes other than crisis_mode, high_volatility, neutral_volatility, low_volatility are defined (normal, panic)`,
      `${FILE}:5:1 fallback: fallback is required when no regime is named "neutral_volatility"`
    ]);
  });

  it("requires severity_order to rank every regime once", () => {
    const text = edit(54, "neutral_volatility, low_volatility]", "neutral_volatility, neutral_volatility]");
    expect(checkRiskMatrix(text, FILE).errors.map((e) => e.message)).toEqual([
      `${FILE}:54:68 severity_order[3]: regime "neutral_volatility" is listed twice`,
      `${FILE}:54:17 severity_order: every regime must be ranked; missing: low_volatility`
    ]);
  });

  it("reports every error, in document order, with checkRiskMatrix", () => {
    const text = edit(11, "-500", "500", edit(45, "10", '"ten"'));
    const {matrix, errors} = checkRiskMatrix(text, FILE);
    expect(matrix).toBeNull();
    expect(errors.map((e) => [e.line, e.rule])).toEqual([
      [11, "limit-sign"],
      [45, "wrong-type"]
    ]);
  });

  it("rejects a document that is not a mapping", () => {
    expect(errorOf("- a\n- b\n").message).toBe(`${FILE}:1:1 (root): expected a mapping with a "regimes" key, got a list`);
    expect(errorOf("").message).toBe(`${FILE}:1:1 (root): expected a mapping with a "regimes" key, got nothing`);
  });
});

describe("config/risk_matrix.schema.json and the validator", () => {
  const levels: [keyof typeof RISK_MATRIX_KEYS, {properties: object; required?: string[]; additionalProperties: unknown}][] = [
    ["root", SCHEMA],
    ["regime", SCHEMA.$defs.regime],
    ["limits", SCHEMA.$defs.limits],
    ["hysteresis", SCHEMA.$defs.hysteresis]
  ];
  it.each(levels)("declare the same %s keys, required keys, and no others", (level, schema) => {
    expect(Object.keys(schema.properties).sort()).toEqual([...RISK_MATRIX_KEYS[level].allowed].sort());
    expect([...(schema.required ?? [])].sort()).toEqual([...RISK_MATRIX_KEYS[level].required].sort());
    expect(schema.additionalProperties).toBe(false);
  });
  it("agree on the limit signs", () => {
    const p = SCHEMA.$defs.limits.properties;
    expect([p.max_beta_delta.minimum, p.max_negative_vega.maximum, p.min_daily_theta.minimum, p.max_gamma.minimum]).toEqual([0, 0, 0, 0]);
  });
  it("is referenced from the shipped YAML's first line", () => {
    expect(SHIPPED.split("\n")[0]).toBe("# yaml-language-server: $schema=./risk_matrix.schema.json");
    expect(SCHEMA.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });
});
