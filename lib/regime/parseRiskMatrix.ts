import {LineCounter, isMap, isScalar, isSeq, parseDocument} from "yaml";
import type {Node, Pair, YAMLMap} from "yaml";
import {ConditionSyntaxError} from "./conditionSyntaxError.js";
import {ConfigError} from "../config/configError.js";
import type {ConfigRule} from "../config/configError.js";
import {isKnownInput} from "./knownInputs.js";
import {parseCondition} from "./parseCondition.js";
import type {ConditionNode} from "./parseCondition.js";
import {DEFAULT_FALLBACK, DEFAULT_HYSTERESIS, DEFAULT_NEAR_LIMIT_FRACTION, DEFAULT_SEVERITY_ORDER} from "./riskMatrix.js";
import type {HysteresisSettings, RegimeDefinition, RegimeLimits, RiskMatrix} from "./riskMatrix.js";
import {RISK_MATRIX_KEYS} from "./riskMatrixKeys.js";
import {forEachConditionInput} from "./conditionInputs.js";

/** Options: `extraInputs` are input names a loader provides, accepted in conditions like `inputs:` in the file. */
export type ParseRiskMatrixOptions = {extraInputs?: Iterable<string>};

/** Every problem found in a risk matrix (document order), and the matrix when there are none. */
export type RiskMatrixCheck = {matrix: RiskMatrix | null; errors: ConfigError[]};

/**
 * Parses and validates the text of a risk matrix (config/risk_matrix.yaml) and returns it typed, camelCase, with
 * defaults filled: severity_order crisis_mode > high_volatility > neutral_volatility > low_volatility, fallback
 * neutral_volatility, near_limit_fraction 0.8, no hysteresis. Pure (no file access); `file` only names the text in
 * messages. Throws the first ConfigError (document order, missing keys last); checkRiskMatrix returns all of them.
 */
export function parseRiskMatrix(text: string, file: string, options: ParseRiskMatrixOptions = {}): RiskMatrix {
  const {matrix, errors} = checkRiskMatrix(text, file, options);
  if (errors.length > 0 || matrix === null) throw errors[0];
  return matrix;
}

/**
 * Validates a risk matrix and reports every error with file, line, column, key path and rule (unknown keys, wrong
 * types, limits of the wrong sign, unparsable conditions, unknown inputs, unknown regimes in settings).
 */
export function checkRiskMatrix(text: string, file: string, {extraInputs = []}: ParseRiskMatrixOptions = {}): RiskMatrixCheck {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true});
  const errors: ConfigError[] = [];
  const report = (offset: number, path: string, rule: ConfigRule, detail: string) => {
    const {line, col} = lineCounter.linePos(offset);
    errors.push(new ConfigError({file, line, column: col, path, rule, detail}));
  };
  for (const e of doc.errors) {
    const rule = e.code === "DUPLICATE_KEY" ? "duplicate" : "yaml-syntax";
    report(e.pos[0], "", rule, e.message.split("\n")[0].replace(/ at line \d+, column \d+.*$/, ""));
  }
  if (errors.length > 0) return {matrix: null, errors};

  const root = doc.contents as Node | null;
  if (!isMap(root)) {
    report(start(root), "", "wrong-type", `expected a mapping with a "regimes" key, got ${describe(root)}`);
    return {matrix: null, errors};
  }
  const fields = checkKeys(root, "", RISK_MATRIX_KEYS.root, report);

  const declaredInputs = readInputs(fields.get("inputs"), report);
  const inputs = [...declaredInputs, ...extraInputs];

  const regimes: Record<string, RegimeDefinition> = {};
  const regimesPair = fields.get("regimes");
  const regimesNode = regimesPair?.value as Node | null | undefined;
  if (regimesPair && !isMap(regimesNode)) {
    report(start(regimesNode, regimesPair), "regimes", "wrong-type", `expected a mapping of regime names, got ${describe(regimesNode)}`);
  } else if (isMap(regimesNode)) {
    if (regimesNode.items.length === 0) report(start(regimesNode), "regimes", "missing-key", "expected at least one regime");
    for (const pair of regimesNode.items) {
      const name = keyName(pair);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        report(start(pair.key as Node), `regimes.${name}`, "wrong-type", "a regime name uses letters, digits and _ only");
        continue;
      }
      const regime = readRegime(name, pair, text, inputs, report);
      if (regime) regimes[name] = regime;
    }
  }
  const names = isMap(regimesNode) ? regimesNode.items.map(keyName) : [];

  const severityOrder = readSeverityOrder(fields.get("severity_order"), names, regimesPair, report);
  const fallback = readFallback(fields.get("fallback"), names, regimesPair, report);
  const nearLimitFraction = readNearLimitFraction(fields.get("near_limit_fraction"), report);
  const hysteresis = readHysteresis(fields.get("hysteresis"), inputs, report);

  // document order, but a missing key after the rest: it is often the consequence of a misspelt one
  const late = (e: ConfigError) => (e.rule === "missing-key" ? 1 : 0);
  errors.sort((a, b) => late(a) - late(b) || a.line - b.line || a.column - b.column);
  if (errors.length > 0) return {matrix: null, errors};
  return {matrix: {file, regimes, severityOrder, fallback, nearLimitFraction, hysteresis, declaredInputs}, errors};
}

