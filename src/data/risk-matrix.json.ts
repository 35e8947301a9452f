// The risk matrix, validated at build time: a bad config/risk_matrix.yaml fails the build with file:line:column.
// Writes {file, yaml, matrix}: the text (for parseRiskMatrix(yaml, file) in the browser) and the parsed RiskMatrix
// (plain JSON: decideRegime takes it as is, with no YAML parser shipped to the page).
import {readFileSync} from "node:fs";
import {DEFAULT_RISK_MATRIX_PATH, loadRiskMatrix} from "../../data-loaders/shared/riskMatrixConfig.js";

const matrix = loadRiskMatrix(DEFAULT_RISK_MATRIX_PATH);
process.stdout.write(JSON.stringify({file: DEFAULT_RISK_MATRIX_PATH, yaml: readFileSync(DEFAULT_RISK_MATRIX_PATH, "utf8"), matrix}));
