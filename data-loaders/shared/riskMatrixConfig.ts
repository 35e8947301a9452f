import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {ConfigError} from "./configError.js";
import {parseRiskMatrix} from "../../lib/regime/parseRiskMatrix.js";
import type {ParseRiskMatrixOptions} from "../../lib/regime/parseRiskMatrix.js";
import type {RiskMatrix} from "../../lib/regime/riskMatrix.js";

export {parseRiskMatrix};
export type {RiskMatrix};

/** The shipped matrix, relative to the project root. */
export const DEFAULT_RISK_MATRIX_PATH = "config/risk_matrix.yaml";

/**
 * Reads and validates a risk matrix file (see parseRiskMatrix for the rules and defaults). `path` is used as
 * given in messages (`config/risk_matrix.yaml:12:7 ...`) and read relative to `cwd` (default the process's).
 * @throws ConfigError for an unreadable file (rule "yaml-syntax", line 1) or any validation error.
 */
export function loadRiskMatrix(
  path: string = DEFAULT_RISK_MATRIX_PATH,
  {cwd = process.cwd(), ...options}: ParseRiskMatrixOptions & {cwd?: string} = {}
): RiskMatrix {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), "utf8");
  } catch (error) {
    const code = (error as {code?: string}).code ?? "read error";
    throw new ConfigError({file: path, line: 1, column: 1, path: "", rule: "yaml-syntax", detail: `cannot read the file (${code})`});
  }
  return parseRiskMatrix(text, path, options);
}