type Report = (offset: number, path: string, rule: ConfigRule, detail: string) => void;

function readRegime(name: string, pair: Pair, text: string, inputs: string[], report: Report): RegimeDefinition | null {
  const path = `regimes.${name}`;
  const node = pair.value as Node | null;
  if (!isMap(node)) {
    report(start(node, pair), path, "wrong-type", `expected a mapping with condition, description and limits, got ${describe(node)}`);
    return null;
  }
  const fields = checkKeys(node, path, RISK_MATRIX_KEYS.regime, report);
  const condition = readCondition(fields.get("condition"), `${path}.condition`, text, inputs, report);
  const descriptionPair = fields.get("description");
  let description = "";
  if (descriptionPair) {
    const value = descriptionPair.value as Node | null;
    if (isScalar(value) && typeof value.value === "string") description = value.value;
    else report(start(value, descriptionPair), `${path}.description`, "wrong-type", `expected a string, got ${describe(value)}`);
  }
  const limits = readLimits(fields.get("limits"), `${path}.limits`, report);
  if (!condition || !limits) return null;
  return {name, condition: condition.text, conditionAst: condition.ast, description, limits};
}

function readCondition(pair: Pair | undefined, path: string, text: string, inputs: string[], report: Report) {
  if (!pair) return null;
  const node = pair.value as Node | null;
  if (!isScalar(node) || typeof node.value !== "string") {
    report(start(node, pair), path, "wrong-type", `expected a condition string such as "VIX > 22", got ${describe(node)}`);
    return null;
  }
  const condition = node.value;
  const offsetInFile = (offset: number) => conditionOffset(node, text, offset);
  let ast: ConditionNode;
  try {
    ast = parseCondition(condition);
  } catch (error) {
    if (!(error instanceof ConditionSyntaxError)) throw error;
    report(offsetInFile(error.offset), path, "condition-syntax", `${error.detail} (condition column ${error.offset + 1})`);
    return null;
  }
  let ok = true;
  forEachConditionInput(ast, (name, offset) => {
    if (isKnownInput(name, inputs)) return;
    ok = false;
    report(
      offsetInFile(offset),
      path,
      "unknown-identifier",
      `unknown input "${name}" (condition column ${offset + 1}); known: VIX, VIX3M, VIX9D, VVIX, SKEW, TermStructure, FearGreed, DVOL_BTC, DVOL_ETH, Polymarket_<Name>_Prob${inputs.length ? ", " + inputs.join(", ") : ""} (declare others under "inputs")`
    );
  });
  return ok ? {text: condition, ast} : null;
}

function readLimits(pair: Pair | undefined, path: string, report: Report): RegimeLimits | null {
  if (!pair) return null;
  const node = pair.value as Node | null;
  if (!isMap(node)) {
    report(start(node, pair), path, "wrong-type", `expected a mapping of limits, got ${describe(node)}`);
    return null;
  }
  const fields = checkKeys(node, path, RISK_MATRIX_KEYS.limits, report);
  const limit = (key: string, sign: 1 | -1) => {
    const p = fields.get(key);
    if (!p) return NaN;
    const value = p.value as Node | null;
    const expected = `expected a number ${sign > 0 ? ">=" : "<="} 0`;
    if (!isScalar(value) || typeof value.value !== "number" || !Number.isFinite(value.value)) {
      report(start(value, p), `${path}.${key}`, "wrong-type", `${expected}, got ${describe(value)}`);
      return NaN;
    }
    if (sign * value.value < 0) {
      report(start(value, p), `${path}.${key}`, "limit-sign", `${expected}, got ${value.value}`);
      return NaN;
    }
    return value.value;
  };
  const limits = {
    maxBetaDelta: limit("max_beta_delta", 1),
    maxNegativeVega: limit("max_negative_vega", -1),
    minDailyTheta: limit("min_daily_theta", 1),
    maxGamma: limit("max_gamma", 1),
    allowedStrategies: readStringList(fields.get("allowed_strategies"), `${path}.allowed_strategies`, report)
  };
  const complete = [limits.maxBetaDelta, limits.maxNegativeVega, limits.minDailyTheta, limits.maxGamma].every(Number.isFinite);
  return complete && limits.allowedStrategies ? (limits as RegimeLimits) : null;
}

