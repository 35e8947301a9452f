import {readFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import {describe, expect, it} from "vitest";
import {parse} from "yaml";

// The JSON Schema that editors use for config/risk_matrix.yaml, checked by an independent validator (ajv), so the
// schema cannot drift from the file it describes.
const configDir = join(dirname(fileURLToPath(import.meta.url)), "../../config");
const schema = JSON.parse(readFileSync(join(configDir, "risk_matrix.schema.json"), "utf8"));
const shipped = parse(readFileSync(join(configDir, "risk_matrix.yaml"), "utf8"));
const validate = new Ajv2020({allErrors: true, strict: true}).compile(schema);

function errorsOf(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe("config/risk_matrix.schema.json", () => {
  it("accepts the shipped risk matrix", () => {
    expect(errorsOf(shipped)).toEqual([]);
  });

  it("flags an unknown key, a wrong type and a limit of the wrong sign", () => {
    const doc = structuredClone(shipped);
    doc.regimes.crisis_mode.limits.max_gamma = "ten";
    doc.regimes.neutral_volatility.limits.max_negative_vega = 1200;
    doc.regimes.low_volatility.condtion = "VIX < 15";
    const errors = errorsOf(doc);
    expect(errors).toContain("/regimes/crisis_mode/limits/max_gamma must be number");
    expect(errors).toContain("/regimes/neutral_volatility/limits/max_negative_vega must be <= 0");
    expect(errors).toContain("/regimes/low_volatility must NOT have additional properties");
  });

  it("requires the regimes", () => {
    expect(errorsOf({fallback: "neutral_volatility"})).toContain(" must have required property 'regimes'");
  });
});
