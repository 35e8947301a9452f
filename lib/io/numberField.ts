/** How a file writes decimals: `1,234.5` (point) or `1.234,5` (comma). */
export type DecimalSeparator = "." | ",";

const POINT_ONLY = /^[-+]?(\d{1,3}(,\d{3})+|\d+)?\.\d+$|^[-+]?\d{1,3}(,\d{3}){2,}$/;
const COMMA_ONLY = /^[-+]?(\d{1,3}(\.\d{3})+|\d+)?,\d+$|^[-+]?\d{1,3}(\.\d{3}){2,}$/;

/**
 * Guesses the decimal separator from sample fields: a field that can only be read one way decides
 * (`12.5`, `1,234.50` → "."; `12,5`, `1.234,50` → ","). A field like `1,234` alone is ambiguous and is skipped.
 * Returns "." when nothing decides (integers only).
 */
export function detectDecimalSeparator(samples: readonly string[]): DecimalSeparator {
  for (const raw of samples) {
    const s = raw.trim();
    if (!s) continue;
    const point = POINT_ONLY.test(s) && !/^[-+]?\d{1,3}\.\d{3}$/.test(s);
    const comma = COMMA_ONLY.test(s) && !/^[-+]?\d{1,3},\d{3}$/.test(s);
    if (point && !comma) return ".";
    if (comma && !point) return ",";
  }
  return ".";
}

const MISSING = new Set(["", "null", "nan", "n/a", "na", "-", "--", "#n/a"]);

/**
 * Parses one numeric field with the given decimal separator (thousands separators of the other kind and
 * surrounding spaces allowed; a trailing `%` is kept as percent points, not divided).
 * Returns NaN for a field meaning "missing" (empty, `null`, `NaN`, `N/A`, `-`) and undefined for text
 * that is not a number at all, so the caller can name the line and column.
 */
export function parseNumberField(raw: string, decimal: DecimalSeparator = "."): number | undefined {
  let s = raw.trim();
  if (MISSING.has(s.toLowerCase())) return NaN;
  if (s.endsWith("%")) s = s.slice(0, -1).trim();
  const thousands = decimal === "." ? "," : ".";
  const grouped = new RegExp(`^[-+]?\\d{1,3}(\\${thousands}\\d{3})+(\\${decimal}\\d*)?$`);
  if (grouped.test(s)) s = s.split(thousands).join("");
  if (decimal === ",") s = s.replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}