function readSeverityOrder(pair: Pair | undefined, names: string[], regimesPair: Pair | undefined, report: Report): string[] {
  if (!pair) {
    const others = names.filter((n) => !DEFAULT_SEVERITY_ORDER.includes(n));
    if (others.length > 0 && regimesPair) {
      report(
        start(regimesPair.key as Node),
        "severity_order",
        "missing-key",
        `severity_order is required when regimes other than ${DEFAULT_SEVERITY_ORDER.join(", ")} are defined (${others.join(", ")})`
      );
    }
    return DEFAULT_SEVERITY_ORDER.filter((n) => names.includes(n));
  }
  const order = readStringList(pair, "severity_order", report) ?? [];
  const seq = pair.value as Node;
  order.forEach((name, i) => {
    const item = isSeq(seq) ? (seq.items[i] as Node) : seq;
    if (!names.includes(name)) {
      report(start(item), `severity_order[${i}]`, "unknown-regime", `unknown regime "${name}"; regimes: ${names.join(", ")}`);
    } else if (order.indexOf(name) !== i) {
      report(start(item), `severity_order[${i}]`, "duplicate", `regime "${name}" is listed twice`);
    }
  });
  const missing = names.filter((n) => !order.includes(n));
  if (missing.length > 0 && isSeq(seq)) {
    report(start(seq), "severity_order", "missing-key", `every regime must be ranked; missing: ${missing.join(", ")}`);
  }
  return order;
}

function readFallback(pair: Pair | undefined, names: string[], regimesPair: Pair | undefined, report: Report): string {
  if (!pair) {
    if (regimesPair && names.length > 0 && !names.includes(DEFAULT_FALLBACK)) {
      report(start(regimesPair.key as Node), "fallback", "missing-key", `fallback is required when no regime is named "${DEFAULT_FALLBACK}"`);
    }
    return DEFAULT_FALLBACK;
  }
  const node = pair.value as Node | null;
  if (!isScalar(node) || typeof node.value !== "string") {
    report(start(node, pair), "fallback", "wrong-type", `expected a regime name, got ${describe(node)}`);
    return DEFAULT_FALLBACK;
  }
  if (!names.includes(node.value)) {
    report(start(node), "fallback", "unknown-regime", `unknown regime "${node.value}"; regimes: ${names.join(", ")}`);
  }
  return node.value;
}

function readNearLimitFraction(pair: Pair | undefined, report: Report): number {
  if (!pair) return DEFAULT_NEAR_LIMIT_FRACTION;
  const node = pair.value as Node | null;
  if (!isScalar(node) || typeof node.value !== "number" || !(node.value > 0 && node.value <= 1)) {
    const got = isScalar(node) && typeof node.value === "number" ? String(node.value) : describe(node);
    const rule = isScalar(node) && typeof node.value === "number" ? "out-of-range" : "wrong-type";
    report(start(node, pair), "near_limit_fraction", rule, `expected a number > 0 and <= 1, got ${got}`);
    return DEFAULT_NEAR_LIMIT_FRACTION;
  }
  return node.value;
}

