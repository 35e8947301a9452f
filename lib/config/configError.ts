/** The kind of rule a configuration file broke, for programs that react to specific mistakes. */
export type ConfigRule =
  | "yaml-syntax"
  | "unknown-key"
  | "missing-key"
  | "wrong-type"
  | "limit-sign"
  | "out-of-range"
  | "unknown-identifier"
  | "condition-syntax"
  | "unknown-regime"
  | "duplicate"
  | "invalid-value";

/**
 * A configuration file that does not load, located to the character: the message reads
 * `config/risk_matrix.yaml:12:7 regimes.crisis_mode.limits.max_gamma: expected a number >= 0, got "ten"`.
 * `line` and `column` are 1-based; `path` is the dotted key path (`regimes.x.limits.max_gamma`, `severity_order[2]`).
 */
export class ConfigError extends Error {
  override name = "ConfigError";
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly path: string;
  readonly rule: ConfigRule;
  readonly detail: string;
  constructor({file, line, column, path, rule, detail}: {file: string; line: number; column: number; path: string; rule: ConfigRule; detail: string}) {
    super(`${file}:${line}:${column} ${path === "" ? "(root)" : path}: ${detail}`);
    this.file = file;
    this.line = line;
    this.column = column;
    this.path = path;
    this.rule = rule;
    this.detail = detail;
  }
}