function readHysteresis(pair: Pair | undefined, inputs: string[], report: Report): HysteresisSettings {
  const settings: HysteresisSettings = {...DEFAULT_HYSTERESIS, buffer: {}};
  if (!pair) return settings;
  const node = pair.value as Node | null;
  if (!isMap(node)) {
    report(start(node, pair), "hysteresis", "wrong-type", `expected a mapping (confirm_closes, buffer, immediate_escalation), got ${describe(node)}`);
    return settings;
  }
  const fields = checkKeys(node, "hysteresis", RISK_MATRIX_KEYS.hysteresis, report);
  const closes = fields.get("confirm_closes");
  if (closes) {
    const value = closes.value as Node | null;
    if (isScalar(value) && Number.isInteger(value.value) && (value.value as number) >= 1) settings.confirmCloses = value.value as number;
    else report(start(value, closes), "hysteresis.confirm_closes", "wrong-type", `expected an integer >= 1, got ${describe(value)}`);
  }
  const escalation = fields.get("immediate_escalation");
  if (escalation) {
    const value = escalation.value as Node | null;
    if (isScalar(value) && typeof value.value === "boolean") settings.immediateEscalation = value.value;
    else report(start(value, escalation), "hysteresis.immediate_escalation", "wrong-type", `expected true or false, got ${describe(value)}`);
  }
  const buffer = fields.get("buffer");
  if (buffer) {
    const value = buffer.value as Node | null;
    if (!isMap(value)) {
      report(start(value, buffer), "hysteresis.buffer", "wrong-type", `expected a mapping of input name to amount, got ${describe(value)}`);
    } else {
      for (const item of value.items) {
        const name = keyName(item);
        const amount = item.value as Node | null;
        const path = `hysteresis.buffer.${name}`;
        if (!isKnownInput(name, inputs)) report(start(item.key as Node), path, "unknown-identifier", `unknown input "${name}"`);
        else if (!isScalar(amount) || typeof amount.value !== "number" || !(amount.value >= 0) || !Number.isFinite(amount.value)) {
          report(start(amount, item), path, "wrong-type", `expected a number >= 0, got ${describe(amount)}`);
        } else settings.buffer[name] = amount.value;
      }
    }
  }
  return settings;
}

function readInputs(pair: Pair | undefined, report: Report): string[] {
  if (!pair) return [];
  const names = readStringList(pair, "inputs", report) ?? [];
  const seq = pair.value as Node;
  return names.filter((name, i) => {
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return true;
    const item = isSeq(seq) ? (seq.items[i] as Node) : seq;
    report(start(item), `inputs[${i}]`, "wrong-type", `an input name uses letters, digits and _ and starts with a letter or _, got "${name}"`);
    return false;
  });
}

function readStringList(pair: Pair | undefined, path: string, report: Report): string[] | null {
  if (!pair) return null;
  const node = pair.value as Node | null;
  if (!isSeq(node)) {
    report(start(node, pair), path, "wrong-type", `expected a list of strings, got ${describe(node)}`);
    return null;
  }
  const list: string[] = [];
  let ok = true;
  node.items.forEach((item, i) => {
    const n = item as Node | null;
    if (isScalar(n) && typeof n.value === "string") list.push(n.value);
    else {
      ok = false;
      report(start(n ?? node), `${path}[${i}]`, "wrong-type", `expected a string, got ${describe(n)}`);
    }
  });
  return ok ? list : null;
}

/** Reports unknown keys and missing required keys of a mapping; returns its pairs by key. */
function checkKeys(
  node: YAMLMap,
  path: string,
  spec: {allowed: readonly string[]; required: readonly string[]},
  report: Report
): Map<string, Pair> {
  const fields = new Map<string, Pair>();
  for (const pair of node.items) {
    const key = keyName(pair);
    const keyPath = path === "" ? key : `${path}.${key}`;
    if (spec.allowed.includes(key)) fields.set(key, pair);
    else report(start(pair.key as Node), keyPath, "unknown-key", `unknown key "${key}"; expected one of: ${spec.allowed.join(", ")}`);
  }
  for (const key of spec.required) {
    if (!fields.has(key)) report(start(node), path === "" ? key : `${path}.${key}`, "missing-key", `missing required key "${key}"`);
  }
  return fields;
}

/** File offset of character `offset` of a condition scalar; exact unless the scalar has escapes or spans lines. */
function conditionOffset(node: Node, text: string, offset: number): number {
  const range = node.range;
  if (!range || !isScalar(node) || typeof node.value !== "string") return start(node);
  const source = text.slice(range[0], range[1]);
  const value = node.value;
  if (node.type === "PLAIN" && source === value) return range[0] + offset;
  if ((node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") && source.slice(1, -1) === value) return range[0] + 1 + offset;
  return range[0];
}

function keyName(pair: Pair): string {
  const key = pair.key as Node | null;
  return isScalar(key) ? String(key.value) : String(key);
}

function start(node: Node | null | undefined, fallback?: Pair): number {
  if (node?.range) return node.range[0];
  const key = fallback?.key as Node | null | undefined;
  return key?.range ? key.range[0] : 0;
}

function describe(node: Node | null | undefined): string {
  if (node === null || node === undefined) return "nothing";
  if (isMap(node)) return "a mapping";
  if (isSeq(node)) return "a list";
  if (isScalar(node)) {
    const value = node.value;
    if (typeof value === "string") return JSON.stringify(value);
    if (value === null) return "null";
    return String(value);
  }
  return "an unsupported YAML node";
}
